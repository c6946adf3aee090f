/**
 * Where each supported site lives, apart from its adapter so that entry points and the manifest
 * can name the hosts without bundling the adapter's code.
 */
export const NETFLIX_HOSTS = ['www.netflix.com', 'netflix.com'] as const;

/** The URL patterns of pages on these hosts, for manifests, content-script matches and tab queries. */
export function matchPatternsOf({ hosts }: { hosts: readonly string[] }): string[] {
  return hosts.map((host) => `https://${host}/*`);
}
