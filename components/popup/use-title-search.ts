import { useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import { sendMessage, type TitleHit } from '@/lib/messaging';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchState =
  | { phase: 'idle' }
  /** Waiting for the pack and the cache (a few milliseconds). */
  | { phase: 'known'; query: string; hits?: TitleHit[] }
  /** Pack and cache hits shown; the live lookup is still running. */
  | { phase: 'live'; query: string; hits: TitleHit[] }
  | { phase: 'done'; query: string; hits: TitleHit[]; problem?: string };

/**
 * The popup's title search: after a pause in typing, the pack and the cache at once, then (when
 * live lookups are on) the live sources. Every answer is for one query; an answer that comes back
 * after the viewer typed something else is dropped, so old results never replace newer ones.
 */
export function useTitleSearch(text: string, liveEnabled: boolean): SearchState {
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const asked = ++latest.current;
    if (!query) {
      setState({ phase: 'idle' });
      return;
    }
    setState((previous) => ({ phase: 'known', query, hits: previous.phase === 'idle' ? undefined : previous.hits }));
    const current = () => latest.current === asked;
    const timer = setTimeout(() => void run(), SEARCH_DEBOUNCE_MS);

    async function run() {
      let hits: TitleHit[] = [];
      try {
        const known = await sendMessage('searchTitles', { text: query, live: false });
        if (!current()) return;
        if (!known.ok) return setState({ phase: 'done', query, hits: [], problem: known.message });
        hits = known.hits;
        if (!liveEnabled) return setState({ phase: 'done', query, hits });
        setState({ phase: 'live', query, hits });
        const live = await sendMessage('searchTitles', { text: query, live: true });
        if (!current()) return;
        setState(live.ok ? { phase: 'done', query, hits: live.hits } : { phase: 'done', query, hits, problem: live.message });
      } catch {
        if (current()) setState({ phase: 'done', query, hits, problem: t('popup_search_failed') });
      }
    }
    return () => clearTimeout(timer);
  }, [text, liveEnabled]);

  return state;
}
