/**
 * The synthetic browse page of issue #4: 2,000 cards in 40 carousel rows (2026 markup, netflix-dom.md
 * section 1b), served by the fake internet at https://www.netflix.com/browse?bench=synthetic, so the
 * always-on content script runs on it as on /browse.
 *
 * The page is the fake site's own /browse (tests/fixtures/site/netflix: its header, billboard, rows
 * and detail modal, rendered by common.js and browse.js) fed with a synthetic catalog instead of the
 * fixture one, plus page/synthetic-browse.js, which adds rows of 50 cards at the bottom in bursts
 * (window.__backstoryBench.burst(), called by the bench) with the same card markup as browse.js.
 *
 * Titles: everything invented, IDs in 812xxxxx (initial rows) and 816xxxxx (bursts), never the
 * fixture range 8099xxxx; except the two titles with a story, Somos. (in the curated pack) and Paper
 * Harbor (a live lookup through the fake Wikidata), which appear in several rows, always among the
 * first six cards of a row so that they show when their row is scrolled into view.
 * Card artwork is one shared, cacheable image: the bench measures scripts, not 2,000 downloads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FakeResponse, Route } from '../../../tests/harness/fake-internet';
import { ASSET_PREFIX } from '../../../tests/harness/netflix-site';
import { BILLBOARD_ID, CATALOG, PAPER_HARBOR, SITE_BEHAVIOUR, SOMOS, type FakeTitle } from '../../../tests/fixtures/site/catalog';

export const SYNTHETIC_ROWS = 40;
export const CARDS_PER_ROW = 50;
export const SYNTHETIC_CARDS = SYNTHETIC_ROWS * CARDS_PER_ROW;
/** One burst: this many rows of CARDS_PER_ROW cards (200 cards). */
export const BURST_ROWS = 4;
export const BURST_CARDS = BURST_ROWS * CARDS_PER_ROW;
/** Bursts the page has data for. */
export const MAX_BURSTS = 10;

export const SYNTHETIC_PATH = '/browse?bench=synthetic';
export const SYNTHETIC_URL = `https://www.netflix.com${SYNTHETIC_PATH}`;

/** The titles with a story, and where their cards are (row index, slot index in the row). */
const STORY_PLACES: readonly { title: FakeTitle; rows: readonly number[]; slot: number }[] = [
  // Rows 0 and 1 are in view (under the billboard) when the page loads: no story card there, so
  // every story card becomes visible by a scroll after the content script has started.
  { title: SOMOS, rows: [3, 11, 19, 27, 35], slot: 1 },
  { title: PAPER_HARBOR, rows: [7, 15, 23, 31, 39], slot: 2 },
];
/** In each burst: Somos. in its first row, Paper Harbor in its third (as new rows can bring them). */
const BURST_STORY_PLACES: readonly { title: FakeTitle; row: number; slot: number }[] = [
  { title: SOMOS, row: 0, slot: 2 },
  { title: PAPER_HARBOR, row: 2, slot: 4 },
];

export interface StoryCard {
  netflixId: string;
  title: string;
  row: number;
  slot: number;
}

export const STORY_CARDS: readonly StoryCard[] = STORY_PLACES.flatMap(({ title, rows, slot }) =>
  rows.map((row) => ({ netflixId: title.id, title: title.title, row, slot })),
);

type CardKind = 'standard-card' | 'ranked-card' | 'progress-card';

/** What browse.js reads of a row (BrowseRow, with the 2026 progress cards too). */
interface SyntheticRow {
  title: string;
  card: CardKind;
  ids: string[];
}

/** Only what a card needs (id, title); these titles are never opened. */
interface CardTitle {
  id: string;
  title: string;
  kind: 'film' | 'series';
}

