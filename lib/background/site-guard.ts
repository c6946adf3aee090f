import type { Resolution, Sighting } from '../model';
import { siteEnabled, siteSwitches } from '../settings';

type SiteSwitchesValue = Parameters<typeof siteEnabled>[0];

/**
 * No lookup for a site the viewer switched off. The content script stops asking as soon as the
 * switch flips, but card lookups it queued before wait their turn in the background: this drops
 * them when their turn comes (read each time, so switching back on needs no restart).
 */
export function skipSwitchedOffSites(
  resolve: (sighting: Sighting) => Promise<Resolution>,
  readSwitches: () => Promise<SiteSwitchesValue> = () => siteSwitches.getValue(),
): (sighting: Sighting) => Promise<Resolution> {
  return async (sighting) => (siteEnabled(await readSwitches(), sighting.site) ? resolve(sighting) : { status: 'none' });
}
