/**
 * `npm run demo`: build the Chromium extension, open the fake netflix.com (no network needed), click
 * Somos., wait for the Backstory panel, save a screenshot to artifacts/demo-panel.png and print what
 * the panel shows. With $DISPLAY set, Chromium is visible and stays open until Ctrl+C.
 * Exit code 0 when the panel appeared, 1 otherwise (then artifacts/demo-failure.png shows why).
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startFakeInternet, type FakeInternet } from '../tests/harness/fake-internet';
import { launchBrowser, REPO_ROOT, waitForDeep, type LaunchedBrowser } from '../tests/harness/browsers';
import { netflixUrl, SOMOS } from '../tests/fixtures/site/catalog';

const PANEL = 'backstory-panel >>> [data-backstory="panel"][data-show-key]';
const MODAL = '[role="dialog"][data-uia="modal-motion-container-DETAIL_MODAL"]';
const PANEL_TIMEOUT_MS = 15_000;
const ARTIFACTS = path.join(REPO_ROOT, 'artifacts');

function log(message: string): void {
  console.log(`[demo] ${message}`);
}

function build(): boolean {
  log('building the Chromium extension: npx wxt build');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status === 0;
}

async function describePanel(page: Page): Promise<{ showKey: string | null; title: string; sections: string[] }> {
  return page.$eval(PANEL, (panel) => ({
    showKey: panel.getAttribute('data-show-key'),
    title: (panel.querySelector('[data-field="title"], h1, h2, h3')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    sections: [...panel.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section') ?? ''),
  }));
}

async function whatIsOnThePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('backstory-panel').length;
    const badges = document.querySelectorAll('backstory-badge').length;
    const modal = document.querySelector('[data-uia="modal-motion-container-DETAIL_MODAL"]') !== null;
    return `url ${location.href}; detail modal ${modal ? 'open' : 'absent'}; backstory-panel hosts: ${hosts}; backstory-badge hosts: ${badges}`;
  });
}

async function run(internet: FakeInternet, launched: LaunchedBrowser): Promise<number> {
  const page = await launched.newPage();
  log(`opening ${netflixUrl.browse()} (served by the fake internet on 127.0.0.1:${internet.port})`);
  await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
  const card = `a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`;
  await page.waitForSelector(card, { visible: true, timeout: 10_000 });
  log(`clicking the "${SOMOS.title}" card`);
  await page.click(card);
  await page.waitForSelector(MODAL, { visible: true, timeout: 10_000 });
  log(`detail modal open at ${page.url()}; waiting up to ${PANEL_TIMEOUT_MS / 1000} s for the Backstory panel`);

  await mkdir(ARTIFACTS, { recursive: true });
  try {
    // Not page.waitForSelector: its default polling misses changes inside shadow roots (see shadow.ts).
    await waitForDeep(page, PANEL, { timeout: PANEL_TIMEOUT_MS });
  } catch {
    const shot = path.join(ARTIFACTS, 'demo-failure.png');
    await page.screenshot({ path: shot });
    console.error(`[demo] FAILED: no Backstory panel (${PANEL}) appeared within ${PANEL_TIMEOUT_MS / 1000} s.`);
    console.error(`[demo] on the page: ${await whatIsOnThePage(page)}`);
    console.error(`[demo] screenshot of the page as it was: ${shot}`);
    return 1;
  }

  await page.$eval(PANEL, (panel) => panel.scrollIntoView({ block: 'start', inline: 'nearest' }));
  await new Promise((resolve) => setTimeout(resolve, 400)); // let layout and images settle
  const info = await describePanel(page);
  const shot = path.join(ARTIFACTS, 'demo-panel.png');
  await page.screenshot({ path: shot });
  log(`panel found. screenshot: ${shot}`);
  log(`  data-show-key: ${info.showKey ?? '(none)'}`);
  log(`  title shown:   ${info.title || '(no heading found)'}`);
  log(`  sections:      ${info.sections.length ? info.sections.join(', ') : '(none)'}`);
  return 0;
}

async function main(): Promise<number> {
  if (!build()) {
    console.error('[demo] FAILED: the build did not succeed (see the output above).');
    return 1;
  }
  let headful = Boolean(process.env.DISPLAY);
  const internet = await startFakeInternet();
  let launched: LaunchedBrowser | undefined;
  try {
    try {
      launched = await launchBrowser('chromium', { fakeInternetPort: internet.port, headless: !headful });
    } catch (err) {
      if (!headful) throw err;
      const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      log(`could not open a Chromium window on DISPLAY=${process.env.DISPLAY} (${reason}); running headless`);
      headful = false;
      launched = await launchBrowser('chromium', { fakeInternetPort: internet.port, headless: true });
    }
    log(`Chromium ${headful ? 'window (DISPLAY is set)' : 'headless'} with the extension ${launched.extensionOrigin}`);
    const code = await run(internet, launched);
    if (headful) {
      log('the browser stays open: press Ctrl+C to quit');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        launched?.browser.once('disconnected', () => resolve());
      });
    }
    return code;
  } finally {
    await launched?.close().catch(() => {});
    await internet.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('[demo] FAILED:', err instanceof Error ? err.stack ?? err.message : err);
    process.exit(1);
  },
);
