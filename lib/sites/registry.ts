/** Every site adapter. Adding a site is one adapter file and one line here. */
import { netflix } from './netflix';
import { matchPatternsOf } from './hosts';
import type { SiteAdapter } from './types';

export const adapters: readonly SiteAdapter[] = [netflix];

/** The adapter that reads pages on this URL's host, if any. */
export function adapterForUrl(url: URL): SiteAdapter | undefined {
  const host = url.hostname.toLowerCase();
  return adapters.find((adapter) => adapter.hosts.includes(host));
}

/** Every supported site's URL patterns. */
export function supportedMatchPatterns(): string[] {
  return adapters.flatMap(matchPatternsOf);
}