const ADJECTIVES = [
  'Amber', 'Silent', 'Crimson', 'Hollow', 'Northern', 'Broken', 'Golden', 'Distant', 'Salted', 'Velvet',
  'Iron', 'Wandering', 'Glass', 'Burning', 'Pale', 'Hidden', 'Restless', 'Copper', 'Frozen', 'Electric',
  'Last', 'Quiet', 'Wild', 'Paper', 'Midnight', 'Scarlet', 'Lonely', 'Bitter', 'Sunken', 'Painted',
];
const NOUNS = [
  'Orchard', 'Lighthouse', 'Signal', 'Kingdom', 'Tide', 'Ledger', 'Compass', 'Garden', 'Frontier', 'Echo',
  'Harvest', 'Summit', 'Canal', 'Furnace', 'Mirror', 'Caravan', 'Archive', 'Meridian', 'Quarry', 'Lantern',
  'Circuit', 'Parade', 'Crossing', 'Vineyard', 'Observatory', 'Bazaar', 'Tunnel', 'Reservoir', 'Cathedral', 'Outpost',
];
const PLACES = ['Valparaíso', 'the North', 'Saint Ives', 'Okinawa', 'the Delta', 'Marseille', 'the Steppe', 'Tromsø', 'Lagos', 'the Bay'];
const ROW_NAMES = [
  'Trending Now', 'New on Netflix', 'Because You Watched', 'Critically Acclaimed TV', 'Top 10 Today', 'Award-Winning Films',
  'Continue Watching', 'International Dramas', 'Binge-Worthy Series', 'Crime Thrillers', 'Feel-Good Comedies', 'Documentaries',
];

/** A deterministic invented title; never one of the fixture catalog's. */
function inventedTitle(n: number): string {
  const adjective = ADJECTIVES[(n * 7) % ADJECTIVES.length]!;
  const noun = NOUNS[(n * 13 + Math.floor(n / NOUNS.length)) % NOUNS.length]!;
  const place = PLACES[(n * 3) % PLACES.length]!;
  switch (n % 4) {
    case 0:
      return `The ${adjective} ${noun}`;
    case 1:
      return `${adjective} ${noun}`;
    case 2:
      return `${noun} of ${place}`;
    default:
      return `The ${noun}`;
  }
}

/** Rows cycle through the card kinds of 2026: mostly standard, some ranked (Top 10), some progress. */
function rowKind(row: number): CardKind {
  if (row % 8 === 4) return 'ranked-card';
  if (row % 8 === 6) return 'progress-card';
  return 'standard-card';
}

function rowName(row: number): string {
  return `${ROW_NAMES[row % ROW_NAMES.length]!}${row >= ROW_NAMES.length ? ` ${Math.floor(row / ROW_NAMES.length) + 1}` : ''}`;
}

const FIXTURE_TITLES = new Set(CATALOG.map((t) => t.title.toLowerCase()));

interface SyntheticData {
  titles: CardTitle[];
  rows: SyntheticRow[];
  burstRows: SyntheticRow[][];
}

function build(): SyntheticData {
  const titles: CardTitle[] = [];
  let invented = 0;
  const newTitle = (idBase: number): string => {
    let name = inventedTitle(invented);
    while (FIXTURE_TITLES.has(name.toLowerCase())) name = inventedTitle(++invented);
    const id = String(idBase + invented);
    titles.push({ id, title: name, kind: invented % 3 === 0 ? 'series' : 'film' });
    invented++;
    return id;
  };
  const makeRow = (row: number, idBase: number, stories: readonly { title: FakeTitle; slot: number }[]): SyntheticRow => {
    const ids: string[] = [];
    for (let slot = 0; slot < CARDS_PER_ROW; slot++) {
      const story = stories.find((s) => s.slot === slot);
      ids.push(story ? story.title.id : newTitle(idBase));
    }
    return { title: rowName(row), card: rowKind(row), ids };
  };
  const rows = Array.from({ length: SYNTHETIC_ROWS }, (_, row) =>
    makeRow(
      row,
      81_200_000,
      STORY_PLACES.filter((p) => p.rows.includes(row)),
    ),
  );
  invented = 0; // burst IDs are their own range (816xxxxx); titles may repeat, IDs never do
  const burstRows = Array.from({ length: MAX_BURSTS }, (_, burst) =>
    Array.from({ length: BURST_ROWS }, (_, r) =>
      makeRow(
        SYNTHETIC_ROWS + burst * BURST_ROWS + r,
        81_600_000,
        BURST_STORY_PLACES.filter((p) => p.row === r),
      ),
    ),
  );
  return { titles, rows, burstRows };
}

const DATA = build();

