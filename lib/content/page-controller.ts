import { canIdentify, sightingIdentity } from '../identify';
import type { Resolution, Sighting } from '../model';
import type { TabShow } from '../messaging';
import type { PanelApi } from '../panel-bridge';
import type { FocusSighting, PanelAnchor } from '../sites/types';

export interface PageControllerDeps {
  resolve(sighting: Sighting): Promise<Resolution>;
  /** Loads the panel script into this page the first time a story is to be shown. */
  loadPanel(): Promise<PanelApi>;
  /** Calls `run` after `ms` unless cancelled (the content script's timers die with it). */
  startTimer?(ms: number, run: () => void): () => void;
  onError?(error: unknown): void;
}

/**
 * Answers from the pack or the cache come well within this; only a lookup on the network takes
 * longer, and then the panel shows its skeleton instead of leaving the user wondering.
 */
export const LOADING_SKELETON_AFTER_MS = 300;

function defaultTimer(ms: number, run: () => void): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

/**
 * Stories this page has shown, by sighting (most recent last). A title opened again shows its story
 * in the same frame as the site's modal instead of after a round trip to the background, which
 * waits behind the site's own work on a busy page; the background is still asked, and its answer
 * replaces what is shown.
 */
export const RECENT_STORIES = 16;

type Found = Extract<Resolution, { status: 'found' }>;
type Current = { focus: FocusSighting; resolution: Resolution | null };

/**
 * The player hides its title with its controls a few seconds into playback: the same video, now
 * without the title, is still the same show, and its panel (or the user's choice to close it)
 * must not blink away and back each time the controls do.
 */
function isTitleHiddenAgain(before: Sighting, now: Sighting): boolean {
  return (
    before.surface === 'watch' &&
    now.surface === 'watch' &&
    now.playableId === before.playableId &&
    now.title === undefined &&
    (now.siteId === undefined || now.siteId === before.siteId)
  );
}

/**
 * Turns focus changes into panel states: look the title up, then show its story or nothing.
 * Answers that arrive after the user has moved on to another title are dropped.
 */
