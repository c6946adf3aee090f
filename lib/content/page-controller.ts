import type { Resolution, Sighting } from '../model';
import type { TabShow } from '../messaging';
import type { PanelApi } from '../panel-bridge';
import type { FocusSighting } from '../sites/types';

export interface PageControllerDeps {
  resolve(sighting: Sighting): Promise<Resolution>;
  /** Loads the panel script into this page the first time a story is to be shown. */
  loadPanel(): Promise<PanelApi>;
  onError?(error: unknown): void;
}

/**
 * Turns focus changes into panel states: look the title up, then show its story or nothing.
 * Answers that arrive after the user has moved on to another title are dropped.
 */
export function createPageController(deps: PageControllerDeps) {
  let current: { focus: FocusSighting; resolution: Resolution | null } | null = null;
  let panel: PanelApi | null = null;
  let generation = 0;

  function canResolve({ siteId, title }: Sighting): boolean {
    return Boolean(siteId || title);
  }

  async function focusChanged(focus: FocusSighting | null): Promise<void> {
    const mine = ++generation;
    if (!focus || !canResolve(focus.sighting)) {
      current = focus ? { focus, resolution: null } : null;
      panel?.hide();
      return;
    }
    current = { focus, resolution: null };
    let resolution: Resolution;
    try {
      resolution = await deps.resolve(focus.sighting);
    } catch (error) {
      deps.onError?.(error);
      resolution = { status: 'error', message: 'Backstory could not look this title up.' };
    }
    if (mine !== generation) return;
    current = { focus, resolution };
    if (resolution.status !== 'found') {
      panel?.hide();
      return;
    }
    try {
      panel ??= await deps.loadPanel();
    } catch (error) {
      deps.onError?.(error);
      return;
    }
    if (mine !== generation) return;
    const { context, saved, storage } = resolution;
    panel.show({ sighting: focus.sighting, context, saved, storage, anchor: focus.anchor });
  }

  return {
    focusChanged,
    /** The page re-rendered around the same title: put the panel back if it was dropped. */
    focusUnchanged(focus: FocusSighting): void {
      if (!panel || current?.resolution?.status !== 'found') return;
      current.focus = focus;
      const { context, saved, storage } = current.resolution;
      panel.show({ sighting: focus.sighting, context, saved, storage, anchor: focus.anchor });
    },
    tabShow(): TabShow {
      if (!current) return null;
      return { sighting: current.focus.sighting, resolution: current.resolution };
    },
    /** Returns false when there is no story on this page to show. */
    reveal(): boolean {
      if (!panel || current?.resolution?.status !== 'found') return false;
      panel.reveal();
      return true;
    },
    watchlistChanged(key: string, saved: boolean): void {
      if (current?.resolution?.status === 'found' && current.resolution.context.key === key) {
        current.resolution = { ...current.resolution, saved };
      }
      panel?.setSaved(key, saved);
    },
  };
}
export type PageController = ReturnType<typeof createPageController>;
