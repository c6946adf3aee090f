/**
 * The hand-off between the always-on detector and the panel script that the background injects
 * on demand. Both run in the extension's isolated world of the same page, which the page's own
 * scripts cannot see, so a property on that world's global object is a private channel.
 */
import type { ShowContext, Sighting, StorageState } from './model';
import type { PanelAnchor } from './sites/types';

export interface PanelView {
  sighting: Sighting;
  context: ShowContext;
  saved: boolean;
  storage: StorageState;
  anchor: PanelAnchor;
}

/**
 * What the panel says while there is no story to show yet: a lookup is under way (a skeleton, so
 * the page does not jump when the story arrives), or it failed (what failed, and a retry).
 */
export type PanelNotice = { sighting: Sighting; anchor: PanelAnchor } & (
  | { kind: 'loading' }
  | { kind: 'error'; message: string; retry?: () => void }
);

export interface PanelApi {
  /** Render this view (a new title or fresh data), re-attaching the panel where the anchor says. */
  show(view: PanelView): void;
  /** Show a lookup in progress or a failed one in the panel's place. */
  showNotice(notice: PanelNotice): void;
  /** Remove the panel from the page (the title is gone). */
  hide(): void;
  /** Bring a closed or collapsed panel back, expanded and focused (popup button, shortcut). */
  reveal(): void;
  /**
   * The keyboard shortcut: an expanded panel folds into its slim tab; a folded or closed one comes
   * back expanded and focused. Says what it did ('nothing' when no story is on this page).
   */
  toggle(): Promise<PanelToggle>;
  /** The watchlist changed elsewhere (popup, another tab). */
  setSaved(key: string, saved: boolean): void;
}

export type PanelToggle = 'expanded' | 'collapsed' | 'nothing';

/** Also spelled out in lib/background/panel-shortcut.ts, whose injected function cannot import it. */
export const PANEL_API_GLOBAL = '__backstoryPanelApi';
const GLOBAL_NAME = PANEL_API_GLOBAL;

export function publishPanelApi(api: PanelApi): void {
  Object.defineProperty(globalThis, GLOBAL_NAME, { value: api, configurable: true });
}

export function findPanelApi(): PanelApi | undefined {
  return (globalThis as Record<string, unknown>)[GLOBAL_NAME] as PanelApi | undefined;
}

/**
 * The extension was updated or disabled: take the panel off the page and forget its API, so a
 * newly injected detector loads a live panel instead of reusing one whose messages go nowhere.
 */
export function retirePanelApi(): void {
  findPanelApi()?.hide();
  delete (globalThis as Record<string, unknown>)[GLOBAL_NAME];
}
