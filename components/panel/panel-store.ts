import type { PanelNotice, PanelView } from '@/lib/panel-bridge';

export interface PanelState {
  view: PanelView | null;
  /** Shown when there is no view yet: a lookup in progress, or a failed one. */
  notice: PanelNotice | null;
  /** Closed by the user for this title; a new title or the popup's button brings it back. */
  closed: boolean;
  /** Bumped by reveal(), so the panel moves keyboard focus to itself. */
  revealCount: number;
  /** Shows whose spoiler shield the viewer lifted on this page view (a reload puts it back). */
  unshielded: ReadonlySet<string>;
}

/** A tiny external store: the imperative PanelApi writes, React reads with useSyncExternalStore. */
export function createPanelStore() {
  let state: PanelState = { view: null, notice: null, closed: false, revealCount: 0, unshielded: new Set() };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(change: Partial<PanelState>): void {
      state = { ...state, ...change };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type PanelStore = ReturnType<typeof createPanelStore>;

/** Records a saved state for `key` if that title is still the one on screen; otherwise nothing. */
export function markSaved(store: PanelStore, key: string, saved: boolean): void {
  const view = store.get().view;
  if (view?.context.key === key && view.saved !== saved) store.update({ view: { ...view, saved } });
}

/** The viewer asked to see what the spoiler shield hides for `key`, for as long as this page lives. */
export function liftShield(store: PanelStore, key: string): void {
  const { unshielded } = store.get();
  if (!unshielded.has(key)) store.update({ unshielded: new Set([...unshielded, key]) });
}
