// The HTTP layer over time: per-host queues, the Wikimedia gap, TVmaze's rate, retries with
// backoff, 429 pauses, timeouts. Sleeps are injected and recorded; TVmaze's rate runs on fake
// timers because p-queue keeps time with the real clock functions.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient, type FetchFunction, type HttpClientOptions } from '../../../lib/sources/http';
import { SourceError } from '../../../lib/sources/types';

const WIKIDATA = 'https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q1&format=json';
const WIKIPEDIA = 'https://en.wikipedia.org/api/rest_v1/page/summary/Somos';
const TVMAZE = 'https://api.tvmaze.com/search/shows?q=somos';

const json = (value: unknown, init?: ResponseInit) => new Response(JSON.stringify(value), init);

function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response> = () => json({ ok: true })) {
  return vi.fn<FetchFunction>(async (url, init) => answer(url, init));
}

/** Answers in order, repeating the last answer. */
function answersInOrder(...answers: (() => Response)[]) {
  let next = 0;
  return fakeFetch(() => answers[Math.min(next++, answers.length - 1)]!());
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
function recordingSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { waits, sleep };
}

/** A sleep that only ends when the test says so: a pause the test can look inside. */
function heldSleep() {
  const waits: { ms: number; end: () => void }[] = [];
  const sleep = (ms: number) => new Promise<void>((end) => waits.push({ ms, end }));
  return { waits, sleep };
}

/** A fetch whose answers the test releases one at a time, tracking how many are in flight. */
function heldFetch() {
  const waiting: { url: string; answer: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = vi.fn<FetchFunction>(
    (url) =>
      new Promise<Response>((resolve) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        waiting.push({
          url,
          answer: () => {
            inFlight -= 1;
            resolve(json({ url }));
          },
        });
      }),
  );
  const answerOldest = () => waiting.shift()!.answer();
  return { fetch, waiting, answerOldest, maxInFlight: () => maxInFlight };
}

/** A fetch that never answers and gives up only when its signal aborts. */
const hangingUntilAborted: FetchFunction = (_url, init) =>
  new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

function clientWith(fetch: FetchFunction, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ version: '0.1.0', fetch, sleep: async () => undefined, wikimediaGapMs: 0, backoffBaseMs: 1, ...options });
}

async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

const STILL_WAITING = Symbol('still waiting');

