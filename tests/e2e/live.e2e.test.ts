/**
 * Issue #3 end to end: a title outside the curated pack gets its real story from the live sources
 * (played by the fake internet from tests/fixtures/api/), a failing source is named and retried,
 * the same title opens from the cache with the sources unreachable, and the off switch sends
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { type FakeInternet } from '../harness/fake-internet';
import { e2eBrowserKinds, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { NIGHT_FERRY, netflixUrl, PAPER_HARBOR } from '../fixtures/site/catalog';
import { attribute, DETAIL_MODAL, openPopupFor, panelPart, tabIdOf, textOf, waitForPanel, useBrowser } from './support';

const API_HOSTS = /^(www\.wikidata\.org|[a-z-]+\.wikipedia\.org|api\.tvmaze\.com)$/;

describe.each(e2eBrowserKinds())('live lookups in %s', (kind) => {
  let internet: FakeInternet;
  let launched: LaunchedBrowser;
  let page: Page;
  const apiRequests = () => internet.requests.filter((request) => API_HOSTS.test(request.host));
  useBrowser(kind, (session) => ({ internet, launched, page } = session));

  it('names the source that failed and tries again when asked', async () => {
    const outage = internet.addRoute({ host: 'www.wikidata.org', path: /.*/, handler: () => ({ status: 503, json: { error: 'maintenance' } }) });
    await page.goto(netflixUrl.modal(PAPER_HARBOR.id), { waitUntil: 'load' });
    const problem = await waitForDeep(page, panelPart('[data-backstory="panel"][data-state="error"]'), { timeout: 30_000, visible: true });
    expect(await problem.evaluate((panel) => panel.textContent)).toContain("Couldn't reach Wikidata");
    outage();
    await (await waitForDeep(page, panelPart('[data-action="retry"]'), { visible: true })).click();
    const panel = await waitForPanel(page, 30_000);
    expect(await attribute(panel, 'data-show-key')).toBe('wd:Q990000001');
  });

  it('tells the story of a title outside the pack, from Wikidata, Wikipedia and the reviews they cite', async () => {
    const source = await textOf(page, panelPart('[data-section="source"]'));
    expect(source).toContain('The Harbor That Moved');
    expect(source).toContain('Mara Quill');
    const events = await textOf(page, panelPart('[data-section="events"]'));
    expect(events).toContain('Saltmarsh Pier collapse');
    expect(events).toContain('14–15 March 1961');
    const reviews = await textOf(page, panelPart('[data-section="reviews"]'));
    expect(reviews).toContain('91%');
    expect(await page.$$eval(panelPart('[data-section="reviews"] blockquote'), (quotes) => quotes.length)).toBe(3);
    expect(await textOf(page, panelPart('[data-section="sources"]'))).toContain('CC BY-SA 4.0');

    const wikimedia = apiRequests().filter((request) => request.host !== 'api.tvmaze.com');
    expect(wikimedia.length).toBeGreaterThan(0);
    for (const request of wikimedia) expect(request.headers['api-user-agent'], request.path).toMatch(/^Backstory\//);
  });

  it('opens the same title again from the cache while the sources are unreachable', async () => {
    // Badge lookups queued by the earlier pages (and their retries) finish first: only what this visit asks counts.
    await internet.waitForQuiet((request) => API_HOSTS.test(request.host), 2_000);
    const outage = internet.addRoute({ host: API_HOSTS, path: /.*/, handler: () => ({ status: 503, json: {} }) });
    internet.clearRequests();
    await page.goto(netflixUrl.modal(PAPER_HARBOR.id), { waitUntil: 'load' });
    expect(await attribute(await waitForPanel(page), 'data-show-key')).toBe('wd:Q990000001');
    // Other cards on the page may still be asked about (their badges); this title, its card included, is not.
    const aboutThisTitle = apiRequests().filter((request) => /80990055|Q990000001|Paper|Harbor/i.test(decodeURIComponent(request.path)));
    expect(aboutThisTitle.map((request) => request.path)).toEqual([]);
    outage();
  });

  it('with live lookups switched off, asks the sources nothing', async () => {
    const netflixTab = await tabIdOf(launched, 'https://www.netflix.com/*');
    const popup = await openPopupFor(launched, netflixTab);
    const liveSwitch = await popup.waitForSelector('[data-setting="live-lookups"]:not([disabled])');
    expect(await liveSwitch!.evaluate((box) => (box as HTMLInputElement).checked)).toBe(true);
    await liveSwitch!.click();
    await popup.waitForFunction(() => !(document.querySelector('[data-setting="live-lookups"]') as HTMLInputElement).checked, { polling: 100 });
    await popup.close();

    // A lookup already running when the switch was turned off (the earlier page's badges) may finish its retries.
    await internet.waitForQuiet((request) => API_HOSTS.test(request.host), 2_000);
    internet.clearRequests();
    await page.goto(netflixUrl.modal(NIGHT_FERRY.id), { waitUntil: 'load' });
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    const after = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await after.waitForFunction(() => document.querySelector('[data-section="current"]')?.textContent?.includes('No real story on file'), { timeout: 10_000, polling: 100 });
    await after.close();
    expect(apiRequests().map((r) => r.path)).toEqual([]);
    expect(await page.$('backstory-panel')).toBeNull();
  });
});
