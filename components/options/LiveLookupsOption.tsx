import { t } from '@/lib/i18n/t';
import { liveLookupsEnabled } from '@/lib/settings';
import { useLiveSourceAccess } from '../shared/use-live-source-access';
import { useStoredValue } from '../shared/use-stored-value';

/** Off, Backstory uses only its curated stories and its cache, and no request leaves the browser. */
export function LiveLookupsOption() {
  const enabled = useStoredValue(liveLookupsEnabled);
  const { access, requestAccess } = useLiveSourceAccess();

  return (
    <section className="option" data-section="live-lookups" aria-labelledby="live-heading">
      <h2 id="live-heading">{t('options_live_heading')}</h2>
      <label className="setting">
        <input
          type="checkbox"
          role="switch"
          data-setting="live-lookups"
          aria-describedby="live-help"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(event) => void liveLookupsEnabled.setValue(event.currentTarget.checked)}
        />
        <span>{t('options_live_label')}</span>
      </label>
      <p className="muted help" id="live-help">
        {t('options_live_help')}
      </p>
      {enabled && access === false && (
        <p className="notice" role="status">
          {t('options_live_no_access')}{' '}
          <button type="button" className="link" data-action="grant-access" onClick={() => void requestAccess()}>
            {t('options_live_allow')}
          </button>
        </p>
      )}
    </section>
  );
}
