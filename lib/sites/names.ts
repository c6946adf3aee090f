import type { Site } from '../model';

const SITE_NAMES: Record<Site, string> = { netflix: 'Netflix' };

/** A site's own name, as the extension's pages show it: a brand, the same in every language. */
export function siteName(site: Site): string {
  return SITE_NAMES[site];
}
