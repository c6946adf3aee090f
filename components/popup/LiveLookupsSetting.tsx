import { useEffect, useState } from 'react';
import { hasLiveSourceAccess, requestLiveSourceAccess } from '@/lib/permissions/live-sources';
import { liveLookupsEnabled } from '@/lib/settings';
import { useStoredValue } from '../shared/use-stored-value';

/**
 * The off switch for live lookups. Off, Backstory uses only its curated pack and what it has
 * already cached, and no request leaves the browser.
 */
export function LiveLookupsSetting() {
  const enabled = useStoredValue(liveLookupsEnabled);
  const [access, setAccess] = useState<boolean>();
  useEffect(() => {
    void hasLiveSourceAccess().then(setAccess);
  }, []);

  return (
    <section data-section="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <label className="setting">
        <input
          type="checkbox"
          data-setting="live-lookups"
          checked={enabled ?? false}
          disabled={enabled === undefined}
          onChange={(event) => void liveLookupsEnabled.setValue(event.currentTarget.checked)}
        />
        <span>
          Look titles up on Wikidata, Wikipedia and TVmaze
          <span className="muted small setting-help">
            {' '}
            Off: only Backstory's own stories and what it has already looked up are shown, and nothing is sent anywhere.
          </span>
        </span>
      </label>
      {enabled && access === false && (
        <p className="notice" role="status">
          Backstory is not allowed to reach Wikidata, Wikipedia and TVmaze, so it only shows its own stories.{' '}
          <button type="button" className="link" data-action="grant-access" onClick={() => void requestLiveSourceAccess().then(setAccess)}>
            Allow access
          </button>
        </p>
      )}
    </section>
  );
}
