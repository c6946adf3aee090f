import { browser } from 'wxt/browser';
import type { Site } from '../model';

/**
 * The storage key of lib/settings.ts `siteSwitches` (WXT's 'local:' prefix names the area). Read
 * raw: WXT's storage wrapper costs more bytes than the always-on script has (issue #4's budget).
 */
export const SITE_SWITCHES_KEY = 'settings.sites';

/**
 * Calls `onChange(true | false)` with whether Backstory runs on `site`, once read and again each
 * time the viewer flips the switch (in any tab or the options page). A site runs unless switched
 * off, as `siteEnabled` says; storage that cannot be read leaves it on.
 */
export function followSiteSwitch(site: Site, onChange: (enabled: boolean) => void): () => void {
  const enabled = (switches: unknown) => (switches as Record<string, unknown> | undefined)?.[site] !== false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SITE_SWITCHES_KEY in changes) onChange(enabled(changes[SITE_SWITCHES_KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  browser.storage.local.get(SITE_SWITCHES_KEY).then(
    (items) => onChange(enabled(items[SITE_SWITCHES_KEY])),
    () => onChange(true),
  );
  return () => browser.storage.onChanged.removeListener(listener);
}
