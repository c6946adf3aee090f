/**
 * The fake netflix.com, as routes of the fake internet.
 *
 * Hosts served:
 * - www.netflix.com: the app shell (`pages/browse.html`) for `/browse` (also `/browse/...`,
 *   `?jbv=ID`) and `/search` (`?q=…`, `&jbv=ID`): one single-page app, so going from /browse to
 *   /search, opening modals and switching profiles happen without a page load, as on Netflix;
 *   `/title/ID` (optional locale prefix, logged-out LODP page), `/watch/ID` (episode or film ID),
 *   `/` → 302 `/browse`; anything else, or an ID missing from the catalog: 404 with Netflix's
 *   "Lost your way?" page;
 * - netflix.com → 301 to www.netflix.com;
 * - assets.nflxext.com: the site's CSS/JS (`/ffe/siteui/fake/*`) and the catalog as a script
 *   (`catalog.js`: titles, the profiles with their rows, the behaviour timings);
 * - *.nflxso.net: generated SVG artwork (`/dnm/api/v6/fakeart/<kind>/<id>.svg`).
 *
 * The pages are static shells in tests/fixtures/site/netflix/pages; their scripts
 * (tests/fixtures/site/netflix/assets) render from the catalog (tests/fixtures/site/catalog.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { FakeRequest, FakeResponse, Route } from './fake-internet';
import {
  CATALOG,
  findPlayable,
  PROFILES,
  SITE_BEHAVIOUR,
  type BrowseRow,
  type FakeProfile,
  type FakeTitle,
  type SiteBehaviour,
} from '../fixtures/site/catalog';

export const SITE_DIR = fileURLToPath(new URL('../fixtures/site/netflix/', import.meta.url));
export const ASSET_PREFIX = '/ffe/siteui/fake/';

export interface NetflixSiteOptions {
  /** Replace the catalog (default: tests/fixtures/site/catalog.ts). */
  catalog?: readonly FakeTitle[];
  /** Replace the rows of the first profile (the one every page load starts with). */
  rows?: readonly BrowseRow[];
  /** Replace the billboard title of the first profile. */
  billboardId?: string;
  /** Replace the profiles (default: PROFILES; `rows`/`billboardId` still apply to the first). */
  profiles?: readonly FakeProfile[];
  /**
   * Change timings and sizes (default: SITE_BEHAVIOUR), e.g. `{ initialRows: 99 }` to have every
   * row in the page at load, or `{ miniModalHoverMs: 0 }` to turn the hover mini modal off.
   */
  behaviour?: Partial<SiteBehaviour>;
}

