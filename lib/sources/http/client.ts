/**
 * createHttpClient: the one way lib/sources/ talks to the network. Per-host queues, a timeout
 * per attempt, retries with backoff, 429 handling, a body size limit, and counters.
 */
import type { HttpClient } from '../types';
import { attemptRequest, type AttemptOutcome, type AttemptSettings, type FetchFunction } from './attempt';
import { backoffDelayMs } from './backoff';
import { offlineError, rateLimitedError, serverError, timeoutError, unreachableError } from './errors';
import { HostQueue } from './host-queue';
import { requestTargetOf, type RequestTarget } from './hosts';
import { sleepUnlessAborted, sleepWithTimers, type Sleep } from './waits';

export interface HttpClientOptions {
  /** The extension's version, sent in Api-User-Agent ("Backstory/0.1.0 (…)"). */
  version: string;
  /** Defaults to globalThis.fetch, looked up at call time. */
  fetch?: FetchFunction;
  /** Used for backoff, the Wikimedia gap and 429 pauses (not for the per-attempt timeout). */
  sleep?: Sleep;
  /** Milliseconds since the epoch; used for the Wikimedia gap and Retry-After dates. */
  now?: () => number;
  /** In [0, 1); jitter for the backoff. */
  random?: () => number;
  timeoutMs?: number;
  /** Retries after a 5xx, a network error or a timeout (not counting the first attempt). */
  retries?: number;
  backoffBaseMs?: number;
  wikimediaGapMs?: number;
  /** How long a host is paused after a 429 with no (readable) Retry-After. */
  defaultRetryAfterMs?: number;
  /**
   * The longest a request will wait for a host paused by a 429. A host is always paused as long
   * as its Retry-After asks; a request (or the retry after a 429) that would have to wait longer
   * than this fails at once with SourceError 'rate-limited' instead of queuing, and requests
   * already waiting fail as soon as a pause is extended past it. Once the pause is over,
   * requests go through again.
   */
  maxRetryAfterMs?: number;
  maxBodyBytes?: number;
}

export interface HttpStats {
  /** Fetches actually made, retries included; refused and offline calls are not counted. */
  requests: number;
  byHost: Record<string, number>;
}

export interface CountingHttpClient extends HttpClient {
  stats(): HttpStats;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  backoffBaseMs: 500,
  wikimediaGapMs: 150,
  defaultRetryAfterMs: 60_000,
  maxRetryAfterMs: 120_000,
  maxBodyBytes: 2 * 1024 * 1024,
} as const;

/** A 429 is retried once, after the pause; a second 429 is final. */
const RATE_LIMIT_RETRIES = 1;
/** Retries go ahead of requests that have not started, so a retried lookup is not starved. */
const RETRY_PRIORITY = 1;

/**
 * Wikimedia's User-Agent policy asks for a way to reach the client's authors. The project has no
 * public page or mailbox yet, so this names the client and an address that plainly is a
 * placeholder: replace it with a real contact before publishing (a known gap, not a guess).
 */
export const CONTACT = 'backstory@backstory.invalid';

/** Wikimedia's User-Agent policy: name/version (what it is; contact). */
export function apiUserAgentFor(version: string): string {
  return `Backstory/${version} (browser extension; ${CONTACT})`;
}

/** navigator.onLine is only trusted when it says false: true just means "has a network adapter". */
function browserSaysOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Bound at call time: calling fetch detached from globalThis throws "Illegal invocation". */
const globalFetch: FetchFunction = (url, init) => globalThis.fetch(url, init);

type Settings = Required<Omit<HttpClientOptions, 'version' | 'fetch'>>;

function settingsFrom(options: HttpClientOptions): Settings {
  return {
    sleep: options.sleep ?? sleepWithTimers,
    // Read at call time, so a clock swapped in later (fake timers) is the one used.
    now: options.now ?? (() => Date.now()),
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? HTTP_DEFAULTS.timeoutMs,
    retries: options.retries ?? HTTP_DEFAULTS.retries,
    backoffBaseMs: options.backoffBaseMs ?? HTTP_DEFAULTS.backoffBaseMs,
    wikimediaGapMs: options.wikimediaGapMs ?? HTTP_DEFAULTS.wikimediaGapMs,
    defaultRetryAfterMs: options.defaultRetryAfterMs ?? HTTP_DEFAULTS.defaultRetryAfterMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? HTTP_DEFAULTS.maxRetryAfterMs,
    maxBodyBytes: options.maxBodyBytes ?? HTTP_DEFAULTS.maxBodyBytes,
  };
}

