import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createCacheRepository, type CacheCounts } from '@/lib/db/cache';
import type { BackstoryDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { sendMessage } from '@/lib/messaging';
import { formatBytes, formatCount } from './format';

type Figures = { counts: CacheCounts; saved: number } | { error: true };
type Outcome = { ok: true; removed: number } | { ok: false; message: string };

/** What the page's origin uses in all, where the browser says (not every browser does). */
function useStorageUsage(revision: number): number | undefined {
  const [usage, setUsage] = useState<number>();
  useEffect(() => {
    let live = true;
    const estimate = globalThis.navigator?.storage?.estimate;
    if (typeof estimate !== 'function') return;
    void navigator.storage
      .estimate()
      .then((found) => live && setUsage(found.usage))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [revision]);
  return usage;
}

/**
 * What Backstory keeps only to be fast, how much room it takes, and a button to empty it. The
 * watchlist is counted beside it to make plain that clearing never touches it.
 */
export function CacheOption({ db }: { db: BackstoryDb }) {
  // Read again after a clear, in case this page does not hear of the background's change.
  const [revision, setRevision] = useState(0);
  const figures = useLiveQuery<Figures>(
    () =>
      Promise.all([createCacheRepository(db).counts(), db.watchlist.count()]).then(
        ([counts, saved]) => ({ counts, saved }),
        () => ({ error: true as const }),
      ),
    [db, revision],
  );
  const usage = useStorageUsage(revision);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function clear() {
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome(await sendMessage('clearCache', undefined));
    } catch {
      setOutcome({ ok: false, message: t('options_cache_failed') });
    } finally {
      setBusy(false);
      setRevision((value) => value + 1);
    }
  }

  return (
    <section className="option" data-section="cache" aria-labelledby="cache-heading">
      <h2 id="cache-heading">{t('options_cache_heading')}</h2>
      <p className="muted">{t('options_cache_help')}</p>
      {figures === undefined && <p className="muted">{t('options_loading')}</p>}
      {figures && 'error' in figures && (
        <p className="notice" role="alert">
          {t('options_cache_unreadable')}
        </p>
      )}
      {figures && 'counts' in figures && (
        <dl className="figures" data-cache-figures="">
          <dt>{t('options_cache_shows')}</dt>
          <dd data-count="shows">{formatCount(figures.counts.shows)}</dd>
          <dt>{t('options_cache_lookups')}</dt>
          <dd data-count="lookups">{formatCount(figures.counts.lookups)}</dd>
          <dt>{t('options_cache_site_ids')}</dt>
          <dd data-count="site-ids">{formatCount(figures.counts.siteIds)}</dd>
          {usage !== undefined && (
            <>
              <dt>{t('options_cache_usage')}</dt>
              <dd data-count="usage">{formatBytes(usage)}</dd>
            </>
          )}
          <dt>{t('options_cache_watchlist')}</dt>
          <dd data-count="watchlist">{formatCount(figures.saved)}</dd>
        </dl>
      )}
      <button type="button" className="secondary" data-action="clear-cache" disabled={busy} onClick={() => void clear()}>
        {busy ? t('options_cache_clearing') : t('options_cache_clear')}
      </button>
      <div aria-live="polite" data-cache-result="">
        {outcome?.ok === true && (
          <p className="success">{outcome.removed === 1 ? t('options_cache_cleared_one') : t('options_cache_cleared', formatCount(outcome.removed))}</p>
        )}
        {outcome?.ok === false && <p className="notice">{outcome.message}</p>}
      </div>
    </section>
  );
}