/** Hosts the fake netflix.com answers for (besides user routes). */
export const NETFLIX_SITE_HOSTS: readonly (string | RegExp)[] = [
  'www.netflix.com',
  'netflix.com',
  'assets.nflxext.com',
  /^[a-z0-9-]+(\.[a-z0-9-]+)*\.nflxso\.net$/,
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const NO_STORE = { 'cache-control': 'no-store' };

async function file(relative: string, status = 200): Promise<FakeResponse> {
  const full = path.join(SITE_DIR, relative);
  if (!full.startsWith(SITE_DIR)) return { status: 404, body: 'not found' };
  try {
    const body = await readFile(full);
    return { status, headers: { 'content-type': TYPES[path.extname(full)] ?? 'application/octet-stream', ...NO_STORE }, body };
  } catch {
    return { status: 404, headers: NO_STORE, body: 'not found' };
  }
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ART_SIZES: Record<string, [number, number]> = {
  card: [341, 192],
  boxart: [341, 192],
  story: [850, 478],
  hero: [1280, 720],
  episode: [320, 180],
  logo: [600, 200],
};

function artwork(kind: string, id: string, catalog: readonly FakeTitle[]): FakeResponse {
  const size = ART_SIZES[kind];
  if (!size) return { status: 404, headers: NO_STORE, body: 'not found' };
  const [w, h] = size;
  const title = catalog.find((t) => t.id === id);
  const playable = title ? undefined : findPlayableIn(catalog, id);
  const label = title?.title ?? (playable?.episode ? `${playable.show.title} · E${playable.episode.number}` : `#${id}`);
  const color = title?.color ?? playable?.show.color ?? '#333333';
  const svg =
    kind === 'logo'
      ? `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
        `<text x="0" y="${h * 0.7}" font-family="Georgia, serif" font-size="${h * 0.45}" font-weight="700" fill="#ffffff">${escapeXml(label)}</text></svg>`
      : `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
        `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#0b0b0b"/></linearGradient></defs>` +
        `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
        // Hero and story art sit under the title-treatment logo: no text of their own.
        (kind === 'hero' || kind === 'story'
          ? `<circle cx="${w * 0.75}" cy="${h * 0.35}" r="${h * 0.22}" fill="#ffffff" fill-opacity="0.06"/>`
          : `<text x="${w * 0.06}" y="${h * 0.88}" font-family="Helvetica, Arial, sans-serif" font-size="${Math.round(h * 0.11)}" font-weight="700" fill="#ffffff" fill-opacity="0.85">${escapeXml(label)}</text>`) +
        `</svg>`;
  return { status: 200, headers: { 'content-type': 'image/svg+xml', ...NO_STORE }, body: svg };
}

function findPlayableIn(catalog: readonly FakeTitle[], videoId: string): ReturnType<typeof findPlayable> {
  if (catalog === CATALOG) return findPlayable(videoId);
  for (const show of catalog) {
    if (show.kind === 'game') continue;
    if (show.id === videoId && show.kind === 'film') return { show };
    const episode = show.episodes?.find((e) => e.id === videoId);
    if (episode) return { show, episode };
  }
  return undefined;
}

/** The routes of the fake netflix.com (added after user routes, so tests can override any path). */
export function netflixSiteRoutes(options: NetflixSiteOptions = {}): Route[] {
  const catalog = options.catalog ?? CATALOG;
  const profiles = (options.profiles ?? PROFILES).map((profile, i) =>
    i === 0 ? { ...profile, rows: options.rows ?? profile.rows, billboardId: options.billboardId ?? profile.billboardId } : profile,
  );
  const first = profiles[0];
  if (!first) throw new Error('netflix site: at least one profile is needed');
  const behaviour: SiteBehaviour = { ...SITE_BEHAVIOUR, ...options.behaviour };
  // `rows` and `billboardId` are the first profile's (the page starts on it).
  const catalogScript = `window.__fakeNetflixCatalog = ${JSON.stringify({ titles: catalog, rows: first.rows, billboardId: first.billboardId, profiles, behaviour })};\n`;
  const has = (id: string): boolean => catalog.some((t) => t.id === id && t.kind !== 'game');

  const www = async (req: FakeRequest): Promise<FakeResponse> => {
    const p = req.pathname;
    if (p === '/') return { status: 302, headers: { location: '/browse', ...NO_STORE }, body: '' };
    // One app shell: /browse and /search are views of the same single-page app.
    if (p === '/browse' || p.startsWith('/browse/') || p === '/search' || p === '/search/') return file('pages/browse.html');
    const title = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?title\/(\d+)\/?$/.exec(p);
    if (title) return has(title[1] ?? '') ? file('pages/title.html') : file('pages/not-found.html', 404);
    const watch = /^\/watch\/(\d+)\/?$/.exec(p);
    if (watch) return findPlayableIn(catalog, watch[1] ?? '') ? file('pages/watch.html') : file('pages/not-found.html', 404);
    return file('pages/not-found.html', 404);
  };

  return [
    {
      name: 'netflix: apex redirect',
      host: 'netflix.com',
      path: /.*/,
      handler: (req) => ({ status: 301, headers: { location: `https://www.netflix.com${req.path}` }, body: '' }),
    },
    { name: 'netflix: pages', host: 'www.netflix.com', path: /.*/, handler: www },
    {
      name: 'netflix: static assets',
      host: 'assets.nflxext.com',
      path: /.*/,
      handler: (req) => {
        if (!req.pathname.startsWith(ASSET_PREFIX)) return { status: 404, headers: NO_STORE, body: 'not found' };
        const name = req.pathname.slice(ASSET_PREFIX.length);
        if (name === 'catalog.js') return { status: 200, headers: { 'content-type': TYPES['.js'] ?? '', ...NO_STORE }, body: catalogScript };
        if (!/^[a-z0-9-]+\.(js|css)$/.test(name)) return { status: 404, headers: NO_STORE, body: 'not found' };
        return file(`assets/${name}`);
      },
    },
    {
      name: 'netflix: artwork',
      host: /^[a-z0-9-]+(\.[a-z0-9-]+)*\.nflxso\.net$/,
      path: /^\/dnm\/api\/v6\/fakeart\//,
      handler: (req) => {
        const m = /^\/dnm\/api\/v6\/fakeart\/([a-z]+)\/(\d+)\.svg$/.exec(req.pathname);
        return m ? artwork(m[1] ?? '', m[2] ?? '', catalog) : { status: 404, headers: NO_STORE, body: 'not found' };
      },
    },
  ];
}