/** What a promise settled with (its value or its rejection) within a short real-time wait. */
async function settledWithin(promise: Promise<unknown>, ms = 50): Promise<unknown> {
  const outcome = promise.then(
    (value) => value,
    (reason: unknown) => reason,
  );
  return Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve(STILL_WAITING), ms))]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createHttpClient: per-host queues', () => {
  it.each([
    ['www.wikidata.org', WIKIDATA],
    ['en.wikipedia.org', WIKIPEDIA],
  ])('keeps one request in flight to %s', async (_host, url) => {
    const held = heldFetch();
    const client = clientWith(held.fetch);
    const requests = [1, 2, 3].map((n) => client.getJson(`${url}&n=${n}`));
    for (let answered = 0; answered < 3; answered += 1) {
      await vi.waitFor(() => expect(held.waiting).toHaveLength(1));
      held.answerOldest();
    }
    await Promise.all(requests);
    expect(held.maxInFlight()).toBe(1);
    expect(held.fetch).toHaveBeenCalledTimes(3);
  });

  it('serves Wikimedia hosts in parallel: each has its own queue', async () => {
    const held = heldFetch();
    const client = clientWith(held.fetch);
    const urls = [WIKIDATA, WIKIPEDIA, 'https://es.wikipedia.org/api/rest_v1/page/summary/Somos', TVMAZE];
    const requests = urls.map((url) => client.getJson(url));
    await vi.waitFor(() => expect(held.waiting.map((call) => call.url).sort()).toEqual([...urls].sort()));
    held.waiting.slice().forEach(() => held.answerOldest());
    await Promise.all(requests);
    expect(held.maxInFlight()).toBe(4);
  });

  it('leaves a gap after each Wikimedia request before the next (150 ms by default)', async () => {
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ version: '0.1.0', fetch: fakeFetch(), sleep, now: () => 1_000_000 });
    await client.getJson(WIKIPEDIA);
    expect(waits).toEqual([]);
    await client.getJson(WIKIPEDIA);
    expect(waits).toEqual([150]);
  });

  it('waits only what is left of the gap, and never before TVmaze requests', async () => {
    let clock = 1_000_000;
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ version: '0.1.0', fetch: fakeFetch(), sleep, now: () => clock, wikimediaGapMs: 300 });
    await client.getJson(WIKIDATA);
    clock += 100;
    await client.getJson(WIKIDATA);
    await client.getJson(TVMAZE);
    await client.getJson(TVMAZE);
    expect(waits).toEqual([200]);
  });

  it('starts at most 2 TVmaze requests per second', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch();
    const client = clientWith(fetch);
    const requests = [1, 2, 3, 4, 5].map((n) => client.getJson(`${TVMAZE}${n}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetch).toHaveBeenCalledTimes(5);
    await Promise.all(requests);
  });

  it('keeps at most 2 TVmaze requests in flight, however long they take', async () => {
    vi.useFakeTimers();
    const held = heldFetch();
    const client = clientWith(held.fetch);
    const requests = [1, 2, 3, 4].map((n) => client.getJson(`${TVMAZE}${n}`));
    await vi.advanceTimersByTimeAsync(5000);
    expect(held.fetch).toHaveBeenCalledTimes(2);
    held.answerOldest();
    await vi.advanceTimersByTimeAsync(0);
    expect(held.fetch).toHaveBeenCalledTimes(3);
    while (held.waiting.length > 0) {
      held.answerOldest();
      await vi.advanceTimersByTimeAsync(1000);
    }
    await Promise.all(requests);
    expect(held.maxInFlight()).toBe(2);
  });
});

describe('createHttpClient: retries after 5xx and network errors', () => {
  it('retries a 5xx with growing, jittered backoff and returns the answer that works', async () => {
    const fetch = answersInOrder(
      () => json({}, { status: 503 }),
      () => json({}, { status: 502 }),
      () => json({ id: 1 }),
    );
    const { waits, sleep } = recordingSleep();
    const client = createHttpClient({ version: '0.1.0', fetch, sleep, random: () => 0.5, wikimediaGapMs: 0 });
    await expect(client.getJson(WIKIDATA)).resolves.toEqual({ id: 1 });
    expect(fetch).toHaveBeenCalledTimes(3);
    // Default base 500 ms: 500·2^0·1.5, then 500·2^1·1.5.
    expect(waits).toEqual([750, 1500]);
  });

  it('throws unavailable with the status when 5xx answers use up the 2 retries', async () => {
    const fetch = fakeFetch(() => json({}, { status: 503 }));
    const error = await failureOf(clientWith(fetch).getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'unavailable', status: 503 });
    expect(error.retryable).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('takes the number of retries from the options', async () => {
    const fetch = fakeFetch(() => json({}, { status: 500 }));
    await failureOf(clientWith(fetch, { retries: 0 }).getJson(TVMAZE));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries network errors, then says unavailable while the browser is online', async () => {
    const fetch = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failureOf(clientWith(fetch).getJson(WIKIDATA));
    expect(error).toMatchObject({ source: 'Wikidata', failure: 'unavailable' });
    expect(error.status).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('says offline when the network went away during the retries', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const fetch = fakeFetch(() => {
      onLine.mockReturnValue(false);
      return Promise.reject(new TypeError('Failed to fetch'));
    });
    const error = await failureOf(clientWith(fetch).getJson(WIKIDATA));
    expect(error).toMatchObject({ source: 'Wikidata', failure: 'offline' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('treats a body that breaks off mid-stream as a network error and retries', async () => {
    let calls = 0;
    const fetch = fakeFetch(() => {
      calls += 1;
      if (calls > 1) return json({ id: 2 });
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.error(new TypeError('connection reset'));
        },
      });
      return new Response(broken);
    });
    await expect(clientWith(fetch).getJson(TVMAZE)).resolves.toEqual({ id: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('createHttpClient: timeouts', () => {
  it('gives each attempt its own time, retries, then throws timeout naming the source', async () => {
    const fetch = vi.fn(hangingUntilAborted);
    const error = await failureOf(clientWith(fetch, { timeoutMs: 20 }).getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'timeout' });
    expect(error.message).toBe('Wikipedia did not answer in time');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('returns the answer when a retry after a timeout is quick', async () => {
    let calls = 0;
    const fetch = vi.fn<FetchFunction>((url, init) => (++calls === 1 ? hangingUntilAborted(url, init) : Promise.resolve(json({ ok: 2 }))));
    await expect(clientWith(fetch, { timeoutMs: 20 }).getJson(TVMAZE)).resolves.toEqual({ ok: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('counts a body that arrives too slowly against the timeout', async () => {
    const fetch = fakeFetch(() => new Response(new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) })));
    const error = await failureOf(clientWith(fetch, { timeoutMs: 20, retries: 0 }).getJson(WIKIDATA));
    expect(error.failure).toBe('timeout');
  });

  it('times out after 10 s by default', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn(hangingUntilAborted);
    const request = failureOf(clientWith(fetch, { retries: 0 }).getJson(TVMAZE));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(fetch.mock.calls[0]![1].signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await request).failure).toBe('timeout');
  });
});

describe('createHttpClient: 429', () => {
  const rateLimited = (retryAfter?: string) =>
    json({}, { status: 429, headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter } });

  it('pauses the host for Retry-After seconds, then retries once', async () => {
    const fetch = answersInOrder(() => rateLimited('7'), () => json({ id: 1 }));
    const { waits, sleep } = recordingSleep();
    await expect(clientWith(fetch, { sleep }).getJson(WIKIDATA)).resolves.toEqual({ id: 1 });
    expect(waits).toEqual([7000]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('honours Retry-After given as an HTTP date, measured on the injected clock', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const fetch = answersInOrder(() => rateLimited('Sun, 01 Mar 2026 12:00:45 GMT'), () => json({ id: 1 }));
    const { waits, sleep } = recordingSleep();
    await expect(clientWith(fetch, { sleep, now: () => now }).getJson(TVMAZE)).resolves.toEqual({ id: 1 });
    expect(waits).toEqual([45_000]);
  });

  it.each([
    ['absent', undefined, 60_000],
    ['unreadable', 'soon', 60_000],
    ['a fraction', '1.5', 60_000],
    ['a date in the past', 'Sun, 01 Mar 2026 11:00:00 GMT', 0],
  ])('pauses a sensible time when Retry-After is %s', async (_what, header, expected) => {
    const fetch = answersInOrder(() => rateLimited(header), () => json({}));
    const { waits, sleep } = recordingSleep();
    await clientWith(fetch, { sleep, now: () => Date.parse('2026-03-01T12:00:00Z') }).getJson(WIKIPEDIA);
    expect(waits).toEqual([expected]);
  });

  it('takes the longest wait worth a retry and the default pause from the options', async () => {
    const { waits, sleep } = recordingSleep();
    const options = { sleep, maxRetryAfterMs: 5_000, defaultRetryAfterMs: 2_000 };
    await clientWith(answersInOrder(() => rateLimited('3'), () => json({})), options).getJson(TVMAZE);
    await clientWith(answersInOrder(() => rateLimited(), () => json({})), options).getJson(TVMAZE);
    expect(waits).toEqual([3_000, 2_000]);
  });

  it('asked to wait longer than a viewer would, fails at once but keeps the host paused as long as asked', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const fetch = answersInOrder(() => rateLimited('3600'), () => json({ later: true }));
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep, now: () => clock });

    const error = await failureOf(client.getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'rate-limited', status: 429 });
    expect(fetch).toHaveBeenCalledOnce();
    expect(pause.waits.map((wait) => wait.ms)).toEqual([3_600_000]);

    // Well into the pause, with far more than a viewer would wait still to come: refused at once,
    // never sent, never queued (the pause's sleep has not ended, so a queued request would hang).
    clock += 30 * 60_000;
    const during = await settledWithin(client.getJson(`${WIKIPEDIA}_2`));
    expect(during).toBeInstanceOf(SourceError);
    expect(during).toMatchObject({ source: 'Wikipedia', failure: 'rate-limited' });
    expect(fetch).toHaveBeenCalledOnce();
    expect(client.stats().byHost['en.wikipedia.org']).toBe(1);

    // Once the clock says the hour is over, requests flow again.
    clock += 30 * 60_000;
    await expect(client.getJson(`${WIKIPEDIA}_3`)).resolves.toEqual({ later: true });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]![0]).toBe(`${WIKIPEDIA}_3`);
  });

  it('near the end of a long pause, a request waits out the rest instead of failing', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const fetch = answersInOrder(() => rateLimited('3600'), () => json({ later: true }));
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep, now: () => clock, maxRetryAfterMs: 120_000 });
    await failureOf(client.getJson(WIKIPEDIA));

    clock += 3_600_000 - 120_000;
    const waiting = client.getJson(`${WIKIPEDIA}_2`);
    expect(await settledWithin(waiting)).toBe(STILL_WAITING);
    expect(fetch).toHaveBeenCalledOnce();
    pause.waits[0]!.end();
    await expect(waiting).resolves.toEqual({ later: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('fails requests already waiting when the pause is extended past what a viewer would wait', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z');
    let calls = 0;
    const fetch = fakeFetch((url) => {
      calls += 1;
      if (calls === 1) return rateLimited('20');
      if (calls === 2) return rateLimited('3600');
      return json({ url });
    });
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep, now: () => clock });

    const first = failureOf(client.getJson(WIKIPEDIA));
    await vi.waitFor(() => expect(pause.waits.map((wait) => wait.ms)).toEqual([20_000]));
    // 20 s is worth waiting for: this one queues behind the pause (and behind the first's retry).
    const queued = client.getJson(`${WIKIPEDIA}_2`);
    expect(await settledWithin(queued)).toBe(STILL_WAITING);

    // The pause ends; the retry goes first and is told to wait an hour.
    clock += 20_000;
    pause.waits[0]!.end();
    expect(await first).toMatchObject({ failure: 'rate-limited' });
    const refused = await settledWithin(queued);
    expect(refused).toBeInstanceOf(SourceError);
    expect(refused).toMatchObject({ source: 'Wikipedia', failure: 'rate-limited' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(pause.waits.map((wait) => wait.ms)).toEqual([20_000, 3_600_000]);

    // Other hosts never noticed; this one works again after the hour.
    await expect(client.getJson(WIKIDATA)).resolves.toEqual({ url: WIKIDATA });
    clock += 3_600_000;
    await expect(client.getJson(`${WIKIPEDIA}_3`)).resolves.toEqual({ url: `${WIKIPEDIA}_3` });
  });

  it('fails queued TVmaze requests when a request in flight is told to wait too long', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const fetch = fakeFetch(() => (++calls === 1 ? rateLimited('3600') : json({})));
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep, now: () => 1_000_000 });
    const requests = Promise.allSettled([1, 2, 3].map((n) => client.getJson(`${TVMAZE}${n}`)));
    await vi.advanceTimersByTimeAsync(0);
    // The first is answered 429 for an hour; the second, already in flight, finishes; the third,
    // still waiting for its turn, is refused without being sent.
    const [first, second, third] = await requests;
    expect(first).toMatchObject({ status: 'rejected', reason: { source: 'TVmaze', failure: 'rate-limited' } });
    expect(second).toEqual({ status: 'fulfilled', value: {} });
    expect(third).toMatchObject({ status: 'rejected', reason: { source: 'TVmaze', failure: 'rate-limited' } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('throws rate-limited when the retry is answered 429 again', async () => {
    const fetch = fakeFetch(() => rateLimited('1'));
    const error = await failureOf(clientWith(fetch).getJson(TVMAZE));
    expect(error).toMatchObject({ source: 'TVmaze', failure: 'rate-limited', status: 429 });
    expect(error.retryable).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('holds every request to the paused host while other hosts keep working', async () => {
    let wikipediaCalls = 0;
    const fetch = fakeFetch((url) => {
      if (url.startsWith('https://en.wikipedia.org/') && ++wikipediaCalls === 1) return rateLimited('30');
      return json({ url });
    });
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep });

    const limited = client.getJson(WIKIPEDIA);
    await vi.waitFor(() => expect(pause.waits.map((wait) => wait.ms)).toEqual([30_000]));
    const sameHost = client.getJson(`${WIKIPEDIA}_2`);
    await expect(client.getJson(WIKIDATA)).resolves.toEqual({ url: WIKIDATA });
    await expect(client.getJson('https://es.wikipedia.org/api/rest_v1/page/summary/Somos')).resolves.toBeDefined();
    await expect(client.getJson(TVMAZE)).resolves.toBeDefined();
    expect(client.stats().byHost['en.wikipedia.org']).toBe(1);

    pause.waits[0]!.end();
    await expect(limited).resolves.toEqual({ url: WIKIPEDIA });
    await expect(sameHost).resolves.toEqual({ url: `${WIKIPEDIA}_2` });
    expect(client.stats().byHost['en.wikipedia.org']).toBe(3);
  });

  it('lets a caller give up on a request waiting out a pause', async () => {
    const fetch = fakeFetch(() => rateLimited('30'));
    const caller = new AbortController();
    const pause = heldSleep();
    const request = clientWith(fetch, { sleep: pause.sleep }).getJson(TVMAZE, { signal: caller.signal });
    await vi.waitFor(() => expect(pause.waits).toHaveLength(1));
    const reason = new Error('panel closed');
    caller.abort(reason);
    await expect(request).rejects.toBe(reason);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the longer pause when two TVmaze requests in flight are both answered 429', async () => {
    let calls = 0;
    const fetch = fakeFetch(() => (++calls === 1 ? rateLimited('20') : calls === 2 ? rateLimited('5') : json({})));
    vi.useFakeTimers();
    const pause = heldSleep();
    const client = clientWith(fetch, { sleep: pause.sleep, now: () => 1_000_000 });
    const requests = [client.getJson(`${TVMAZE}1`), client.getJson(`${TVMAZE}2`)];
    await vi.advanceTimersByTimeAsync(0);
    // The second 429 asks for less than the pause already in place, so no second pause starts.
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(pause.waits.map((wait) => wait.ms)).toEqual([20_000]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    pause.waits[0]!.end();
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(requests);
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});
