import { t } from '@/lib/i18n/t';
import { liveLookupsEnabled } from '@/lib/settings';
import { LiveSourceAccessNotice } from '../shared/LiveSourceAccessNotice';
import { useStoredValue } from '../shared/use-stored-value';

/**
 * The off switch for live lookups. Off, Backstory uses only its curated pack and what it has
 * already cached, and no request leaves the browser.
 */
export function LiveLookupsSetting() {
  const enabled = useStoredValue(liveLookupsEnabled);

  return (
    <section data-section="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('popup_settings_heading')}</h2>
      <label className="setting">
        <input
          type="checkbox"
          data-setting="live-lookups"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(event) => void liveLookupsEnabled.setValue(event.currentTarget.checked)}
        />
        <span>
          {t('live_lookups_label')}
          <span className="muted small setting-help"> {t('live_lookups_help')}</span>
        </span>
      </label>
      <LiveSourceAccessNotice enabled={enabled} />
    </section>
  );
}
