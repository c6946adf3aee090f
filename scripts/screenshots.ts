/**
 * `npx tsx scripts/screenshots.ts`: the README's pictures, taken from the built Chrome extension on
 * the fake netflix.com (run `npm run build` first): the panel in the detail modal, the badges on
 * the browse rows with a teaser showing, the popup after saving Somos. (with a status and a note),
 * and the options page.
 */
import path from 'node:path';
import { launchBrowser, REPO_ROOT, waitForDeep } from '../tests/harness/browsers';
import { apiFixtureRoutes } from '../tests/harness/api-fixtures';
import { startFakeInternet } from '../tests/harness/fake-internet';
import { netflixUrl, PAPER_HARBOR, SOMOS } from '../tests/fixtures/site/catalog';

const DOCS = path.join(REPO_ROOT, 'docs');
const PANEL = 'backstory-panel >>> [data-backstory="panel"][data-show-key]';

const internet = await startFakeInternet({ routes: apiFixtureRoutes() });
const launched = await launchBrowser('chromium', { fakeInternetPort: internet.port, viewport: { width: 1280, height: 900 } });
try {
  const page = await launched.newPage();
  await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
  await (await page.waitForSelector(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`, { visible: true }))!.click();
  const panel = await waitForDeep(page, PANEL, { visible: true });
  // Show the bottom of Netflix's own metadata above the panel, so the picture says where it sits.
  await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => document.querySelector('.previewModal--wrapper')?.scrollBy(0, -260));
  await new Promise((resolve) => setTimeout(resolve, 300));
  await page.screenshot({ path: path.join(DOCS, 'screenshot-panel.png') });

  // The browse rows: Somos.'s card now badged (its ID was just learned), Paper Harbor's from the
  // (fake) live sources; the pointer on Somos.'s badge shows its teaser.
  const rows = await launched.newPage();
  await rows.goto(netflixUrl.browse(), { waitUntil: 'load' });
  const somosBadge = `[data-virtual-slot]:has(a[href*="jbv=${SOMOS.id}"]) backstory-badge >>> button`;
  await waitForDeep(rows, somosBadge, { visible: true });
  await waitForDeep(rows, `[data-virtual-slot]:has(a[href*="jbv=${PAPER_HARBOR.id}"]) backstory-badge >>> button`, { visible: true, timeout: 30_000 });
  const row = await rows.$('section.carousel-row');
  await row!.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await rows.hover(somosBadge);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await row!.screenshot({ path: path.join(DOCS, 'screenshot-badges.png') });
  await rows.close();
  await page.bringToFront();

  await (await waitForDeep(page, 'backstory-panel >>> [data-action="watchlist"]', { visible: true })).click();
  await (await waitForDeep(page, 'backstory-panel >>> [data-action="open-watchlist"]', { visible: true })).click();
  const popup = await launched.findExtensionPage('popup.html?tabId=');
  await popup.setViewport({ width: 400, height: 560 });
  await popup.waitForSelector('[data-watchlist-item]');
  await popup.waitForSelector('[data-section="current"] [data-show-key]');
  await popup.select('[data-watchlist-item] select[data-field="status"]', 'watching');
  await popup.type('[data-watchlist-item] [data-field="note"]', 'Episode 3 next; read the ProPublica piece first.');
  await popup.focus('[data-field="title-search"]');
  await popup.waitForFunction(() => document.querySelector('[data-watchlist-item] [data-field="status-date"]')?.textContent?.includes('since'), { polling: 100 });
  await popup.screenshot({ path: path.join(DOCS, 'screenshot-popup.png'), fullPage: true });

  const options = await launched.openExtensionPage('/options.html');
  await options.setViewport({ width: 900, height: 900 });
  await options.waitForSelector('[data-count="watchlist"]');
  await options.screenshot({ path: path.join(DOCS, 'screenshot-options.png'), fullPage: true });
  console.log(`[screenshots] written to ${DOCS}`);
} finally {
  await launched.close();
  await internet.stop();
}
