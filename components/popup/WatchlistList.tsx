import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackstoryDb, WatchlistEntry } from '@/lib/db/schema';
import { sendMessage } from '@/lib/messaging';
import { showPageUrl } from '@/lib/sites/links';

type Read = { entries: WatchlistEntry[] } | { error: string };

const UNREADABLE = "Your watchlist can't be read right now: the browser's storage for Backstory is unavailable.";

/** The saved shows, newest first, kept live: a save in any tab shows up here at once. */
export function WatchlistList({ db }: { db: BackstoryDb }) {
  const read = useLiveQuery<Read>(() =>
    db.watchlist
      .orderBy('addedAt')
      .reverse()
      .toArray()
      .then((entries) => ({ entries }), () => ({ error: UNREADABLE })),
  );
  const [problem, setProblem] = useState<string>();

  async function remove(entry: WatchlistEntry) {
    setProblem(undefined);
    try {
      const result = await sendMessage('setWatchlisted', { key: entry.key, saved: false });
      if (!result.ok) setProblem(result.message);
    } catch {
      setProblem('Backstory could not remove it right now; nothing was changed.');
    }
  }

  return (
    <section data-section="watchlist" aria-labelledby="watchlist-heading">
      <h2 id="watchlist-heading">Your watchlist</h2>
      {problem && <p role="alert" className="notice">{problem}</p>}
      {!read && <p className="muted">Loading…</p>}
      {read && 'error' in read && <p role="alert" className="notice">{read.error}</p>}
      {read && 'entries' in read && read.entries.length === 0 && <p className="muted">Nothing saved yet. Use “Save to watchlist” on a show’s real story.</p>}
      {read && 'entries' in read && read.entries.length > 0 && (
        <ul className="watchlist">
          {read.entries.map((entry) => (
            <li key={entry.key} data-watchlist-item="" data-show-key={entry.key}>
              <div className="entry-text">
                <a href={showPageUrl(entry.where)} target="_blank" rel="noopener noreferrer" className="entry-title">
                  {entry.title}
                  {entry.year ? ` (${entry.year})` : ''}
                </a>
                {entry.basedOn && <p className="muted small">Based on {entry.basedOn}</p>}
                {entry.inspiredBy && <p className="muted small">Inspired by {entry.inspiredBy}</p>}
              </div>
              <button type="button" className="remove" data-action="remove" aria-label={`Remove ${entry.title} from your watchlist`} onClick={() => void remove(entry)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
