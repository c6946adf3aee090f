/**
 * One queue per host, so each service gets the pace it asks for and a slow or paused host never
 * holds up the others (a 429 from TVmaze does not stop Wikipedia).
 * - Wikimedia (www.wikidata.org, each <lang>.wikipedia.org): API:Etiquette asks for serial
 *   requests, so one in flight, and a small gap after each before the next starts.
 * - TVmaze: "at least 20 calls every 10 seconds"; we stay at 2 per second, 2 in flight, with
 *   p-queue's sliding window so no burst of 4 can straddle a window boundary.
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
  #lastFinishedAt = Number.NEGATIVE_INFINITY;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  /** Identifies the latest pause, so an earlier, shorter pause ending does not resume the queue. */
  #pauseGeneration = 0;

  constructor(policy: HostPolicy, timing: HostQueueTiming) {
    this.#queue = queueFor(policy);
    this.#gapMs = policy === 'wikimedia' ? timing.gapMs : 0;
    this.#timing = timing;
  }

  /**
   * Runs a task in its turn. An abort while waiting in the queue removes the task and rejects
   * with the abort reason; the task itself must honour the signal once it runs.
   */
  run<T>(task: () => Promise<T>, options: { signal: AbortSignal | undefined; priority: number }): Promise<T> {
    return this.#queue.add(
      async () => {
        await this.#waitForGap(options.signal);
        try {
          return await task();
        } finally {
          this.#lastFinishedAt = this.#timing.now();
        }
      },
      { signal: options.signal, priority: options.priority },
    );
  }

  /**
   * Stops starting requests to this host for `ms` (a 429's Retry-After). Requests already in
   * flight finish; queued ones wait. Overlapping pauses end when the longest one does.
   */
  pauseFor(ms: number): void {
    const until = this.#timing.now() + ms;
    if (until <= this.#pausedUntil) return;
    this.#pausedUntil = until;
    const generation = ++this.#pauseGeneration;
    this.#queue.pause();
    const resume = () => {
      if (generation !== this.#pauseGeneration) return;
      this.#pausedUntil = Number.NEGATIVE_INFINITY;
      this.#queue.start();
    };
    // Resume even if an injected sleep rejects: a host paused for ever would fail silently.
    void this.#timing.sleep(ms).then(resume, resume);
  }

  get isPaused(): boolean {
    return this.#queue.isPaused;
  }

  async #waitForGap(signal: AbortSignal | undefined): Promise<void> {
    const remaining = this.#lastFinishedAt + this.#gapMs - this.#timing.now();
    if (remaining > 0) await sleepUnlessAborted(this.#timing.sleep, remaining, signal);
  }
}
