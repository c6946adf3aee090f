// @vitest-environment node
/**
 * The fake netflix.com, rendered by its own scripts in jsdom (served by the fake internet, as the
 * browsers get them), read by the product's Netflix adapter: a cross-check that the fake's markup
 * is the one the adapter was written for (netflix-dom.md). Card IDs and titles only: how cards are
 * shown (badges) is not tested here. Layout-driven behaviours (infinite scroll, hover) need a real
 * browser: tests/e2e/harness.e2e.test.ts.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netflix } from '../../../lib/sites/netflix';
import { cardsOnPage } from '../../../lib/sites/cards-on-page';
import { startFakeInternet, type FakeInternet } from '../../harness/fake-internet';
import type { NetflixSiteOptions } from '../../harness/netflix-site';
import {
  BROWSE_ROWS,
  CATALOG,
  COPPER_VALLEY_GAME,
  HARBOR_RUN_GAME,
  netflixUrl,
  PAPER_HARBOR,
  ROW_TITLES,
  rowPages,
  searchTitles,
  SOMOS,
} from '../../fixtures/site/catalog';

/** The bit of jsdom's API used here (the project has no @types/jsdom; jsdom comes with vitest's environment). */
interface JsdomWindow {
  document: Document;
  eval(code: string): unknown;
  close(): void;
}
interface Jsdom {
  JSDOM: new (html: string, options: Record<string, unknown>) => { window: JsdomWindow };
  VirtualConsole: new () => { on(event: 'jsdomError', listener: (error: Error) => void): void };
}
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as Jsdom;

const servers: FakeInternet[] = [];
const windows: JsdomWindow[] = [];

async function site(options: NetflixSiteOptions = {}): Promise<FakeInternet> {
  const internet = await startFakeInternet({ netflix: options });
  servers.push(internet);
  return internet;
}

/** The app at `url`: the shell without its script tags, then its scripts in their order. */
async function render(internet: FakeInternet, url: string): Promise<{ doc: Document; url: URL; errors: string[] }> {
  const html = (await internet.fetch(url)).body;
  const scripts = [...html.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => errors.push(String(error)));
  const dom = new JSDOM(html.replace(/<script src="[^"]+"><\/script>/g, ''), { url, runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole });
  windows.push(dom.window);
  for (const src of scripts) dom.window.eval((await internet.fetch(src)).body);
  return { doc: dom.window.document, url: new URL(url), errors };
}

function cards(page: { doc: Document; url: URL }): { siteId?: string; playableId?: string; title?: string }[] {
  return cardsOnPage(netflix, page.doc, page.url).map(({ sighting }) => ({ siteId: sighting.siteId, playableId: sighting.playableId, title: sighting.title }));
}

const titleOf = (id: string): string => CATALOG.find((t) => t.id === id)!.title;

afterAll(async () => {
  for (const window of windows) window.close();
  await Promise.all(servers.map((s) => s.stop()));
});

describe('the fake netflix.com read by the Netflix adapter', () => {
  let everyRow: FakeInternet;

  beforeAll(async () => {
    everyRow = await site({ behaviour: { initialRows: 99 } });
  });

  it('on /browse (every row in): each title of the first pages once, with its show ID, games left out', async () => {
    const page = await render(everyRow, netflixUrl.browse());
    expect(page.errors).toEqual([]);
    expect(netflix.focus(page.doc, page.url)).toBeNull();
    const found = cards(page);
    const shown = new Set(BROWSE_ROWS.filter((r) => r.card !== 'cloud-game-card').flatMap((r) => rowPages(r)[0]!));
    for (const id of shown) expect(found.find((c) => c.siteId === id)?.title, id).toBe(titleOf(id));
    for (const card of found) expect(card.title).toBe(titleOf(card.siteId!));
    expect(found.map((c) => c.siteId)).not.toContain(HARBOR_RUN_GAME.id);
    expect(new Set(found.map((c) => c.siteId)).size).toBe(found.length);
  });

  it('reads a legacy Continue Watching card as the show, with the episode only as what plays', async () => {
    const row = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.legacyContinueWatching)!;
    const page = await render(await site({ rows: [row] }), netflixUrl.browse());
    expect(page.doc.querySelector('.lolomoRow[data-list-context="continueWatching"]')).not.toBeNull();
    expect(cards(page)).toEqual(
      row.ids.map((id) => {
        const episode = row.resume?.[id]?.episodeId;
        return { siteId: id, playableId: episode ?? id, title: titleOf(id) };
      }),
    );
  });

  it('reads a legacy genre row by tctx, Somos. and Paper Harbor included', async () => {
    const row = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.legacyDramas)!;
    const page = await render(await site({ rows: [row] }), netflixUrl.browse());
    const ids = cards(page).map((c) => c.siteId);
    expect(ids).toEqual(expect.arrayContaining([SOMOS.id, PAPER_HARBOR.id, ...rowPages(row)[0]!]));
  });

  it('on /search: the results, never the suggestion chips, games left out', async () => {
    const somos = await render(everyRow, netflixUrl.search('somos'));
    expect(somos.errors).toEqual([]);
    expect(cards(somos).map((c) => c.title)).toEqual(searchTitles('somos').map((t) => t.title));
    expect(somos.doc.querySelectorAll('a[data-uia="search-suggestion-item-link"]').length).toBeGreaterThan(0);
    const copper = await render(everyRow, netflixUrl.search('copper'));
    expect(cards(copper).map((c) => c.siteId)).not.toContain(COPPER_VALLEY_GAME.id);
  });

  it('on /search with jbv: the detail modal is the focus once it has mounted', async () => {
    const page = await render(everyRow, netflixUrl.searchModal('somos', SOMOS.id));
    // The modal mounts after the app's boot delay.
    await expect.poll(() => netflix.focus(page.doc, page.url), { timeout: 5_000, interval: 50 }).not.toBeNull();
    const focus = netflix.focus(page.doc, page.url);
    expect(focus?.sighting).toMatchObject({ surface: 'detail', siteId: SOMOS.id, title: 'Somos.' });
  });
});
