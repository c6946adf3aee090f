/**
 * The fake internet: one local server that answers for every host the browsers ask for.
 *
 * One TCP port speaks three ways, told apart by the first byte a client sends:
 * - TLS (0x16): HTTPS for any host. Chromium reaches it with
 *   `--host-resolver-rules=MAP * 127.0.0.1:<port>`: every https://host/ lands here, the Host header
 *   says which site was meant.
 * - Plain HTTP: ordinary requests (http://… URLs, again any host), and `CONNECT host:443` tunnels.
 *   Firefox uses the port as its HTTP/HTTPS proxy (see browsers.ts), so Firefox needs no port 443
 *   and no root; each tunnel ends in the same HTTPS server.
 * The certificate is a throwaway self-signed one generated in memory at start (browsers run with
 * acceptInsecureCerts); nothing is written to disk.
 *
 * Answers come from, in order: routes added by the test (the most recently added first), the fake
 * netflix.com (netflix-site.ts), then a fast 404 for anything else. Every request is recorded.
 * Nothing here ever opens a connection to a real host.
 *
 * Route matching: `host` is an exact host name (no port) or a RegExp tested on it; `path` as a string
 * matches the pathname or the full path-with-query exactly, as a RegExp it is tested on the full
 * path-with-query (e.g. `/w/api.php?action=wbgetentities&ids=Q1`); `method` (optional) restricts the
 * HTTP method. Route responses get `access-control-allow-origin: *` unless they set it (Wikimedia and
 * TVmaze send it), and CORS preflights (OPTIONS) to a routed path are answered automatically.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { netflixSiteRoutes, type NetflixSiteOptions } from './netflix-site';

export interface FakeRequest {
  scheme: 'https' | 'http';
  method: string;
  /** Host name without port, lower-case. */
  host: string;
  /** Path with query, e.g. `/browse?jbv=1`. */
  path: string;
  pathname: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** The request body as UTF-8 text ('' when none). */
  body: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Raw body. */
  body?: string | Uint8Array;
  /** Convenience: serialised as JSON with content-type application/json (ignored when body is set). */
  json?: unknown;
}

export interface Route {
  host: string | RegExp;
  path: string | RegExp;
  method?: string;
  /** Overrides the global latency for this route. */
  latencyMs?: number;
  /** Shown in request records. */
  name?: string;
  handler: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
}

export interface RecordedRequest {
  scheme: 'https' | 'http';
  host: string;
  path: string;
  method: string;
  /** Arrival time, ms since the epoch. */
  at: number;
  status: number;
  /** Which route answered: its name, 'cors-preflight', 'not-found' or 'error'. */
  servedBy: string;
  headers: http.IncomingHttpHeaders;
}

export interface FakeInternetOptions {
  /** Port to listen on (127.0.0.1). 0 or omitted: a random free port. */
  port?: number;
  /** Delay before every answer (default 0). */
  latencyMs?: number;
  routes?: Route[];
  /** Serve the fake netflix.com (default true), optionally with another catalog. */
  netflix?: boolean | NetflixSiteOptions;
  /** Add CORS headers to route responses and answer preflights (default true). */
  cors?: boolean;
}

export interface FakeInternet {
  readonly port: number;
  /** The URL a browser uses for a host: `https://<host><path>` (the browsers map every host to us). */
  url(host: string, path?: string): string;
  /** Every request answered so far, in the order answered. */
  readonly requests: RecordedRequest[];
  requestsTo(host: string | RegExp): RecordedRequest[];
  /** Hosts that were asked for, sorted. */
  hosts(): string[];
  clearRequests(): void;
  /** Add a route in front of all others; returns a function that removes it. */
  addRoute(route: Route): () => void;
  setLatency(ms: number): void;
  /** Resolves with the first recorded request (past or future) that satisfies the predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /**
   * Resolves once no request satisfying the predicate has arrived for `quietMs` (work a browser
   * started earlier, such as queued badge lookups and their retries, has run out).
   */
  waitForQuiet(predicate: (r: RecordedRequest) => boolean, quietMs: number, timeoutMs?: number): Promise<void>;
  /** Fetch a URL through the fake internet from Node (for tests of routes; never leaves the machine). */
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>;
  stop(): Promise<void>;
}

