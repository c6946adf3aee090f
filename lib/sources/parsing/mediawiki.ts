/**
 * Shared pieces of the MediaWiki Action API (www.wikidata.org and every *.wikipedia.org): the
 * query string every call carries, and the `{"error": {"code": …}}` answers it gives with HTTP 200.
 */
import { z } from 'zod';
import { SourceError, type SourceName } from '../types';

/** Every Action API call: JSON, the modern format, anonymous CORS. */
export const ACTION_API_DEFAULTS = { format: 'json', formatversion: '2', origin: '*' } as const;

function encode(value: string): string {
  return encodeURIComponent(value);
}

/**
 * Builds an Action API URL: `base` may already carry a query (from a wikibase-sdk builder); the
 * defaults and `params` are set on top of it, in that order, without duplicates. Values are
 * percent-encoded (spaces as %20, `|` as %7C), which the API reads the same as raw characters.
 */
export function actionApiUrl(base: string, params: Record<string, string | undefined> = {}): string {
  const url = new URL(base);
  const query = new Map<string, string>();
  for (const [key, value] of url.searchParams) query.set(key, value);
  for (const [key, value] of Object.entries({ ...ACTION_API_DEFAULTS, ...params })) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const search = [...query].map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
  return `${url.origin}${url.pathname}?${search}`;
}

const ApiErrorSchema = z.object({ error: z.object({ code: z.string().max(200) }) });

/** Error codes that mean "nothing here", answered with an empty result rather than an error. */
export const NOTHING_THERE = new Set(['missingtitle', 'nosuchsection', 'invalidtitle', 'no-such-entity', 'pagecannotexist']);

/** The error code of an `{"error": …}` answer, if the JSON is one. */
export function apiErrorCode(json: unknown): string | undefined {
  const parsed = ApiErrorSchema.safeParse(json);
  return parsed.success ? parsed.data.error.code : undefined;
}

/** The SourceError for an API-level error code (never quoting the response). */
export function apiError(source: SourceName, code: string): SourceError {
  if (code === 'ratelimited') return new SourceError(source, 'rate-limited', `${source} asked us to slow down`);
  if (code === 'maxlag' || code === 'readonly' || code === 'internal_api_error' || code.startsWith('internal_api_error')) {
    return new SourceError(source, 'unavailable', `${source} is having trouble right now`);
  }
  return new SourceError(source, 'malformed', `${source} rejected the request`);
}
