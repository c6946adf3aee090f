/**
 * In one browser with Backstory (Chromium or Firefox), on the synthetic browse page:
 *
 * Warm-up (once): the titles with a story become "cached" the way a user makes them so. Somos.'s
 * detail modal is opened once (the extension learns its Netflix ID; the panel must show), and Paper
 * Harbor's (its live lookup through the fake Wikidata, Wikipedia, TVmaze; not fatal if it fails,
 * whatever the badges do with it then is measured). Then the page is reloaded and Somos.'s card
 * brought into view: a badge there within BADGE_PROBE_MS says this build shows badges. Then Paper
 * Harbor's rows are scrolled into view once (a lookup from the cards, if badges make one), waiting
 * up to LIVE_BADGE_TIMEOUT_MS on the first.
 *
 * Each run: a new tab on the page, the content script started, the badge stopwatch armed
 * (page/synthetic-browse.js: watchBadges), then every row holding a story card is scrolled to the
 * middle of the viewport in turn, waiting for its badge (BADGE_WAIT_MS; BADGE_PROBE_WAIT_MS when
 * the warm-up saw no badge, or the title's card in an earlier row got none). Latency per card = badge showing (first frame with a layout box) −
 * card visible (IntersectionObserver). Then, in the same tab, modal open → panel visible for
 * Somos.: cold (the panel script is not in this page yet) and warm (closed and opened again).
 */
