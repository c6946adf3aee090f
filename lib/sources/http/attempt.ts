/**
 * One request to one host: headers, timeout, and what the response means. The retry policy
 * lives in the client; this file only says what happened, as an AttemptOutcome, or throws
 * when the answer is final (404, another 4xx, a bad or oversized body, a redirect elsewhere).
 */
import { readJsonBody, discardBody } from './body';
import { startAttemptDeadline } from './deadline';
import { notFoundError, redirectedAwayError, unexpectedStatusError } from './errors';
import { hostOfUrl, isSameHostAfterRedirects, type RequestTarget } from './hosts';
import { retryAfterMs } from './retry-after';
import { SourceError } from '../types';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export type AttemptOutcome =
  | { kind: 'ok'; body: unknown }
  /** Worth retrying after a backoff. */
  | { kind: 'failed'; reason: 'server-error'; status: number }
  | { kind: 'failed'; reason: 'network' | 'timeout' }
  /** 429: retryAfterMs is what the server asked for, undefined when it did not say. */
  | { kind: 'rate-limited'; retryAfterMs: number | undefined };

export interface AttemptSettings {
  fetch: FetchFunction;
  /** Sent as Api-User-Agent to Wikimedia hosts. */
  apiUserAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  now: () => number;
  /** Called just before each fetch, for the per-host counters. */
  onFetch: (host: string) => void;
}

/**
 * Accept is a CORS-safelisted header, so it costs TVmaze no preflight. Api-User-Agent is how
 * browser code identifies itself to Wikimedia (User-Agent is never set: Chrome drops it and
 * Firefox then fails the preflight). TVmaze gets nothing custom: its preflight is unconfirmed.
 */
function headersFor(target: RequestTarget, apiUserAgent: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (target.policy === 'wikimedia') headers['Api-User-Agent'] = apiUserAgent;
  return headers;
}

function requestInit(target: RequestTarget, settings: AttemptSettings, signal: AbortSignal): RequestInit {
  return {
    method: 'GET',
    headers: headersFor(target, settings.apiUserAgent),
    // Keyless APIs: cookies would only identify the user to them. The HTTP cache stays on
    // (no cache: 'no-store'): TVmaze and Wikimedia send cache headers worth honouring.
    credentials: 'omit',
    redirect: 'follow',
    signal,
  };
}

async function outcomeOfResponse(
  response: Response,
  target: RequestTarget,
  settings: AttemptSettings,
  signal: AbortSignal,
): Promise<AttemptOutcome> {
  if (!isSameHostAfterRedirects(response.url, target)) {
    discardBody(response);
    throw redirectedAwayError(target.source, hostOfUrl(response.url));
  }
  if (response.ok) {
    const body = await readJsonBody(response, { source: target.source, maxBytes: settings.maxBodyBytes, signal });
    return { kind: 'ok', body };
  }
  discardBody(response);
  const { status } = response;
  if (status === 404) throw notFoundError(target.source);
  if (status === 429) {
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(response.headers.get('retry-after'), settings.now()) };
  }
  if (status >= 500) return { kind: 'failed', reason: 'server-error', status };
  throw unexpectedStatusError(target.source, status);
}

/**
 * Makes one request. Resolves with what happened; throws a SourceError when retrying cannot
 * help, or the caller's abort reason when the caller gave up.
 */
export async function attemptRequest(
  target: RequestTarget,
  settings: AttemptSettings,
  callerSignal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  callerSignal?.throwIfAborted();
  const deadline = startAttemptDeadline(settings.timeoutMs, callerSignal);
  try {
    settings.onFetch(target.host);
    const response = await settings.fetch(target.url.href, requestInit(target, settings, deadline.signal));
    return await outcomeOfResponse(response, target, settings, deadline.signal);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (deadline.timedOut) return { kind: 'failed', reason: 'timeout' };
    // fetch rejects with a TypeError for DNS, TLS, CORS and dropped connections alike.
    return { kind: 'failed', reason: 'network' };
  } finally {
    deadline.dispose();
  }
}
