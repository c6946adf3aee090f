// The HTTP layer, one request at a time: which hosts, which headers, what each status and body
// means, the offline fast path, aborts and the counters. Pacing and retries: http-pacing.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { createHttpClient, type FetchFunction, type HttpClientOptions } from '../../../lib/sources/http';
import { SourceError } from '../../../lib/sources/types';

const WIKIDATA = 'https://www.wikidata.org/w/api.php?action=wbgetentities&ids=Q1&format=json';
const WIKIPEDIA = 'https://en.wikipedia.org/api/rest_v1/page/summary/Somos';
const TVMAZE = 'https://api.tvmaze.com/search/shows?q=somos';

const json = (value: unknown, init?: ResponseInit) => new Response(JSON.stringify(value), init);

/** A fetch that answers from a handler and remembers every call. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response> = () => json({ ok: true })) {
  return vi.fn<FetchFunction>(async (url, init) => answer(url, init));
}

/** A client with no waiting: sleeps return at once, no Wikimedia gap. */
function clientWith(fetch: FetchFunction, options: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ version: '0.1.0', fetch, sleep: async () => undefined, wikimediaGapMs: 0, backoffBaseMs: 1, ...options });
}

/** A response whose URL says where fetch's redirects ended (a constructed Response has none). */
function redirectedTo(finalUrl: string, body: unknown): Response {
  const response = json(body);
  Object.defineProperty(response, 'url', { value: finalUrl });
  return response;
}

/** A body that never ends: chunk after chunk, counting how many were pulled. */
function endlessBody(chunkBytes: number) {
  const pulled = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.chunks += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

async function failureOf(promise: Promise<unknown>): Promise<SourceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SourceError)) throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

describe('createHttpClient: hosts', () => {
  it.each([
    ['www.wikidata.org', WIKIDATA],
    ['en.wikipedia.org', WIKIPEDIA],
    ['es.wikipedia.org', 'https://es.wikipedia.org/api/rest_v1/page/summary/Somos'],
    ['zh-min-nan.wikipedia.org', 'https://zh-min-nan.wikipedia.org/w/api.php?action=parse'],
    ['api.tvmaze.com', TVMAZE],
  ])('talks to %s', async (_host, url) => {
    const fetch = fakeFetch();
    await expect(clientWith(fetch).getJson(url)).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(url, expect.anything());
  });

  it.each([
    ['another host', 'https://evil.example/api', 'evil.example'],
    ['plain http', 'http://en.wikipedia.org/api/rest_v1/page/summary/Somos', 'en.wikipedia.org'],
    ['a look-alike host', 'https://en.wikipedia.org.evil.example/x', 'en.wikipedia.org.evil.example'],
    ['the mobile site', 'https://en.m.wikipedia.org/wiki/Somos', 'en.m.wikipedia.org'],
    ['the SPARQL endpoint', 'https://query.wikidata.org/sparql?query=x', 'query.wikidata.org'],
    ['tvmaze.com itself', 'https://www.tvmaze.com/shows/1', 'www.tvmaze.com'],
    ['another port', 'https://api.tvmaze.com:8443/shows/1', 'api.tvmaze.com'],
  ])('refuses %s before any fetch, naming the host', async (_what, url, host) => {
    const fetch = fakeFetch();
    const client = clientWith(fetch);
    const error = await failureOf(client.getJson(url));
    expect(error.failure).toBe('malformed');
    expect(error.message).toContain(host);
    expect(fetch).not.toHaveBeenCalled();
    expect(client.stats().requests).toBe(0);
  });

  it('refuses text that is not a URL', async () => {
    const fetch = fakeFetch();
    expect((await failureOf(clientWith(fetch).getJson('not a url'))).failure).toBe('malformed');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names the source a refused URL was probably meant for', async () => {
    const error = await failureOf(clientWith(fakeFetch()).getJson('http://en.wikipedia.org/x'));
    expect(error.source).toBe('Wikipedia');
  });
});