/** Checks the numbers the issue asks for; throws if the generator drifted. */
function assertShape(data: SyntheticData): void {
  const cards = data.rows.reduce((sum, row) => sum + row.ids.length, 0);
  if (data.rows.length !== SYNTHETIC_ROWS || cards !== SYNTHETIC_CARDS) throw new Error(`synthetic page: ${data.rows.length} rows, ${cards} cards`);
  for (const burst of data.burstRows) {
    if (burst.reduce((sum, row) => sum + row.ids.length, 0) !== BURST_CARDS) throw new Error('synthetic page: a burst is not 200 cards');
  }
  const ids = new Set(data.titles.map((t) => t.id));
  if (ids.size !== data.titles.length) throw new Error('synthetic page: duplicate invented IDs');
  for (const id of ids) {
    if (!/^8[1-9]\d{6}$/.test(id) || id.startsWith('8099')) throw new Error(`synthetic page: ID ${id} outside the bench range`);
  }
}
assertShape(DATA);

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const ART_HOST = 'occ-0-2794-2219.1.nflxso.net';
const CARD_ART_PATH = '/dnm/api/v6/fakeart/bench/card.svg';
const NO_STORE = { 'cache-control': 'no-store' };

const CARD_ART =
  '<svg xmlns="http://www.w3.org/2000/svg" width="341" height="192" viewBox="0 0 341 192">' +
  '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3b4a5c"/><stop offset="1" stop-color="#0b0b0b"/></linearGradient></defs>' +
  '<rect width="341" height="192" fill="url(#g)"/></svg>';

function pageHtml(): string {
  const asset = (name: string): string => `https://assets.nflxext.com${ASSET_PREFIX}${name}`;
  return (
    '<!DOCTYPE html>\n' +
    '<!-- Backstory bench: synthetic /browse, 2,000 cards in 40 rows (scripts/bench/browse/synthetic-page.ts). -->\n' +
    '<html lang="en-US" class="js-focus-visible"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Home - Netflix</title>' +
    `<link rel="stylesheet" href="${asset('netflix.css')}">` +
    // Netflix's rows clip their off-screen cards (the fake site's few cards never overflow).
    '<style>section.carousel-row { overflow: hidden; }</style>' +
    '</head><body><div id="appMountPoint"></div>' +
    `<script src="${asset('bench-catalog.js')}"></script>` +
    `<script src="${asset('common.js')}"></script>` +
    `<script src="${asset('bench-art.js')}"></script>` +
    `<script src="${asset('cards.js')}"></script>` +
    `<script src="${asset('modals.js')}"></script>` +
    `<script src="${asset('search.js')}"></script>` +
    `<script src="${asset('browse.js')}"></script>` +
    `<script src="${asset('bench-browse.js')}"></script>` +
    '</body></html>\n'
  );
}

function script(body: string): FakeResponse {
  return { status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', ...NO_STORE }, body };
}

/**
 * The fake internet's routes for the synthetic page (added in front of the fake netflix.com's).
 * The fixture catalog's titles come first in the catalog, so the detail modal and "More Like This"
 * work as on /browse for Somos. and Paper Harbor.
 */
export function syntheticPageRoutes(): Route[] {
  const catalog = `window.__fakeNetflixCatalog = ${JSON.stringify({
    titles: [...CATALOG, ...DATA.titles],
    rows: DATA.rows,
    billboardId: BILLBOARD_ID,
    // Every row in the page from the start, all 50 cards of each (no paging), no hover previews:
    // the page the issue describes, 2,000 cards at once.
    behaviour: { ...SITE_BEHAVIOUR, initialRows: SYNTHETIC_ROWS, pageSize: CARDS_PER_ROW, miniModalHoverMs: 0 },
    benchBursts: DATA.burstRows,
  })};\n`;
  const art = `window.FakeNetflix.art = (function (art) {\n  return function (kind, id) { return kind === 'card' ? 'https://${ART_HOST}${CARD_ART_PATH}' : art(kind, id); };\n})(window.FakeNetflix.art);\n`;
  const browse = readFileSync(`${PAGE_DIR}synthetic-browse.js`, 'utf8');
  return [
    { name: 'bench: synthetic browse page', host: 'www.netflix.com', path: /^\/browse\?(?:.*&)?bench=synthetic(?:&|$)/, handler: () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, body: pageHtml() }) },
    { name: 'bench: synthetic catalog', host: 'assets.nflxext.com', path: `${ASSET_PREFIX}bench-catalog.js`, handler: () => script(catalog) },
    { name: 'bench: card art', host: 'assets.nflxext.com', path: `${ASSET_PREFIX}bench-art.js`, handler: () => script(art) },
    { name: 'bench: bursts', host: 'assets.nflxext.com', path: `${ASSET_PREFIX}bench-browse.js`, handler: () => script(browse) },
    {
      name: 'bench: shared card artwork',
      host: ART_HOST,
      path: CARD_ART_PATH,
      handler: () => ({ status: 200, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=3600' }, body: CARD_ART }),
    },
  ];
}
