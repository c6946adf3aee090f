import { t } from '@/lib/i18n/t';
import { liveLookupsEnabled } from '@/lib/settings';
import { useLiveSourceAccess } from '../shared/use-live-source-access';
import { useStoredValue } from '../shared/use-stored-value';

/**
 * The off switch for live lookups. Off, Backstory uses only its curated pack and what it has
 * already cached, and no request leaves the browser.
 */
export function LiveLookupsSetting() {
  const enabled = useStoredValue(liveLookupsEnabled);
  const { access, requestAccess } = useLiveSourceAccess();

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
          {t('popup_settings_live_label')}
          <span className="muted small setting-help"> {t('popup_settings_live_help')}</span>
        </span>
      </label>
      {enabled && access === false && (
        <p className="notice" role="status">
          {t('popup_settings_no_access')}{' '}
          <button type="button" className="link" data-action="grant-access" onClick={() => void requestAccess()}>
            {t('popup_settings_allow_access')}
          </button>
        </p>
      )}
    </section>
  );
}
