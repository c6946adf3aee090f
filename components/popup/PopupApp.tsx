import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import type { BackstoryDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { CurrentShow } from './CurrentShow';
import { LiveLookupsSetting } from './LiveLookupsSetting';
import { formatters } from './texts';
import { TitleSearch } from './TitleSearch';
import { WatchlistList } from './WatchlistList';

export function PopupApp({ db, tabId }: { db: BackstoryDb; tabId: number | undefined }) {
  const format = useMemo(formatters, []);
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>
          <span className="brand">Backstory</span>
        </h1>
        <p className="muted small">{t('popup_tagline')}</p>
      </header>
      <CurrentShow tabId={tabId} />
      <TitleSearch db={db} format={format} />
      <WatchlistList db={db} />
      <LiveLookupsSetting />
      <footer className="popup-footer">
        <button type="button" className="link" data-action="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_open_options')}
        </button>
      </footer>
    </main>
  );
}