/** The error to throw when an attempt failed and no retries are left. */
function finalError(outcome: Extract<AttemptOutcome, { kind: 'failed' }>, target: RequestTarget) {
  if (outcome.reason === 'server-error') return serverError(target.source, outcome.status);
  if (outcome.reason === 'timeout') return timeoutError(target.source);
  return browserSaysOffline() ? offlineError(target.source) : unreachableError(target.source);
}

export function createHttpClient(options: HttpClientOptions): CountingHttpClient {
  const settings = settingsFrom(options);
  const counts: HttpStats = { requests: 0, byHost: {} };
  const queues = new Map<string, HostQueue>();

  const attemptSettings: AttemptSettings = {
    fetch: options.fetch ?? globalFetch,
    apiUserAgent: apiUserAgentFor(options.version),
    timeoutMs: settings.timeoutMs,
    maxBodyBytes: settings.maxBodyBytes,
    now: settings.now,
    onFetch(host) {
      counts.requests += 1;
      counts.byHost[host] = (counts.byHost[host] ?? 0) + 1;
    },
  };

  function queueFor(target: RequestTarget): HostQueue {
    let queue = queues.get(target.host);
    if (queue === undefined) {
      queue = new HostQueue(
        target.policy,
        { gapMs: settings.wikimediaGapMs, sleep: settings.sleep, now: settings.now },
        { maxWaitMs: settings.maxRetryAfterMs, refusal: () => rateLimitedError(target.source) },
      );
      queues.set(target.host, queue);
    }
    return queue;
  }

  /**
   * One attempt in the host's queue; a 429 pauses the host before the queue starts anything else.
   * Rejects at once with 'rate-limited' while the host is paused for longer than we would wait.
   */
  function queuedAttempt(target: RequestTarget, signal: AbortSignal | undefined, isRetry: boolean) {
    const queue = queueFor(target);
    return queue.run(
      async () => {
        const outcome = await attemptRequest(target, attemptSettings, signal);
        if (outcome.kind === 'rate-limited') {
          // The host is paused as long as it asks, always; only a pause we are willing to wait out
          // leads to a retry (see getJson). Requests waiting behind a longer one fail now.
          queue.pauseFor(outcome.retryAfterMs ?? settings.defaultRetryAfterMs);
        }
        return outcome;
      },
      { signal, priority: isRetry ? RETRY_PRIORITY : 0 },
    );
  }

  async function getJson(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
    const target = requestTargetOf(url);
    signal?.throwIfAborted();
    if (browserSaysOffline()) throw offlineError(target.source);

    let failuresLeft = settings.retries;
    let rateLimitsLeft = RATE_LIMIT_RETRIES;
    let backoffIndex = 0;
    let isRetry = false;
    for (;;) {
      const outcome = await queuedAttempt(target, signal, isRetry);
      if (outcome.kind === 'ok') return outcome.body;
      if (outcome.kind === 'rate-limited') {
        // The host is already paused; the retry waits in its queue until the pause ends. A pause
        // longer than we would keep a viewer waiting fails now; the host stays paused regardless,
        // and later requests to it fail at once until what is left of the pause is short enough.
        const asked = outcome.retryAfterMs ?? settings.defaultRetryAfterMs;
        if (rateLimitsLeft === 0 || asked > settings.maxRetryAfterMs) throw rateLimitedError(target.source);
        rateLimitsLeft -= 1;
      } else {
        if (failuresLeft === 0) throw finalError(outcome, target);
        failuresLeft -= 1;
        const delay = backoffDelayMs(backoffIndex, settings.backoffBaseMs, settings.random);
        backoffIndex += 1;
        await sleepUnlessAborted(settings.sleep, delay, signal);
      }
      isRetry = true;
    }
  }

  return {
    getJson,
    stats: () => ({ requests: counts.requests, byHost: { ...counts.byHost } }),
  };
}
