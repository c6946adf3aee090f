/**
 * One queue per host, so each service gets the pace it asks for and a slow or paused host never
 * holds up the others (a 429 from TVmaze does not stop Wikipedia).
 * - Wikimedia (www.wikidata.org, each <lang>.wikipedia.org): API:Etiquette asks for serial
 *   requests, so one in flight, and a small gap after each before the next starts.
 * - TVmaze: "at least 20 calls every 10 seconds"; we stay at 2 per second, 2 in flight, with
 *   p-queue's sliding window so no burst of 4 can straddle a window boundary.
 *
 * A 429 pauses the host for as long as it asks. Requests wait out a pause only when what is left
 * of it is short enough (`maxWaitMs`); otherwise they fail at once instead of hanging, and so do
 * requests already waiting when the pause is extended past that.
 */
import PQueue from 'p-queue';
import type { HostPolicy } from './hosts';
import { sleepUnlessAborted, type Sleep } from './waits';

export const TVMAZE_REQUESTS_PER_SECOND = 2;
export const TVMAZE_MAX_IN_FLIGHT = 2;

export interface HostQueueTiming {
  /** Pause after each request before the next one to the same host starts (Wikimedia only). */
  gapMs: number;
  sleep: Sleep;
  now: () => number;
}

export interface HostQueuePauseLimit {
  /** The longest a request waits for a paused host; with more of the pause left it is refused. */
  maxWaitMs: number;
  /** What a refused request is rejected with (the source's 'rate-limited' SourceError). */
  refusal: () => Error;
}

function queueFor(policy: HostPolicy): PQueue {
  if (policy === 'wikimedia') return new PQueue({ concurrency: 1 });
  return new PQueue({
    concurrency: TVMAZE_MAX_IN_FLIGHT,
    intervalCap: TVMAZE_REQUESTS_PER_SECOND,
    interval: 1000,
    strict: true,
  });
}

export class HostQueue {
  readonly #queue: PQueue;
  readonly #gapMs: number;
  readonly #timing: HostQueueTiming;
  readonly #limit: HostQueuePauseLimit;
  #lastFinishedAt = Number.NEGATIVE_INFINITY;
  /** When the current pause ends, on the injected clock; -Infinity when the host is not paused. */
  #pausedUntil = Number.NEGATIVE_INFINITY;
  /** Identifies the latest pause, so an earlier, shorter pause ending does not resume the queue. */
  #pauseGeneration = 0;
  /** One controller per request still waiting for its turn: aborting it takes the request out. */
  readonly #waiting = new Set<AbortController>();

  constructor(policy: HostPolicy, timing: HostQueueTiming, limit: HostQueuePauseLimit) {
    this.#queue = queueFor(policy);
    this.#gapMs = policy === 'wikimedia' ? timing.gapMs : 0;
    this.#timing = timing;
    this.#limit = limit;
  }

  /**
   * Runs a task in its turn. If the host is paused for longer than the limit, rejects at once
   * with the refusal (nothing is queued or sent). An abort while waiting in the queue removes the
   * task and rejects with the abort reason; the task itself must honour the signal once it runs.
   */
  run<T>(task: () => Promise<T>, options: { signal: AbortSignal | undefined; priority: number }): Promise<T> {
    this.#resumeIfPauseIsOver();
    if (this.pauseLeftMs > this.#limit.maxWaitMs) return Promise.reject(this.#limit.refusal());

    const { signal } = options;
    // p-queue takes one signal: ours, aborted by the caller's abort or by a refusal while waiting.
    const turn = new AbortController();
    const onCallerAbort = () => turn.abort(signal?.reason);
    if (signal?.aborted) onCallerAbort();
    else signal?.addEventListener('abort', onCallerAbort, { once: true });
    this.#waiting.add(turn);
    const done = () => {
      this.#waiting.delete(turn);
      signal?.removeEventListener('abort', onCallerAbort);
    };
    return this.#queue
      .add(
        async () => {
          // Started: from here on only the caller can stop it, never a later pause.
          this.#waiting.delete(turn);
          await this.#waitForGap(signal);
          try {
            return await task();
          } finally {
            this.#lastFinishedAt = this.#timing.now();
          }
        },
        { signal: turn.signal, priority: options.priority },
      )
      .finally(done);
  }

  /**
   * Stops starting requests to this host for `ms` (a 429's Retry-After). Requests already in
   * flight finish. Overlapping pauses end when the longest one does. Waiting requests wait it
   * out if what is left is within the limit; otherwise they are refused now.
   */
  pauseFor(ms: number): void {
    const until = this.#timing.now() + ms;
    if (until > this.#pausedUntil) {
      this.#pausedUntil = until;
      const generation = ++this.#pauseGeneration;
      this.#queue.pause();
      const resume = () => {
        if (generation !== this.#pauseGeneration) return;
        this.#endPause();
      };
      // Resume even if an injected sleep rejects: a host paused for ever would fail silently.
      void this.#timing.sleep(ms).then(resume, resume);
    }
    if (this.pauseLeftMs > this.#limit.maxWaitMs) this.#refuseWaiting();
  }

  get isPaused(): boolean {
    return this.#queue.isPaused;
  }

  /** Milliseconds of the current pause still to come (0 when the host is not paused). */
  get pauseLeftMs(): number {
    return this.#queue.isPaused ? Math.max(0, this.#pausedUntil - this.#timing.now()) : 0;
  }

  #endPause(): void {
    this.#pausedUntil = Number.NEGATIVE_INFINITY;
    this.#queue.start();
  }

  /**
   * The pause ends when its timer fires or when the clock says it is over, whichever comes
   * first (a suspended worker's timers can fire late; the clock does not).
   */
  #resumeIfPauseIsOver(): void {
    if (this.#queue.isPaused && this.#timing.now() >= this.#pausedUntil) this.#endPause();
  }

  #refuseWaiting(): void {
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const turn of waiting) turn.abort(this.#limit.refusal());
  }

  async #waitForGap(signal: AbortSignal | undefined): Promise<void> {
    const remaining = this.#lastFinishedAt + this.#gapMs - this.#timing.now();
    if (remaining > 0) await sleepUnlessAborted(this.#timing.sleep, remaining, signal);
  }
}
