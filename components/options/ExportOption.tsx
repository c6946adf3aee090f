import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BackstoryDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { watchlistToCsv } from '@/lib/watchlist-io/export-csv';
import { watchlistToJson } from '@/lib/watchlist-io/export-json';
import { downloadTextFile } from './download-file';
import { formatCount } from './format';

type Format = 'json' | 'csv';

/** The whole watchlist as a file: JSON to import again (here or elsewhere), CSV for a spreadsheet. */
export function ExportOption({ db }: { db: BackstoryDb }) {
  const count = useLiveQuery(() => db.watchlist.count().catch(() => undefined), [db]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  async function download(format: Format) {
    setMessage(undefined);
    try {
      const entries = await db.watchlist.toArray();
      const now = new Date();
      const name = `backstory-watchlist-${now.toISOString().slice(0, 10)}.${format}`;
      if (format === 'json') downloadTextFile(watchlistToJson(entries, now), name, 'application/json');
      else downloadTextFile(watchlistToCsv(entries), name, 'text/csv;charset=utf-8');
      setMessage({ ok: true, text: entries.length === 1 ? t('options_export_done_one', '1', name) : t('options_export_done', formatCount(entries.length), name) });
    } catch {
      setMessage({ ok: false, text: t('options_export_failed') });
    }
  }

  return (
    <section className="option" data-section="export" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('options_export_heading')}</h2>
      <p className="muted">{t('options_export_help')}</p>
      {count !== undefined && <p>{count === 1 ? t('options_export_count_one') : t('options_export_count', formatCount(count))}</p>}
      <div className="actions">
        <button type="button" className="secondary" data-action="export-json" onClick={() => void download('json')}>
          {t('options_export_json')}
        </button>
        <button type="button" className="secondary" data-action="export-csv" onClick={() => void download('csv')}>
          {t('options_export_csv')}
        </button>
      </div>
      <div aria-live="polite" data-export-result="">
        {message && <p className={message.ok ? 'success' : 'notice'}>{message.text}</p>}
      </div>
    </section>
  );
}
