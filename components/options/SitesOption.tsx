import { t } from '@/lib/i18n/t';
import type { Site } from '@/lib/model';
import { siteEnabled, siteSwitches } from '@/lib/settings';
import { siteName } from '@/lib/sites/names';
import { adapters } from '@/lib/sites/registry';
import { useStoredValue } from '../shared/use-stored-value';

/** One switch per supported site; a site switched off gets no badges, no panel and no lookups. */
export function SitesOption() {
  const switches = useStoredValue(siteSwitches);

  async function setSite(site: Site, enabled: boolean) {
    // Read again: another page may have changed another site's switch since this one rendered.
    const current = await siteSwitches.getValue();
    await siteSwitches.setValue({ ...current, [site]: enabled });
  }

  return (
    <section className="option" data-section="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options_sites_heading')}</h2>
      <p className="muted" id="sites-help">
        {t('options_sites_help')}
      </p>
      <ul className="switches">
        {adapters.map(({ site }) => (
          <li key={site}>
            <label className="setting">
              <input
                type="checkbox"
                role="switch"
                data-site-switch={site}
                aria-describedby="sites-help"
                checked={switches === undefined ? false : siteEnabled(switches, site)}
                disabled={switches === undefined}
                onChange={(event) => void setSite(site, event.currentTarget.checked)}
              />
              <span>{siteName(site)}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