describe('createHttpClient: request headers and options', () => {
  const sent = async (url: string) => {
    const fetch = fakeFetch();
    await clientWith(fetch, { version: '1.2.3' }).getJson(url);
    const init = fetch.mock.calls[0]![1];
    return { init, headers: new Headers(init.headers) };
  };

  it.each([WIKIDATA, WIKIPEDIA])('identifies Backstory with Api-User-Agent on Wikimedia (%s)', async (url) => {
    const { headers } = await sent(url);
    expect(headers.get('Api-User-Agent')).toBe(
      'Backstory/1.2.3 (browser extension; backstory@backstory.invalid)',
    );
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('sends TVmaze no custom header, only Accept', async () => {
    const { headers } = await sent(TVMAZE);
    expect([...headers.keys()]).toEqual(['accept']);
    expect(headers.get('Accept')).toBe('application/json');
  });

  it.each([WIKIDATA, WIKIPEDIA, TVMAZE])('never sets User-Agent (%s)', async (url) => {
    const { headers } = await sent(url);
    expect(headers.has('User-Agent')).toBe(false);
  });

  it('omits credentials, follows redirects and leaves the HTTP cache on', async () => {
    const { init } = await sent(WIKIPEDIA);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'follow' });
    expect(init.cache).toBeUndefined();
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('createHttpClient: statuses', () => {
  it('returns the parsed JSON of a 200, whatever its Content-Type says', async () => {
    const fetch = fakeFetch(() => new Response('{"id":1}', { headers: { 'content-type': 'text/html' } }));
    await expect(clientWith(fetch).getJson(TVMAZE)).resolves.toEqual({ id: 1 });
  });

  it('throws not-found for a 404, without retrying', async () => {
    const fetch = fakeFetch(() => json({ message: 'nope' }, { status: 404 }));
    const error = await failureOf(clientWith(fetch).getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'not-found', status: 404 });
    expect(error.retryable).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it.each([400, 403, 410])('throws malformed with the status for a %i, without retrying', async (status) => {
    const fetch = fakeFetch(() => json({}, { status }));
    const error = await failureOf(clientWith(fetch).getJson(WIKIDATA));
    expect(error).toMatchObject({ source: 'Wikidata', failure: 'malformed', status });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('accepts a redirect that stays on the host (TVmaze lookup answers 301 to the show)', async () => {
    const fetch = fakeFetch(() => redirectedTo('https://api.tvmaze.com/shows/45499', { id: 45499 }));
    await expect(clientWith(fetch).getJson('https://api.tvmaze.com/lookup/shows?imdb=tt11639414')).resolves.toEqual({ id: 45499 });
  });

  it.each([
    ['another host', 'https://evil.example/shows/1', 'evil.example'],
    ['another source', 'https://en.wikipedia.org/wiki/X', 'en.wikipedia.org'],
    ['plain http on the same host', 'http://api.tvmaze.com/shows/1', 'api.tvmaze.com'],
  ])('throws malformed for a redirect to %s', async (_what, finalUrl, host) => {
    const fetch = fakeFetch(() => redirectedTo(finalUrl, { id: 1 }));
    const error = await failureOf(clientWith(fetch).getJson('https://api.tvmaze.com/lookup/shows?imdb=tt1'));
    expect(error).toMatchObject({ source: 'TVmaze', failure: 'malformed' });
    expect(error.message).toContain(host);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('createHttpClient: bodies', () => {
  it('throws malformed for a body that is not JSON, without quoting it', async () => {
    const fetch = fakeFetch(() => new Response('<html>secret page</html>'));
    const error = await failureOf(clientWith(fetch).getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'malformed' });
    expect(error.message).not.toContain('secret');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('throws malformed for an empty body', async () => {
    const error = await failureOf(clientWith(fakeFetch(() => new Response(null))).getJson(TVMAZE));
    expect(error.failure).toBe('malformed');
  });

  it('stops reading a streamed body with no Content-Length once it passes the limit', async () => {
    const { stream, pulled } = endlessBody(300);
    const fetch = fakeFetch(() => new Response(stream));
    const error = await failureOf(clientWith(fetch, { maxBodyBytes: 1000 }).getJson(WIKIDATA));
    expect(error).toMatchObject({ source: 'Wikidata', failure: 'malformed' });
    expect(pulled.chunks).toBeLessThan(10);
    expect(pulled.cancelled).toBe(true);
  });

  it('does not believe a small Content-Length on a large body', async () => {
    const large = JSON.stringify({ text: 'x'.repeat(5000) });
    const fetch = fakeFetch(() => new Response(large, { headers: { 'content-length': '20' } }));
    const error = await failureOf(clientWith(fetch, { maxBodyBytes: 1000 }).getJson(WIKIDATA));
    expect(error.failure).toBe('malformed');
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { stream, pulled } = endlessBody(100);
    const fetch = fakeFetch(() => new Response(stream, { headers: { 'content-length': '5000' } }));
    const error = await failureOf(clientWith(fetch, { maxBodyBytes: 1000 }).getJson(TVMAZE));
    expect(error.failure).toBe('malformed');
    // The stream fills its one-chunk buffer by itself; nothing past that was asked for.
    expect(pulled.chunks).toBeLessThanOrEqual(1);
    expect(pulled.cancelled).toBe(true);
  });

  it('reads a body of exactly the limit', async () => {
    const body = JSON.stringify('x'.repeat(998));
    expect(body.length).toBe(1000);
    const fetch = fakeFetch(() => new Response(body));
    await expect(clientWith(fetch, { maxBodyBytes: 1000 }).getJson(TVMAZE)).resolves.toHaveLength(998);
  });

  it('has a 2 MB limit by default', async () => {
    const fetch = fakeFetch(() => new Response(JSON.stringify('x'.repeat(2 * 1024 * 1024))));
    expect((await failureOf(clientWith(fetch).getJson(WIKIDATA))).failure).toBe('malformed');
  });
});

describe('createHttpClient: offline and aborts', () => {
  it('throws offline without queuing or fetching when the browser says it is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const fetch = fakeFetch();
    const client = clientWith(fetch);
    const error = await failureOf(client.getJson(WIKIPEDIA));
    expect(error).toMatchObject({ source: 'Wikipedia', failure: 'offline' });
    expect(error.message).toContain('Wikipedia');
    expect(fetch).not.toHaveBeenCalled();
    expect(client.stats().requests).toBe(0);
  });

  it('rejects with the abort reason, without fetching, when the caller aborted already', async () => {
    const fetch = fakeFetch();
    const reason = new Error('panel closed');
    await expect(clientWith(fetch).getJson(WIKIPEDIA, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('aborts the request in flight and does not retry when the caller aborts', async () => {
    const fetch = fakeFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const caller = new AbortController();
    const request = clientWith(fetch).getJson(TVMAZE, { signal: caller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const reason = new Error('panel closed');
    caller.abort(reason);
    await expect(request).rejects.toBe(reason);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![1].signal?.aborted).toBe(true);
  });

  it('does not retry a 5xx once the caller aborts during the backoff', async () => {
    const fetch = fakeFetch(() => json({}, { status: 503 }));
    const caller = new AbortController();
    const reason = new Error('navigated away');
    const sleep = vi.fn(() => {
      caller.abort(reason);
      return new Promise<void>(() => undefined);
    });
    await expect(clientWith(fetch, { sleep }).getJson(WIKIDATA, { signal: caller.signal })).rejects.toBe(reason);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('drops a queued request the caller abandons before its turn', async () => {
    let answerFirst = (_response: Response) => undefined as void;
    const fetch = fakeFetch(() => new Promise<Response>((resolve) => (answerFirst = resolve)));
    const client = clientWith(fetch);
    const first = client.getJson(WIKIPEDIA);
    const caller = new AbortController();
    const second = client.getJson(`${WIKIPEDIA}_2`, { signal: caller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const reason = new Error('not needed');
    caller.abort(reason);
    await expect(second).rejects.toBe(reason);
    answerFirst(json({ first: true }));
    await expect(first).resolves.toEqual({ first: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('createHttpClient: stats', () => {
  it('counts every fetch attempt, retries included, by host', async () => {
    let wikidataCalls = 0;
    const fetch = fakeFetch((url) => {
      if (url.startsWith('https://www.wikidata.org/') && ++wikidataCalls === 1) return json({}, { status: 502 });
      return json({});
    });
    const client = clientWith(fetch);
    await client.getJson(WIKIDATA);
    await client.getJson(TVMAZE);
    await client.getJson(WIKIPEDIA);
    await failureOf(client.getJson('https://evil.example/'));
    expect(client.stats()).toEqual({
      requests: 4,
      byHost: { 'www.wikidata.org': 2, 'api.tvmaze.com': 1, 'en.wikipedia.org': 1 },
    });
  });

  it('keeps counters per client and hands out copies', async () => {
    const one = clientWith(fakeFetch());
    const two = clientWith(fakeFetch());
    await one.getJson(TVMAZE);
    const snapshot = one.stats();
    snapshot.byHost['api.tvmaze.com'] = 99;
    expect(one.stats()).toEqual({ requests: 1, byHost: { 'api.tvmaze.com': 1 } });
    expect(two.stats()).toEqual({ requests: 0, byHost: {} });
  });
});
