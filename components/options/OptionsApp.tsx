import type { BackstoryDb } from '@/lib/db/schema';
import { t } from '@/lib/i18n/t';
import { CacheOption } from './CacheOption';
import { ExportOption } from './ExportOption';
import { ImportOption } from './ImportOption';
import { LiveLookupsOption } from './LiveLookupsOption';
import { SitesOption } from './SitesOption';
import { SpoilerShieldOption } from './SpoilerShieldOption';

export function OptionsApp({ db }: { db: BackstoryDb }) {
  return (
    <div className="options-page">
      <header className="options-header">
        <h1>
          <span className="brand">Backstory</span> <span className="page-name">{t('options_heading')}</span>
        </h1>
        <p className="muted">{t('options_intro')}</p>
      </header>
      <main className="options">
        <SitesOption />
        <LiveLookupsOption />
        <SpoilerShieldOption />
        <CacheOption db={db} />
        <ExportOption db={db} />
        <ImportOption db={db} />
      </main>
    </div>
  );
}