export function createPageController(deps: PageControllerDeps) {
  let current: Current | null = null;
  let panel: PanelApi | null = null;
  let panelLoading: Promise<PanelApi> | null = null;
  let lookup: Promise<void> = Promise.resolve();
  let generation = 0;
  const recent = new Map<string, Found>();

  function showCurrent(): void {
    if (!panel || current?.resolution?.status !== 'found') return;
    const { context, saved, storage } = current.resolution;
    panel.show({ sighting: current.focus.sighting, context, saved, storage, anchor: current.focus.anchor });
  }

  /** One load, however many titles ask for the panel while it is on its way. */
  function ensurePanel(): Promise<PanelApi> {
    panelLoading ??= deps.loadPanel().catch((error: unknown) => {
      panelLoading = null;
      throw error;
    });
    return panelLoading;
  }

  async function withPanel(mine: number, use: (panel: PanelApi) => void): Promise<void> {
    try {
      panel = await ensurePanel();
    } catch (error) {
      deps.onError?.(error);
      return;
    }
    if (mine === generation) use(panel);
  }

  /** `shown`: a story from `recent` is on screen already; the answer only confirms or replaces it. */
  async function lookUp(focus: FocusSighting, mine: number, shown = false): Promise<void> {
    const { sighting, anchor } = focus;
    const identity = sightingIdentity(sighting);
    // The panel script may still be loading when the answer comes: then the skeleton is too late.
    let answered = false;
    const showSkeleton = () => {
      if (mine !== generation) return;
      void withPanel(mine, (ready) => {
        if (!answered) ready.showNotice({ kind: 'loading', sighting, anchor });
      });
    };
    // A story on screen already needs no skeleton over it.
    const cancelSkeleton = shown ? () => {} : (deps.startTimer ?? defaultTimer)(LOADING_SKELETON_AFTER_MS, showSkeleton);
    let resolution: Resolution;
    try {
      resolution = await deps.resolve(sighting);
    } catch (error) {
      deps.onError?.(error);
      // No message: the panel says it in the reader's language (panel_lookup_failed).
      resolution = { status: 'error', message: '', retryable: true };
    } finally {
      answered = true;
      cancelSkeleton();
    }
    if (mine !== generation) return;
    // A failure to confirm keeps the story this page showed moments ago: it is still the right one.
    if (shown && resolution.status === 'error') return;
    recent.delete(identity);
    current = { focus, resolution };
    if (resolution.status === 'none') {
      panel?.hide();
      return;
    }
    if (resolution.status === 'error') {
      const retry = resolution.retryable ? () => void lookAgain() : undefined;
      await withPanel(mine, (ready) => ready.showNotice({ kind: 'error', message: resolution.message, retry, sighting, anchor }));
      return;
    }
    recent.set(identity, resolution);
    if (recent.size > RECENT_STORIES) recent.delete(recent.keys().next().value!);
    await withPanel(mine, showCurrent);
  }

  /** Asks again about the title in focus: after a failure, or when its story changed. */
  function lookAgain(): Promise<void> {
    if (!current || !canIdentify(current.focus.sighting)) return lookup;
    const mine = ++generation;
    lookup = lookUp(current.focus, mine);
    return lookup;
  }

  function focusChanged(focus: FocusSighting | null): Promise<void> {
    if (focus && current && (sightingIdentity(current.focus.sighting) === sightingIdentity(focus.sighting) || isTitleHiddenAgain(current.focus.sighting, focus.sighting))) {
      current = { ...current, focus: { sighting: current.focus.sighting, anchor: focus.anchor } };
      showCurrent();
      return lookup;
    }
    const mine = ++generation;
    if (!focus || !canIdentify(focus.sighting)) {
      current = focus ? { focus, resolution: null } : null;
      panel?.hide();
      lookup = Promise.resolve();
      return lookup;
    }
    const known = recent.get(sightingIdentity(focus.sighting));
    current = { focus, resolution: known ?? null };
    if (known) void withPanel(mine, showCurrent);
    lookup = lookUp(focus, mine, known !== undefined);
    return lookup;
  }

  return {
    focusChanged,
    /** The page re-rendered around the same title: put the panel back if it was dropped. */
    focusUnchanged(focus: FocusSighting): void {
      if (!current) return;
      current = { ...current, focus: { sighting: current.focus.sighting, anchor: focus.anchor } };
      showCurrent();
    },
    /**
     * A badge was clicked: that title's story, placed at `anchor`, expanded and focused, without
     * Netflix's modal. It stays until the user closes it or the page shows another title.
     */
    openCard(sighting: Sighting, anchor: PanelAnchor): Promise<void> {
      const mine = ++generation;
      current = { focus: { sighting, anchor }, resolution: null };
      lookup = lookUp(current.focus, mine).then(() => {
        if (mine === generation) panel?.reveal();
      });
      return lookup;
    },
    /** This page's show once any lookup in flight has answered, for the popup. */
    async tabShow(): Promise<TabShow> {
      await lookup;
      if (!current) return null;
      return { sighting: current.focus.sighting, resolution: current.resolution };
    },
    /** Returns false when there is no story on this page to show. */
    reveal(): boolean {
      if (!panel || current?.resolution?.status !== 'found') return false;
      panel.reveal();
      return true;
    },
    /** The background refreshed a show's story: if it is the one on screen, show the new one. */
    storyRefreshed(key: string): Promise<void> {
      for (const [identity, known] of recent) if (known.context.key === key) recent.delete(identity);
      if (current?.resolution?.status !== 'found' || current.resolution.context.key !== key) return lookup;
      return lookAgain();
    },
    watchlistChanged(key: string, saved: boolean): void {
      for (const [identity, known] of recent) if (known.context.key === key) recent.set(identity, { ...known, saved });
      if (current?.resolution?.status === 'found' && current.resolution.context.key === key) {
        current = { ...current, resolution: { ...current.resolution, saved } };
      }
      panel?.setSaved(key, saved);
    },
  };
}
export type PageController = ReturnType<typeof createPageController>;
