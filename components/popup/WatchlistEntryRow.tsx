import { useEffect, useState } from 'react';
import { WATCH_STATUSES, type WatchlistEntry, type WatchStatus } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { showPageUrl } from '@/lib/sites/links';
import { NoteEditor } from './NoteEditor';
import { siteName } from '@/lib/sites/names';
import { statusName, type Formatters } from './texts';

export interface EntryActions {
  setStatus(entry: WatchlistEntry, status: WatchStatus): Promise<boolean>;
  setNote(entry: WatchlistEntry, note: string): Promise<boolean>;
  remove(entry: WatchlistEntry): Promise<void>;
}

/** One saved show: the story at a glance, where it streams, the viewer's status and note. */
export function WatchlistEntryRow({ entry, actions, format }: { entry: WatchlistEntry; actions: EntryActions; format: Formatters }) {
  // Shown at once while the background writes it; the stored status takes over when it comes back.
  const [pending, setPending] = useState<WatchStatus>();
  const status = pending ?? entry.status;
  const site = siteName(entry.where.site);
  const statusId = `status-${entry.key}`;

  useEffect(() => setPending(undefined), [entry.status, entry.statusAt]);

  async function changeStatus(next: WatchStatus) {
    setPending(next);
    if (!(await actions.setStatus(entry, next))) setPending(undefined);
  }

  return (
    <>
      <div className="entry-head">
        <h3 className="entry-title">
          {entry.title}
          {entry.year ? <span className="muted entry-year"> ({entry.year})</span> : null}
        </h3>
        <button type="button" className="remove" data-action="remove" aria-label={t('popup_remove_label', entry.title)} onClick={() => void actions.remove(entry)}>
          {t('popup_remove')}
        </button>
      </div>
      {entry.basedOn && <p className="entry-story small">{t('popup_based_on', entry.basedOn)}</p>}
      {entry.inspiredBy && <p className="entry-story small">{t('popup_inspired_by', entry.inspiredBy)}</p>}
      <p className="entry-where small">
        {t('popup_where_prefix')}{' '}
        <a href={showPageUrl(entry.where)} target="_blank" rel="noopener noreferrer" aria-label={t('popup_where_link_label', entry.title, site)}>
          {site}
        </a>
      </p>
      <div className="entry-status">
        <label htmlFor={statusId} className="visually-hidden">
          {t('popup_status_label', entry.title)}
        </label>
        <select id={statusId} data-field="status" value={status} onChange={(event) => void changeStatus(event.currentTarget.value as WatchStatus)}>
          {WATCH_STATUSES.map((option) => (
            <option key={option} value={option}>
              {statusName(option)}
            </option>
          ))}
        </select>
        <span className="muted small" data-field="status-date">
          {statusDate(entry, format)}
        </span>
      </div>
      <NoteEditor entry={entry} save={(note) => actions.setNote(entry, note)} />
    </>
  );
}

function statusDate(entry: WatchlistEntry, format: Formatters): string {
  switch (entry.status) {
    case 'to-watch':
      return t('popup_status_added_on', format.date(entry.addedAt));
    case 'watching':
      return t('popup_status_watching_since', format.date(entry.statusAt));
    case 'watched':
      return t('popup_status_watched_on', format.date(entry.statusAt));
  }
}
