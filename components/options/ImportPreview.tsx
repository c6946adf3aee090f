import { useEffect, useRef } from 'react';
import type { WatchlistEntry } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { entriesToWrite, type ImportPlan } from '@/lib/watchlist-io/merge-plan';
import { formatCount } from './format';

/** Titles listed per group at most; the counts above always tell the whole story. */
const LISTED_TITLES = 200;

function TitleList({ entries }: { entries: WatchlistEntry[] }) {
  const shown = entries.slice(0, LISTED_TITLES);
  return (
    <ul className="titles">
      {shown.map((entry) => (
        <li key={entry.key} data-preview-key={entry.key}>
          {entry.title}
          {entry.year ? ` (${entry.year})` : ''}
        </li>
      ))}
      {entries.length > shown.length && <li className="muted">{t('options_preview_more', formatCount(entries.length - shown.length))}</li>}
    </ul>
  );
}

/**
 * What the import will do, before anything is written: the counts, the titles behind them, and
 * the file's repeated keys. Focus moves to its heading so keyboard and screen reader users land on it.
 */
export function ImportPreview({ fileName, plan, onConfirm, onCancel, busy }: { fileName: string; plan: ImportPlan; onConfirm: () => void; onCancel: () => void; busy: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const writes = entriesToWrite(plan).length;

  return (
    <div className="preview" role="region" data-import-preview="" aria-labelledby="preview-heading">
      <h3 id="preview-heading" tabIndex={-1} ref={heading}>
        {t('options_preview_heading', fileName)}
      </h3>
      <dl className="figures">
        <dt>{t('options_preview_new')}</dt>
        <dd data-preview-count="added">{formatCount(plan.added.length)}</dd>
        <dt>{t('options_preview_updated')}</dt>
        <dd data-preview-count="updated">{formatCount(plan.updated.length)}</dd>
        <dt>{t('options_preview_unchanged')}</dt>
        <dd data-preview-count="unchanged">{formatCount(plan.unchanged.length)}</dd>
      </dl>
      {plan.added.length > 0 && (
        <details data-preview-group="added">
          <summary>{t('options_preview_new_titles', formatCount(plan.added.length))}</summary>
          <TitleList entries={plan.added} />
        </details>
      )}
      {plan.updated.length > 0 && (
        <details data-preview-group="updated">
          <summary>{t('options_preview_updated_titles', formatCount(plan.updated.length))}</summary>
          <TitleList entries={plan.updated} />
        </details>
      )}
      {plan.duplicates.length > 0 && (
        <div className="notice" data-preview-duplicates="">
          <p>{plan.duplicates.length === 1 ? t('options_preview_duplicates_one') : t('options_preview_duplicates', formatCount(plan.duplicates.length))}</p>
          <ul className="titles">
            {plan.duplicates.slice(0, LISTED_TITLES).map((duplicate) => (
              <li key={duplicate.key}>{t('options_preview_duplicate_item', duplicate.title, formatCount(duplicate.count))}</li>
            ))}
          </ul>
        </div>
      )}
      {writes === 0 && <p>{t('options_preview_nothing')}</p>}
      <div className="actions">
        {writes > 0 && (
          <button type="button" className="primary" data-action="confirm-import" disabled={busy} onClick={onConfirm}>
            {busy ? t('options_import_importing') : writes === 1 ? t('options_preview_confirm_one') : t('options_preview_confirm', formatCount(writes))}
          </button>
        )}
        <button type="button" className="secondary" data-action="cancel-import" disabled={busy} onClick={onCancel}>
          {writes > 0 ? t('options_preview_cancel') : t('options_preview_close')}
        </button>
      </div>
    </div>
  );
}
