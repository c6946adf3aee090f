import { useEffect, useMemo, useRef, useState } from 'react';
import type { BackstoryDb, WatchlistEntry, WatchStatus } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { sendMessage } from '@/lib/messaging';
import { markOnce, WHOLE_LIST_MARK } from './first-rows-mark';
import { NOTE_HINT_ID } from './NoteEditor';
import { formatters, statusName } from './texts';
import { useWatchlist } from './use-watchlist';
import { VirtualWatchlist } from './VirtualWatchlist';
import { WatchlistControls } from './WatchlistControls';
import type { EntryActions } from './WatchlistEntryRow';
import { countByStatus, DEFAULT_VIEW, viewEntries, type WatchlistView } from './watchlist-view';

/**
 * The saved shows, kept live: a save, edit or removal anywhere shows here at once. Sorted,
 * filtered and searched here; only the rows on screen are rendered, so thousands open fast.
 */
export function WatchlistList({ db }: { db: BackstoryDb }) {
  const read = useWatchlist(db);
  const format = useMemo(formatters, []);
  const [view, setView] = useState<WatchlistView>(DEFAULT_VIEW);
  const [problem, setProblem] = useState<string>();
  const [news, setNews] = useState('');
  const all = read.state === 'loading' ? undefined : read.entries;
  // The first page comes newest first, as the list opens; sorting and filtering wait for the rest.
  const firstPage = read.state === 'first-page';
  const total = read.state === 'first-page' ? read.total : (all?.length ?? 0);
  const shown = useMemo(() => (all && !firstPage ? viewEntries(all, view, format.collator) : (all ?? [])), [all, firstPage, view, format]);
  const counts = useMemo(() => (firstPage ? undefined : countByStatus(all ?? [])), [all, firstPage]);

  useEffect(() => {
    if (read.state === 'ready' && read.entries.length > 0) markOnce(WHOLE_LIST_MARK);
  }, [read]);

  const actions = useRef<EntryActions>({
    async setStatus(entry: WatchlistEntry, status: WatchStatus) {
      const done = await edit({ key: entry.key, status });
      if (done) setNews(t('popup_status_saved', entry.title, statusName(status)));
      return done;
    },
    async setNote(entry: WatchlistEntry, note: string) {
      const done = await edit({ key: entry.key, note });
      if (done) setNews(note.trim() ? t('popup_note_saved', entry.title) : t('popup_note_removed', entry.title));
      return done;
    },
    async remove(entry: WatchlistEntry) {
      setProblem(undefined);
      try {
        const result = await sendMessage('setWatchlisted', { key: entry.key, saved: false });
        if (!result.ok) setProblem(result.message);
      } catch {
        setProblem(t('popup_remove_failed'));
      }
    },
  }).current;

  async function edit(change: { key: string; status?: WatchStatus; note?: string }): Promise<boolean> {
    setProblem(undefined);
    try {
      const result = await sendMessage('updateWatchlistEntry', change);
      if (!result.ok) setProblem(result.message);
      return result.ok;
    } catch {
      setProblem(t('popup_edit_failed'));
      return false;
    }
  }

  return (
    <section data-section="watchlist" aria-labelledby="watchlist-heading" aria-busy={read.state === 'loading' || firstPage}>
      <h2 id="watchlist-heading">{t('popup_watchlist_heading')}</h2>
      {problem && (
        <p role="alert" className="notice">
          {problem}
        </p>
      )}
      {read.state === 'unreadable' && (
        <p role="alert" className="notice">
          {read.entries ? t('popup_watchlist_unreadable_kept') : t('popup_watchlist_unreadable')}
        </p>
      )}
      {read.state === 'loading' && <p className="muted">{t('popup_watchlist_loading')}</p>}
      {all && all.length === 0 && read.state === 'ready' && <p className="muted">{t('popup_watchlist_empty')}</p>}
      {all && all.length > 0 && (
        <>
          <WatchlistControls view={view} counts={counts} onChange={setView} format={format} disabled={firstPage} />
          <p className="muted small" role="status" data-field="watchlist-count">
            {t('popup_watchlist_count', format.number(firstPage ? total : shown.length), format.number(total))}
          </p>
          {shown.length === 0 ? <p className="muted">{t('popup_watchlist_no_match')}</p> : <VirtualWatchlist entries={shown} setSize={firstPage ? total : shown.length} actions={actions} format={format} />}
          <p id={NOTE_HINT_ID} className="muted small note-hint">
            {t('popup_note_hint')}
          </p>
        </>
      )}
      <p className="visually-hidden" role="status">
        {news}
      </p>
    </section>
  );
}
