import type { Site } from '../model';

/** The show's own page on the site where it streams, or that site's search when its ID is unknown. */
export function showPageUrl(where: { site: Site; siteId?: string; title: string }): string {
  switch (where.site) {
    case 'netflix':
      return where.siteId
        ? `https://www.netflix.com/title/${encodeURIComponent(where.siteId)}`
        : `https://www.netflix.com/search?q=${encodeURIComponent(where.title)}`;
  }
}