const LOCALHOST = '127.0.0.1';

let certPromise: Promise<{ key: string; cert: string }> | undefined;

/** One throwaway certificate per process, generated in memory (never written to disk). */
function throwawayCert(): Promise<{ key: string; cert: string }> {
  certPromise ??= generate([{ name: 'commonName', value: 'fake-internet.invalid' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'fake-internet.invalid' },
          { type: 2, value: '*.netflix.com' },
          { type: 2, value: 'netflix.com' },
          { type: 2, value: '*.wikipedia.org' },
          { type: 2, value: '*.wikidata.org' },
          { type: 2, value: '*.tvmaze.com' },
          { type: 7, ip: LOCALHOST },
        ],
      },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return certPromise;
}

function hostMatches(pattern: string | RegExp, host: string): boolean {
  return typeof pattern === 'string' ? pattern.toLowerCase() === host : pattern.test(host);
}

function pathMatches(pattern: string | RegExp, req: FakeRequest): boolean {
  return typeof pattern === 'string' ? pattern === req.pathname || pattern === req.path : pattern.test(req.path);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, LOCALHOST, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startFakeInternet(options: FakeInternetOptions = {}): Promise<FakeInternet> {
  const { key, cert } = await throwawayCert();
  const cors = options.cors ?? true;
  let latencyMs = options.latencyMs ?? 0;
  const userRoutes: Route[] = [...(options.routes ?? [])].reverse(); // most recent first
  const siteRoutes: Route[] =
    options.netflix === false ? [] : netflixSiteRoutes(typeof options.netflix === 'object' ? options.netflix : {});
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  const sockets = new Set<net.Socket>();

  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const record = (entry: RecordedRequest): void => {
    requests.push(entry);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(entry)) {
        waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  };

  const findRoute = (req: FakeRequest, methodOk: (r: Route) => boolean): { route: Route; site: boolean } | undefined => {
    const ok = (r: Route): boolean => hostMatches(r.host, req.host) && pathMatches(r.path, req) && methodOk(r);
    const user = userRoutes.find(ok);
    if (user) return { route: user, site: false };
    const site = siteRoutes.find(ok);
    return site ? { route: site, site: true } : undefined;
  };

  const app = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const at = Date.now();
    const scheme: 'https' | 'http' = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const rawUrl = req.url ?? '/';
    const absolute = /^https?:\/\//i.test(rawUrl);
    const hostHeader = absolute ? new URL(rawUrl).host : (req.headers.host ?? 'unknown.invalid');
    const parsed = new URL(absolute ? rawUrl : `${scheme}://${hostHeader}${rawUrl}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fake: FakeRequest = {
      scheme,
      method: (req.method ?? 'GET').toUpperCase(),
      host: parsed.hostname.toLowerCase(),
      path: parsed.pathname + parsed.search,
      pathname: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };

    let response: FakeResponse;
    let servedBy: string;
    let isSite = false;
    let delay = latencyMs;
    // A CORS preflight to a routed path is answered here, unless a route handles OPTIONS itself.
    const ownOptions = fake.method === 'OPTIONS' ? findRoute(fake, (r) => r.method?.toUpperCase() === 'OPTIONS') : undefined;
    const anyMethod = fake.method === 'OPTIONS' && cors && !ownOptions ? findRoute(fake, () => true) : undefined;
    const found = ownOptions ?? findRoute(fake, (r) => r.method === undefined || r.method.toUpperCase() === fake.method);
    if (anyMethod && !anyMethod.site) {
      servedBy = 'cors-preflight';
      response = {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST, HEAD, OPTIONS',
          'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
          'access-control-max-age': '600',
        },
      };
    } else if (found) {
      servedBy = found.route.name ?? (found.site ? 'netflix' : 'route');
      isSite = found.site;
      delay = found.route.latencyMs ?? latencyMs;
      try {
        response = await found.route.handler(fake);
      } catch (err) {
        servedBy = 'error';
        response = { status: 500, headers: { 'content-type': 'text/plain' }, body: `fake internet: route threw: ${String(err)}` };
      }
    } else {
      servedBy = 'not-found';
      response = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `Not found (fake internet): ${fake.host}${fake.path}` };
    }
    await sleep(delay);

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
    let body: string | Uint8Array = '';
    if (response.body !== undefined) body = response.body;
    else if (response.json !== undefined) {
      body = JSON.stringify(response.json);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (typeof body === 'string' && body.length > 0) headers['content-type'] ??= 'text/plain; charset=utf-8';
    if (cors && !isSite && servedBy !== 'not-found') headers['access-control-allow-origin'] ??= '*';
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);

    if (!res.destroyed) {
      res.writeHead(response.status, headers);
      res.end(fake.method === 'HEAD' ? undefined : body);
    }
    record({ scheme, host: fake.host, path: fake.path, method: fake.method, at, status: response.status, servedBy, headers: req.headers });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    app(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake internet: ${String(err)}`);
    });
  };

  const tlsServer = https.createServer({ key, cert }, handle);
  tlsServer.on('tlsClientError', () => {});
  tlsServer.on('connection', track);
  const plainServer = http.createServer(handle);
  plainServer.on('connection', track);
  plainServer.on('clientError', (_err, socket) => socket.destroy());
  plainServer.on('upgrade', (_req, socket) => socket.destroy());

  const tlsPort = await listen(tlsServer, 0);
  const plainPort = await listen(plainServer, 0);

  const pipeTo = (client: net.Socket, port: number, first: Buffer | undefined, onOpen?: () => void): void => {
    const upstream = net.connect(port, LOCALHOST, onOpen);
    track(upstream);
    if (first && first.length > 0) upstream.write(first);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };

  // CONNECT host:443 (Firefox's proxy tunnels) ends in the HTTPS server.
  plainServer.on('connect', (_req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    track(client);
    client.pause();
    pipeTo(client, tlsPort, head, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      client.resume();
    });
  });

  const front = net.createServer((socket) => {
    track(socket);
    socket.once('data', (first: Buffer) => {
      socket.pause();
      pipeTo(socket, first[0] === 0x16 ? tlsPort : plainPort, first);
    });
  });
  const port = await listen(front, options.port ?? 0);

  let stopped = false;
  const self: FakeInternet = {
    port,
    url: (host, p = '/') => `https://${host}${p.startsWith('/') ? p : `/${p}`}`,
    requests,
    requestsTo: (host) => requests.filter((r) => hostMatches(host, r.host)),
    hosts: () => [...new Set(requests.map((r) => r.host))].sort(),
    clearRequests: () => {
      requests.length = 0;
    },
    addRoute(route) {
      userRoutes.unshift(route);
      return () => {
        const i = userRoutes.indexOf(route);
        if (i >= 0) userRoutes.splice(i, 1);
      };
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    waitForRequest(predicate, timeoutMs = 10_000) {
      const past = requests.find(predicate);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (r: RecordedRequest) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake internet: no matching request within ${timeoutMs} ms (hosts seen: ${self.hosts().join(', ') || 'none'})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async waitForQuiet(predicate, quietMs, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = requests.reduce((latest, r) => (predicate(r) && r.at > latest ? r.at : latest), 0);
        const quietUntil = last + quietMs;
        if (Date.now() >= quietUntil) return;
        if (quietUntil > deadline) throw new Error(`fake internet: requests still arriving after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, quietUntil - Date.now()));
      }
    },
    fetch(url, init = {}) {
      const target = new URL(url);
      return new Promise((resolve, reject) => {
        const req = (target.protocol === 'https:' ? https : http).request(
          {
            host: LOCALHOST,
            port,
            method: init.method ?? 'GET',
            path: target.pathname + target.search,
            servername: target.hostname,
            rejectUnauthorized: false,
            agent: false,
            headers: { host: target.host, connection: 'close', ...init.headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(init.body);
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const closing = [closeServer(front), closeServer(tlsServer), closeServer(plainServer)];
      tlsServer.closeAllConnections();
      plainServer.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await Promise.all(closing);
    },
  };
  return self;
}
