import type { FocusSighting, SiteAdapter } from '../sites/types';
import { sightingIdentity } from '../identify';
import { everyChangedNode, isOwnElement } from './own-elements';
import { observePageMutations, type PageMutations } from './page-mutations';

export interface FocusWatcherOptions {
  doc: Document;
  adapter: SiteAdapter;
  readUrl: () => URL;
  /** Runs the check at most once per batch of mutations (one animation frame in the page). */
  schedule: (run: () => void) => void;
  /** A different title is in focus, or none (null). */
  onChange: (focus: FocusSighting | null) => void;
  /** Same title as before: the panel may need re-attaching if the page re-rendered around it. */
  onSame?: (focus: FocusSighting) => void;
  /** The page's mutations, shared with the other watchers (default: its own observer). */
  mutations?: PageMutations;
}

/**
 * Follows the single-page app: every batch of DOM mutations and every URL change leads to one
 * pass of the adapter's focus reader (a handful of selector queries, never a whole-document scan).
 */
export function followFocus(options: FocusWatcherOptions) {
  const { doc, adapter, readUrl, schedule, onChange, onSame } = options;
  let previous: FocusSighting | null = null;
  let previousIdentity = '';
  let pending = false;
  let stopped = false;

  function check(): void {
    pending = false;
    if (stopped) return;
    const focus = readFocus();
    const identity = focus ? sightingIdentity(focus.sighting) : '';
    if (identity === previousIdentity && focus?.anchor.element === previous?.anchor.element) {
      if (focus) onSame?.(focus);
      return;
    }
    previous = focus;
    previousIdentity = identity;
    onChange(focus);
  }

  /** Page markup is untrusted: whatever the adapter meets, the page never sees an error from us. */
  function readFocus(): FocusSighting | null {
    try {
      return adapter.focus(doc, readUrl());
    } catch {
      return null;
    }
  }

  function requestCheck(): void {
    if (pending || stopped) return;
    pending = true;
    schedule(check);
  }

  // Our own badges and panel coming and going, rows of cards loading or paging, and a card's
  // attributes change nothing about which title is in focus: no need to read a page of thousands
  // of cards for that.
  const rows = adapter.cardGroups;
  const unsubscribe = (options.mutations ?? observePageMutations(doc)).subscribe((records) => {
    if (!records.every((record) => record.type === 'attributes' || everyChangedNode(record, isOwnElement) || (rows !== undefined && isWithinRows(record, rows)))) requestCheck();
  });
  requestCheck();

  return {
    requestCheck,
    /** Reads the page now rather than at the next frame (someone is asking what is on it). */
    checkNow(): void {
      if (!stopped) check();
    },
    stop(): void {
      stopped = true;
      unsubscribe();
    },
  };
}

/** Nodes added to or removed from a row, or whole rows coming and going. */
function isWithinRows(record: MutationRecord, rows: string): boolean {
  if (record.target.nodeType === 1 && (record.target as Element).closest(rows)) return true;
  return everyChangedNode(record, (node) => node.nodeType !== 1 || (node as Element).matches(rows));
}
