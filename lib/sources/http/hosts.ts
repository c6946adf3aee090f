/**
 * Which hosts the extension talks to, and which source each one is. The extension only ever
 * contacts these three services; any other host is a bug (or a hostile URL) and is refused
 * before a request is made.
 */
import { SourceError, type SourceName } from '../types';

/** What the manifest must grant for these hosts (kept next to the rule that enforces them). */
export const LIVE_SOURCE_MATCH_PATTERNS = ['https://www.wikidata.org/*', 'https://*.wikipedia.org/*', 'https://api.tvmaze.com/*'] as const;

/** How a host is queued: Wikimedia wants serial requests, TVmaze a request rate. */
export type HostPolicy = 'wikimedia' | 'tvmaze';

export interface RequestTarget {
  url: URL;
  /** The hostname, which is also the key of the host's queue and of the per-host stats. */
  host: string;
  source: SourceName;
  policy: HostPolicy;
}

const WIKIDATA_HOST = 'www.wikidata.org';
const TVMAZE_HOST = 'api.tvmaze.com';
/**
 * A language edition: "en", "es", "simple", "zh-min-nan", "be-tarask". One label only, so the
 * mobile hosts (en.m.wikipedia.org) and the www.wikipedia.org portal are not API hosts.
 */
const WIKIPEDIA_HOST = /^(?!www\.)[a-z][a-z0-9-]*\.wikipedia\.org$/;

function sourceOfHost(host: string): { source: SourceName; policy: HostPolicy } | undefined {
  if (host === WIKIDATA_HOST) return { source: 'Wikidata', policy: 'wikimedia' };
  if (WIKIPEDIA_HOST.test(host)) return { source: 'Wikipedia', policy: 'wikimedia' };
  if (host === TVMAZE_HOST) return { source: 'TVmaze', policy: 'tvmaze' };
  return undefined;
}

/**
 * SourceError needs a source even when the host is none of ours. Name the service the URL was
 * probably meant for (an http:// or mobile Wikipedia URL is still "Wikipedia" to the user).
 * 'Wikidata' for a host with no resemblance at all is arbitrary: see the report on types.ts.
 */
function likelySourceOfHost(host: string): SourceName {
  if (host === 'wikipedia.org' || host.endsWith('.wikipedia.org')) return 'Wikipedia';
  if (host === 'tvmaze.com' || host.endsWith('.tvmaze.com')) return 'TVmaze';
  return 'Wikidata';
}

function refused(host: string, reason: string): SourceError {
  const source = likelySourceOfHost(host);
  return new SourceError(source, 'malformed', `Refused a request to ${host || 'an invalid URL'}: ${reason}`);
}

/** Parses and checks a URL; throws SourceError 'malformed' for anything we must not contact. */
export function requestTargetOf(rawUrl: string): RequestTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw refused('', 'not a URL');
  }
  const host = url.hostname;
  if (url.protocol !== 'https:') throw refused(host, 'only https is allowed');
  // A port or credentials in the URL would mean some other server than the public API.
  if (url.port !== '' || url.username !== '' || url.password !== '') {
    throw refused(host, 'unexpected port or credentials');
  }
  const known = sourceOfHost(host);
  if (known === undefined) throw refused(host, 'not a source Backstory uses');
  return { url, host, ...known };
}

/**
 * Whether the URL a response finally came from (after redirects) is still the host we asked.
 * TVmaze's lookup endpoints and Wikipedia's REST redirects stay on the same host; anything that
 * ends elsewhere is not the API we meant to read. An empty URL means the response was not
 * fetched from the network (a constructed Response), so there is no redirect to check.
 */
export function isSameHostAfterRedirects(finalUrl: string, target: RequestTarget): boolean {
  if (finalUrl === '') return true;
  try {
    const url = new URL(finalUrl);
    return url.protocol === 'https:' && url.hostname === target.host && url.port === '';
  } catch {
    return false;
  }
}

/** The host a response ended on, for the error message. */
export function hostOfUrl(rawUrl: string): string {
  try {
    return new URL(rawUrl).host;
  } catch {
    return 'an invalid URL';
  }
}
