import { t } from '@/lib/i18n/t';
import { liveLookupsEnabled } from '@/lib/settings';
import { LiveSourceAccessNotice } from '../shared/LiveSourceAccessNotice';
import { useStoredValue } from '../shared/use-stored-value';

/** Off, Backstory uses only its curated stories and its cache, and no request leaves the browser. */
export function LiveLookupsOption() {
  const enabled = useStoredValue(liveLookupsEnabled);

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
        <span>{t('live_lookups_label')}</span>
      </label>
      <p className="muted help" id="live-help">
        {t('live_lookups_help')}
      </p>
      <LiveSourceAccessNotice enabled={enabled} />
    </section>
  );
}
