/**
 * How long to wait before retrying after a 5xx, a network error or a timeout: exponential, with
 * jitter so that many clients failing together (a Wikimedia outage) do not retry in lockstep.
 */

/**
 * The wait before retry number `retryIndex` (0 for the first retry): between base·2^i and
 * 2·base·2^i. With the default 500 ms base: 0.5–1 s, then 1–2 s. The lower bound is kept (no
 * "full jitter" down to 0) so a retry never hammers a host that just failed.
 */
export function backoffDelayMs(retryIndex: number, baseMs: number, random: () => number): number {
  const exponential = baseMs * 2 ** retryIndex;
  return Math.round(exponential * (1 + random()));
}
