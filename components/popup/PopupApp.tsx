import type { BackstoryDb } from '@/lib/db/schema';
import { CurrentShow } from './CurrentShow';
import { LiveLookupsSetting } from './LiveLookupsSetting';
import { WatchlistList } from './WatchlistList';

export function PopupApp({ db, tabId }: { db: BackstoryDb; tabId: number | undefined }) {
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>
          <span className="brand">Backstory</span>
        </h1>
        <p className="muted small">The real story behind the show</p>
      </header>
      <CurrentShow tabId={tabId} />
      <WatchlistList db={db} />
      <LiveLookupsSetting />
    </main>
  );
}