import type { Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../../../tests/harness/browsers';
import { closeDetailModal, nextFrames, openBrowsePage, standardCard, timeCardClick, timeModalPaint, waitForContentScript } from '../browse-page';
import { LIVE_TIMEOUT_MS } from '../live-timing';
import { PANEL_TIMEOUT_MS } from '../panel-timing';
import type { BadgeWatchEntry, BenchPageWindow } from './page-api';
import { PAPER_HARBOR, SOMOS } from '../../../tests/fixtures/site/catalog';
import { STORY_CARDS, SYNTHETIC_ROWS, SYNTHETIC_URL } from './synthetic-page';

/** Warm-up: how long a cached Somos. card may take to show a badge before "this build has no badges". */
const BADGE_PROBE_MS = 3_000;
/** Warm-up: the first Paper Harbor card's live lookup (many serial requests to the fake APIs). */
const LIVE_BADGE_TIMEOUT_MS = 20_000;
/**
 * Run: how long to wait for a row's story-card badge (budget: 50 ms) before scrolling on; a badge
 * that comes later is still timed, as long as it comes before the last row's wait ends. Once a
 * title's card got none in a run, its later cards get BADGE_PROBE_WAIT_MS (e.g. a build that badges
 * only the first card of a title on the page).
 */
const BADGE_WAIT_MS = 1_000;
/** Run, when the warm-up saw no badge at all: a short look per row, to notice them anyway. */
const BADGE_PROBE_WAIT_MS = 250;

const SOMOS_CARD = standardCard(SOMOS.id);
/** The story cards top to bottom: the order a run scrolls them into view. */
const STORY_CARDS_BY_ROW = [...STORY_CARDS].sort((a, b) => a.row - b.row);
const PAPER_HARBOR_CARD = standardCard(PAPER_HARBOR.id);

export interface WarmUp {
  /** Modal open → panel visible for Somos. in the warm-up (the first panel of this browser). */
  somosPanelMs: number;
  /** The same for Paper Harbor (its live lookup), or why it did not show. */
  paperHarborPanel: { ms: number } | { failed: string };
  /** The cached Somos. card got a badge after the reload. */
  somosBadge: boolean;
  /** A Paper Harbor card got a badge (after its live lookup). */
  paperHarborBadge: boolean;
  /** backstory-badge elements on the page at the end of the warm-up. */
  badgesOnPage: number;
  /** Whether the runs wait for badges (BADGE_WAIT_MS) or only look (BADGE_PROBE_WAIT_MS). */
  badgesExpected: boolean;
  wallMs: number;
}

export type CardOutcome =
  /** Badge showing after the card became visible: latencyMs. */
  | 'badged'
  /** Badge showing already when the card became visible: latencyMs 0. */
  | 'badge before visible'
  /** A badge was inserted but never had a layout box. */
  | 'badge never showed'
  | 'no badge'
  /** The card was in view before the watch began: not a "became visible" case, left out. */
  | 'in view at start'
  | 'never visible';

export interface CardLatency {
  netflixId: string;
  title: string;
  row: number;
  outcome: CardOutcome;
  /** Card visible → badge showing, ms (badged, badge before visible). */
  latencyMs?: number;
  /** Card visible → badge inserted in the DOM, ms. */
  insertedMs?: number;
  showKey?: string | null;
  siteId?: string | null;
  /** data-site-id is the card's own ID. */
  siteIdMatches?: boolean;
  /** More than one backstory-badge in the card's slot. */
  duplicateBadges?: boolean;
}

export interface BadgeRun {
  run: number;
  contentScriptSeen: boolean;
  cards: CardLatency[];
  /** Modal open → panel painted for Somos. on this page; warmModalPaintMs: → the modal itself painted (the site's own). */
  modal: { coldMs: number; warmMs: number; warmModalPaintMs: number; showKey: string };
}

export class BadgeRunFailed extends Error {}

function titleOf(id: string): string {
  return id === SOMOS.id ? SOMOS.title : id === PAPER_HARBOR.id ? PAPER_HARBOR.title : id;
}

const api = (page: Page) => ({
  scrollToRow: (row: number) => page.evaluate((r: number) => (window as unknown as BenchPageWindow).__backstoryBench.scrollToRow(r), row),
  badgeCount: () => page.evaluate(() => (window as unknown as BenchPageWindow).__backstoryBench.badgeCount()),
});

/** Waits until the story card of `netflixId` in `row` has a backstory-badge in its slot. */
function waitForCardBadge(page: Page, netflixId: string, row: number, timeoutMs: number): Promise<boolean> {
  return page
    .waitForFunction(
      (id: string, r: number) => {
        const link = document.querySelector(`section[data-row-index="${r}"] a[href="/browse?jbv=${id}"]`);
        return link?.closest('div[data-virtual-slot]')?.querySelector('backstory-badge') != null;
      },
      { timeout: timeoutMs, polling: 50 },
      netflixId,
      row,
    )
    .then(
      () => true,
      () => false,
    );
}

async function openSyntheticPage(launched: LaunchedBrowser): Promise<{ page: Page; contentScriptSeen: boolean }> {
  const page = await openBrowsePage(launched, SOMOS_CARD, SYNTHETIC_URL);
  const contentScriptSeen = await waitForContentScript(page);
  return { page, contentScriptSeen };
}

export async function warmUp(launched: LaunchedBrowser, log: (line: string) => void): Promise<WarmUp> {
  const started = Date.now();
  const { page } = await openSyntheticPage(launched);
  try {
    const panel = await timeCardClick(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
    if (!panel.ok) throw new BadgeRunFailed(`warm-up: Somos.'s panel did not show: ${panel.reason}`);
    if (!(await closeDetailModal(page, PANEL_TIMEOUT_MS))) throw new BadgeRunFailed('warm-up: the panel stayed after the modal closed');
    const lookup = await timeCardClick(page, PAPER_HARBOR_CARD, LIVE_TIMEOUT_MS);
    const paperHarborPanel: WarmUp['paperHarborPanel'] = lookup.ok ? { ms: lookup.ms } : { failed: lookup.reason };
    if (lookup.ok && !(await closeDetailModal(page, PANEL_TIMEOUT_MS))) throw new BadgeRunFailed('warm-up: the panel stayed after the modal closed');

    await page.goto(SYNTHETIC_URL, { waitUntil: 'load' });
    await waitForContentScript(page);
    const somosCard = STORY_CARDS.find((c) => c.netflixId === SOMOS.id)!;
    await api(page).scrollToRow(somosCard.row);
    const somosBadge = await waitForCardBadge(page, SOMOS.id, somosCard.row, BADGE_PROBE_MS);
    const badgesExpected = somosBadge || (await api(page).badgeCount()) > 0;

    let paperHarborBadge = false;
    for (const [i, card] of STORY_CARDS.filter((c) => c.netflixId === PAPER_HARBOR.id).entries()) {
      await api(page).scrollToRow(card.row);
      const wait = i === 0 && badgesExpected ? LIVE_BADGE_TIMEOUT_MS : BADGE_PROBE_WAIT_MS;
      paperHarborBadge = (await waitForCardBadge(page, PAPER_HARBOR.id, card.row, wait)) || paperHarborBadge;
    }
    const badgesOnPage = await api(page).badgeCount();
    const warm: WarmUp = {
      somosPanelMs: panel.ms,
      paperHarborPanel,
      somosBadge,
      paperHarborBadge,
      badgesOnPage,
      badgesExpected: badgesExpected || badgesOnPage > 0,
      wallMs: Date.now() - started,
    };
    log(
      `${launched.kind} warm-up: Somos. panel ${panel.ms.toFixed(1)} ms, Paper Harbor panel (live lookup) ` +
        `${'ms' in paperHarborPanel ? `${paperHarborPanel.ms.toFixed(1)} ms` : `did not show: ${paperHarborPanel.failed}`}; badge on the cached Somos. card: ${somosBadge ? 'yes' : 'no'}; ` +
        `on Paper Harbor after its lookup: ${paperHarborBadge ? 'yes' : 'no'}; ${badgesOnPage} backstory-badge element(s) on the page` +
        (warm.badgesExpected ? '' : ' → this build shows no badges: the runs only look briefly'),
    );
    return warm;
  } finally {
    await page.close().catch(() => {});
  }
}

export async function measureBadgeRun(launched: LaunchedBrowser, run: number, warm: WarmUp): Promise<BadgeRun> {
  const { page, contentScriptSeen } = await openSyntheticPage(launched);
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    const ids = [...new Set(STORY_CARDS.map((c) => c.netflixId))];
    const watched = await page.evaluate(
      (storyIds: string[], maxRow: number) => (window as unknown as BenchPageWindow).__backstoryBench.watchBadges(storyIds, maxRow),
      ids,
      SYNTHETIC_ROWS - 1,
    );
    if (watched !== STORY_CARDS.length) throw new BadgeRunFailed(`run ${run}: watching ${watched} story cards, expected ${STORY_CARDS.length}`);
    // Let the observer make its first report (what is in view now) before anything scrolls.
    await nextFrames(page);
    const missed = new Set<string>();
    for (const card of STORY_CARDS_BY_ROW) {
      const wait = warm.badgesExpected && !missed.has(card.netflixId) ? BADGE_WAIT_MS : BADGE_PROBE_WAIT_MS;
      await api(page).scrollToRow(card.row);
      const shown = await page
        .waitForFunction(
          (id: string, r: number) =>
            (window as unknown as BenchPageWindow).__backstoryBench.badgeResults().some((e) => e.id === id && e.row === r && e.visibleAt !== null && e.badgeShownAt !== null),
          { timeout: wait, polling: 50 },
          card.netflixId,
          card.row,
        )
        .then(
          () => true,
          () => false,
        );
      if (!shown) missed.add(card.netflixId);
    }
    const entries = await page.evaluate(() => {
      const bench = (window as unknown as BenchPageWindow).__backstoryBench;
      bench.stopWatchingBadges();
      return bench.badgeResults();
    });
    const cards = entries.map(latencyOf);

    const cold = await timeCardClick(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
    if (!cold.ok) throw new BadgeRunFailed(`run ${run}: modal → panel (cold): ${cold.reason}`);
    if (!(await closeDetailModal(page, PANEL_TIMEOUT_MS))) throw new BadgeRunFailed(`run ${run}: the panel stayed after the modal closed`);
    const warmClick = await timeCardClick(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
    if (!warmClick.ok) throw new BadgeRunFailed(`run ${run}: modal → panel (warm): ${warmClick.reason}`);
    return { run, contentScriptSeen, cards, modal: { coldMs: cold.ms, warmMs: warmClick.ms, warmModalPaintMs: warmClick.modalPaintMs, showKey: warmClick.showKey } };
  } finally {
    await page.close().catch(() => {});
  }
}

/** The baseline browser's run: modal open → the modal painted, without Backstory. */
export interface BaselineModalRun {
  run: number;
  coldModalPaintMs: number;
  warmModalPaintMs: number;
}

/**
 * In the baseline browser (no Backstory), a badge run's page steps without the badges: a new tab on
 * the page, every story card's row scrolled into view in turn, then the Somos. card clicked, the
 * modal closed, and clicked again; each time modal open → modal painted.
 */
export async function measureBaselineModalRun(launched: LaunchedBrowser, run: number): Promise<BaselineModalRun> {
  const page = await openBrowsePage(launched, SOMOS_CARD, SYNTHETIC_URL);
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    await nextFrames(page);
    for (const card of STORY_CARDS_BY_ROW) {
      await api(page).scrollToRow(card.row);
      await nextFrames(page);
    }
    const cold = await timeModalPaint(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
    if (!cold.ok) throw new BadgeRunFailed(`baseline run ${run}: modal open → modal painted (cold): ${cold.reason}`);
    await closeDetailModal(page, PANEL_TIMEOUT_MS);
    const warm = await timeModalPaint(page, SOMOS_CARD, PANEL_TIMEOUT_MS);
    if (!warm.ok) throw new BadgeRunFailed(`baseline run ${run}: modal open → modal painted (warm): ${warm.reason}`);
    return { run, coldModalPaintMs: cold.modalPaintMs, warmModalPaintMs: warm.modalPaintMs };
  } finally {
    await page.close().catch(() => {});
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

function latencyOf(entry: BadgeWatchEntry): CardLatency {
  const base = { netflixId: entry.id, title: titleOf(entry.id), row: entry.row };
  const badge = {
    showKey: entry.showKey,
    siteId: entry.siteId,
    siteIdMatches: entry.siteId === entry.id,
    ...(entry.badges > 1 ? { duplicateBadges: true } : {}),
  };
  if (entry.visibleAtArm) return { ...base, outcome: 'in view at start' };
  if (entry.visibleAt === null) return { ...base, outcome: 'never visible' };
  if (entry.badgeInsertedAt === null) return { ...base, outcome: 'no badge' };
  if (entry.badgeShownAt === null) return { ...base, outcome: 'badge never showed', ...badge };
  const latency = entry.badgeShownAt - entry.visibleAt;
  const inserted = entry.badgeInsertedAt - entry.visibleAt;
  return latency <= 0
    ? { ...base, outcome: 'badge before visible', latencyMs: 0, insertedMs: round(Math.max(0, inserted)), ...badge }
    : { ...base, outcome: 'badged', latencyMs: round(latency), insertedMs: round(Math.max(0, inserted)), ...badge };
}
