/**
 * The HTTP layer for the live sources (Wikidata, Wikipedia, TVmaze). The parts live in
 * lib/sources/http/, one job per file:
 *   hosts.ts        which hosts are allowed and which source each is
 *   host-queue.ts   one p-queue per host: serial + gap for Wikimedia, 2/s for TVmaze, 429 pauses
 *                   (a request that would wait out too long a pause fails at once)
 *   attempt.ts      one request: headers, timeout, what the status means
 *   body.ts         size-limited JSON body reading
 *   client.ts       createHttpClient: offline fast path, retries, backoff, counters
 */
export {
  apiUserAgentFor,
  createHttpClient,
  HTTP_DEFAULTS,
  type CountingHttpClient,
  type HttpClientOptions,
  type HttpStats,
} from './http/client';
export type { FetchFunction } from './http/attempt';
export type { Sleep } from './http/waits';
