// @vitest-environment node
/**
 * The fake netflix.com's data and routes (tests/fixtures/site/catalog.ts, tests/harness/netflix-site.ts):
 * the catalog is consistent, the rows have what the end-to-end tests rely on, search finds what
 * the page will show, and the routes serve the app shell for /browse and /search. The page
 * behaviours themselves are proved in real browsers by tests/e2e/harness.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeInternet, type FakeInternet } from '../../harness/fake-internet';
import {
  BILLBOARD_ID,
  BROWSE_ROWS,
  CATALOG,
  cardKindsShowing,
  findPlayable,
  HARBOR_RUN_GAME,
  isLegacyRow,
  LANTERN_KEEPERS,
  legacyTctx,
  MAIN_PROFILE,
  netflixUrl,
  NIGHT_FERRY,
  PAPER_HARBOR,
  PROFILES,
  QUIET_ORBIT,
  ROW_TITLES,
  rowPages,
  rowsShowing,
  SALT_AND_EMBER,
  searchPath,
  searchSuggestions,
  searchTitles,
  SECOND_PROFILE,
  SITE_BEHAVIOUR,
  SOMOS,
  SOMOS_1999_FILM,
  TITLES_BY_CARD_KIND,
  type BrowseRow,
} from '../../fixtures/site/catalog';

describe('the fake catalog', () => {
  it('uses invented 8-digit IDs in the 8099xxxx range, each once (titles and episodes together)', () => {
    const ids = CATALOG.flatMap((t) => [t.id, ...(t.episodes ?? []).map((e) => e.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^8099\d{4}$/);
  });

  it('expects a story only for Somos. and Paper Harbor', () => {
    expect(CATALOG.filter((t) => t.expectStory).map((t) => t.title)).toEqual(['Somos.', 'Paper Harbor']);
  });

  it('keeps the original three rows as they were (tests and the benchmark rely on them)', () => {
    expect(BROWSE_ROWS.slice(0, 3)).toEqual([
      { title: 'Trending Now', card: 'standard-card', ids: [SOMOS.id, LANTERN_KEEPERS.id, PAPER_HARBOR.id, SOMOS_1999_FILM.id, NIGHT_FERRY.id] },
      { title: 'Top 10 TV Shows in Mexico Today', card: 'ranked-card', ids: [SALT_AND_EMBER.id, QUIET_ORBIT.id] },
      { title: 'Mobile and Cloud Games', card: 'cloud-game-card', ids: [HARBOR_RUN_GAME.id] },
    ]);
    expect(BILLBOARD_ID).toBe(SALT_AND_EMBER.id);
  });

  it.each(PROFILES.map((p) => [p.name, p.rows] as const))('%s: every row is well formed', (_name, rows: readonly BrowseRow[]) => {
    expect(new Set(rows.map((r) => r.title)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.ids.length, row.title).toBeGreaterThan(0);
      for (const id of row.ids) expect(CATALOG.some((t) => t.id === id), `${row.title}: ${id}`).toBe(true);
      expect(isLegacyRow(row), row.title).toBe(row.listContext !== undefined);
      const games = row.ids.filter((id) => CATALOG.find((t) => t.id === id)?.kind === 'game');
      expect(games.length === 0 || row.card === 'cloud-game-card', row.title).toBe(true);
      if (row.card === 'progress-card' || row.listContext === 'continueWatching') {
        for (const id of row.ids) {
          const resume = row.resume?.[id];
          expect(resume, `${row.title}: resume of ${id}`).toBeDefined();
          const show = CATALOG.find((t) => t.id === id)!;
          if (show.kind === 'film') expect(resume!.episodeId).toBeUndefined();
          // A resumed episode is one of the show's: the watch page exists and names the show.
          else expect(findPlayable(resume!.episodeId!)?.show.id, `${row.title}: ${id}`).toBe(id);
        }
      }
    }
  });

  it('shows Somos. in rows of every kind but games, including a legacy Continue Watching row', () => {
    expect(cardKindsShowing(SOMOS.id)).toEqual(['standard-card', 'progress-card', 'ranked-card', 'title-card']);
    expect(rowsShowing(SOMOS.id).length).toBeGreaterThanOrEqual(3);
    const legacyCw = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.legacyContinueWatching)!;
    expect(legacyCw.listContext).toBe('continueWatching');
    expect(legacyCw.ids).toContain(SOMOS.id);
    const cw = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.continueWatching)!;
    expect(cw.card).toBe('progress-card');
    expect(cw.ids).toEqual(expect.arrayContaining([SOMOS.id, PAPER_HARBOR.id]));
    expect(cw.ids.some((id) => !CATALOG.find((t) => t.id === id)!.expectStory)).toBe(true);
    const genre = BROWSE_ROWS.find((r) => r.listContext === 'genre')!;
    expect(genre.ids).toEqual(expect.arrayContaining([SOMOS.id, PAPER_HARBOR.id]));
    expect(BROWSE_ROWS.find((r) => r.title === ROW_TITLES.top10)!.ids).toContain(SOMOS.id);
    expect(TITLES_BY_CARD_KIND['title-card']).toEqual(expect.arrayContaining([SOMOS.id, PAPER_HARBOR.id]));
  });

  it('loads the legacy rows by infinite scroll, and has rows longer than a page', () => {
    const initial = BROWSE_ROWS.slice(0, SITE_BEHAVIOUR.initialRows);
    expect(initial.some(isLegacyRow)).toBe(false);
    expect(BROWSE_ROWS.slice(SITE_BEHAVIOUR.initialRows).some(isLegacyRow)).toBe(true);
    const top10 = BROWSE_ROWS.find((r) => r.title === ROW_TITLES.top10)!;
    expect(rowPages(top10).map((p) => p.length)).toEqual([6, 4]);
    expect(rowPages(top10).flat()).toEqual(top10.ids);
    expect(BROWSE_ROWS.filter((r) => rowPages(r).length > 1).map((r) => r.card)).toEqual(expect.arrayContaining(['ranked-card', 'standard-card', 'title-card']));
  });

  it('gives the second profile other rows in another order', () => {
    expect(PROFILES[0]).toBe(MAIN_PROFILE);
    expect(SECOND_PROFILE.rows.map((r) => r.title)).not.toContain(ROW_TITLES.trending);
    expect(SECOND_PROFILE.rows[0]!.card).toBe('title-card');
    expect(SECOND_PROFILE.billboardId).not.toBe(MAIN_PROFILE.billboardId);
  });

  it('searches names, case-insensitively, games included, and suggests collections that are not titles', () => {
    expect(searchTitles('somos').map((t) => t.title)).toEqual(['Somos.', 'Somos']);
    expect(searchTitles('  HARBOR ').map((t) => t.title)).toEqual(['Paper Harbor', 'Harbor Run']);
    expect(searchTitles('')).toEqual([]);
    expect(searchTitles('no such title')).toEqual([]);
    const titles = new Set(CATALOG.map((t) => t.title));
    for (const q of ['somos', 'harbor', 'copper', 'the', 'a']) {
      const chips = searchSuggestions(q);
      expect(chips.length).toBeLessThanOrEqual(4);
      for (const chip of chips) expect(titles.has(chip), chip).toBe(false);
    }
  });

  it('builds Netflix-shaped URLs', () => {
    expect(netflixUrl.search('breaking bad')).toBe('https://www.netflix.com/search?q=breaking+bad');
    expect(netflixUrl.searchModal('somos', SOMOS.id)).toBe(`https://www.netflix.com/search?q=somos&jbv=${SOMOS.id}`);
    expect(searchPath('')).toBe('/search?q=');
    expect(legacyTctx(1, 0, SOMOS.id)).toBe(`1%2C0%2C%2C%2C%2C%2C%2C%2C%2CVideo%3A${SOMOS.id}%2C`);
  });
});

describe('the fake netflix.com routes', () => {
  let internet: FakeInternet;

  beforeAll(async () => {
    internet = await startFakeInternet({ netflix: { behaviour: { initialRows: 99 } } });
  });

  afterAll(async () => {
    await internet?.stop();
  });

  it('serves the one app shell for /browse and /search, and a 404 elsewhere', async () => {
    const browse = await internet.fetch(netflixUrl.browse());
    const search = await internet.fetch(netflixUrl.search('somos'));
    expect(search.status).toBe(200);
    expect(search.body).toBe(browse.body);
    for (const script of ['common.js', 'cards.js', 'modals.js', 'search.js', 'browse.js']) expect(browse.body).toContain(`/ffe/siteui/fake/${script}`);
    expect((await internet.fetch('https://www.netflix.com/search/more')).status).toBe(404);
    for (const script of ['common.js', 'cards.js', 'modals.js', 'search.js', 'browse.js']) {
      const asset = await internet.fetch(`https://assets.nflxext.com/ffe/siteui/fake/${script}`);
      expect(asset.status, script).toBe(200);
    }
  });

  it('serves the catalog with the profiles and the behaviour (overridable per test)', async () => {
    const script = (await internet.fetch('https://assets.nflxext.com/ffe/siteui/fake/catalog.js')).body;
    const data = JSON.parse(script.replace(/^window\.__fakeNetflixCatalog = /, '').replace(/;\s*$/, '')) as {
      rows: BrowseRow[];
      billboardId: string;
      profiles: { key: string; rows: BrowseRow[] }[];
      behaviour: typeof SITE_BEHAVIOUR;
    };
    expect(data.rows).toEqual(BROWSE_ROWS);
    expect(data.billboardId).toBe(BILLBOARD_ID);
    expect(data.profiles.map((p) => p.key)).toEqual(PROFILES.map((p) => p.key));
    expect(data.behaviour).toEqual({ ...SITE_BEHAVIOUR, initialRows: 99 });
  });

  it('lets a test replace the first profile\'s rows only', async () => {
    const other = await startFakeInternet({ netflix: { rows: [{ title: 'Only Row', card: 'standard-card', ids: [SOMOS.id] }] } });
    try {
      const script = (await other.fetch('https://assets.nflxext.com/ffe/siteui/fake/catalog.js')).body;
      expect(script).toContain('"rows":[{"title":"Only Row"');
      expect(script).toContain(SECOND_PROFILE.rows[0]!.title);
    } finally {
      await other.stop();
    }
  });
});
