/**
 * A title outside the curated pack, looked up live: Paper Harbor (Netflix ID 80990055), whose story
 * (show key wd:Q990000001) the fake internet's API fixtures give it (tests/harness/api-fixtures.ts).
 * In one browser, per run:
 * - cold: a freshly launched browser (launchBrowser makes a new temporary profile each time, so no
 *   cached lookup and an empty HTTP cache), a new tab on /browse, a real click on the Paper Harbor
 *   card. Modal open → panel with a story visible, on the page's clock. This includes the lookup
 *   on the (fake) network, the panel script's injection and React starting.
 * - cached: in the same browser, a new tab on /browse (a fresh page load: the panel script is not
 *   in the page), the same click. The lookup's answer now comes from IndexedDB.
 * The fake internet's request log is cleared right before each click; the requests the click made
 * to the three API hosts are counted once the panel shows.
 */
import type { Page } from 'puppeteer-core';
import { apiFixtureRoutes } from '../../tests/harness/api-fixtures';
import { launchBrowser, type BrowserKind, type LaunchedBrowser } from '../../tests/harness/browsers';
import type { FakeInternet, RecordedRequest, Route } from '../../tests/harness/fake-internet';
import { PAPER_HARBOR } from '../../tests/fixtures/site/catalog';
import { failureScreenshot, openBrowsePage, standardCard, timeCardClick, waitForContentScript } from './browse-page';

/** Added to every answer from the three API hosts (netflix.com pages get none). */
export const LIVE_API_LATENCY_MS = 150;
/** A cold lookup is many serial requests; the e2e tests allow 30 s as well. */
export const LIVE_TIMEOUT_MS = 30_000;
/** After the panel shows, how long to keep watching for API requests that answer late. */
const SETTLE_MS = 500;

export const LIVE_TITLE = { title: PAPER_HARBOR.title, netflixId: PAPER_HARBOR.id, showKey: 'wd:Q990000001' } as const;

const CARD = standardCard(LIVE_TITLE.netflixId);

/** www.wikidata.org, <lang>.wikipedia.org, api.tvmaze.com: what apiFixtureRoutes() answers for. */
export const API_HOST = /^(?:www\.wikidata\.org|[a-z][a-z0-9-]*\.wikipedia\.org|api\.tvmaze\.com)$/;
/** The fake netflix.com: its pages and its image CDN (the card and modal artwork). */
const SITE_HOST = /(?:^|\.)(?:netflix\.com|nflxso\.net)$/;

/** The fixture routes, each answering after LIVE_API_LATENCY_MS (or `latencyMs`). */
export function liveApiRoutes(latencyMs = LIVE_API_LATENCY_MS): Route[] {
  return apiFixtureRoutes().map((route) => ({ ...route, latencyMs }));
}

export interface RequestCount {
  /** Requests to the API hosts. */
  total: number;
  /** The same, per host name (e.g. "en.wikipedia.org"). */
  byHost: Record<string, number>;
  /** Per HTTP status, e.g. { "200": 9 }: a 404 or 5xx here is a lookup asking for something the fixtures do not have. */
  byStatus: Record<string, number>;
  /** Every API request, in the order answered: "+<ms after the log was cleared> GET host/path → status". */
  requests: string[];
  /**
   * Requests to hosts that are neither the fake Netflix (netflix.com, nflxso.net) nor the API hosts:
   * the browser's own traffic, e.g. Chromium asking accounts.google.com on a new profile.
   */
  otherHosts: Record<string, number>;
}

export interface LiveMeasurement {
  /** Modal open → panel with a story visible, page clock, milliseconds. */
  ms: number;
  /** The panel's data-show-key when it became visible. */
  showKey: string;
  /** API requests from the click until the panel showed. */
  requests: RequestCount;
  /** API requests answered in the SETTLE_MS after that (not in `requests`; expected 0). */
  lateRequests: string[];
  /** Whether the always-on content script was seen starting before the click. */
  contentScriptSeenBeforeClick: boolean;
}

export interface LiveRun {
  run: number;
  cold: LiveMeasurement;
  cached: LiveMeasurement;
}

export interface LiveTimings {
  kind: BrowserKind;
  version: string;
  runs: LiveRun[];
  /** Wall-clock time for all runs of this browser (launches included), milliseconds. */
  wallMs?: number;
}

/** A live run that did not show the story (or could not be driven): the benchmark stops with this message. */
export class LiveRunFailed extends Error {
  constructor(
    message: string,
    readonly partial: LiveTimings,
  ) {
    super(message);
  }
}

export async function measureLiveLookups(
  kind: BrowserKind,
  internet: FakeInternet,
  runCount: number,
  log: (line: string) => void,
): Promise<LiveTimings> {
  const timings: LiveTimings = { kind, version: '', runs: [] };
  const started = Date.now();
  for (let run = 1; run <= runCount; run++) {
    // A new browser, hence a new empty profile, per run: nothing cached from the run before.
    const launched = await launchBrowser(kind, { fakeInternetPort: internet.port });
    try {
      if (!timings.version) {
        timings.version = await launched.browser.version();
        log(`${kind} live: ${timings.version}, ${runCount} runs, a new browser and profile per run`);
      }
      const cold = await measureOnce(launched, internet, `${kind} live cold run ${run}`, timings);
      const cached = await measureOnce(launched, internet, `${kind} live cached run ${run}`, timings);
      timings.runs.push({ run, cold, cached });
      log(`${kind} live run ${run}/${runCount}: cold ${cold.ms.toFixed(1)} ms (${describeCount(cold.requests)}), cached ${cached.ms.toFixed(1)} ms (${describeCount(cached.requests)})${notes(cold, cached)}`);
    } finally {
      await launched.close();
    }
  }
  timings.wallMs = Date.now() - started;
  return timings;
}

/** A new tab on /browse, the request log cleared, the card clicked; the page is closed again. */
async function measureOnce(launched: LaunchedBrowser, internet: FakeInternet, label: string, partial: LiveTimings): Promise<LiveMeasurement> {
  const page = await openBrowsePage(launched, CARD);
  try {
    const contentScriptSeenBeforeClick = await waitForContentScript(page);
    let clearedAt = 0;
    const result = await timeCardClick(page, CARD, LIVE_TIMEOUT_MS, () => {
      internet.clearRequests();
      clearedAt = Date.now();
    });
    const answered = [...internet.requests];
    if (!result.ok) throw await failure(page, `${label}: ${result.reason}; API requests: ${describeCount(countRequests(answered, clearedAt))}`, partial);
    if (result.showKey !== LIVE_TITLE.showKey) {
      throw await failure(page, `${label}: the panel shows "${result.showKey}", not ${LIVE_TITLE.title}'s ${LIVE_TITLE.showKey}`, partial);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const late = internet.requests.slice(answered.length).filter((r) => API_HOST.test(r.host));
    return {
      ms: result.ms,
      showKey: result.showKey,
      requests: countRequests(answered, clearedAt),
      lateRequests: late.map((r) => describeRequest(r, clearedAt)),
      contentScriptSeenBeforeClick,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** `since`: when the log was cleared (Date.now()), for each request's arrival offset. */
export function countRequests(requests: readonly RecordedRequest[], since: number): RequestCount {
  const count: RequestCount = { total: 0, byHost: {}, byStatus: {}, requests: [], otherHosts: {} };
  for (const request of requests) {
    if (API_HOST.test(request.host)) {
      count.total++;
      count.byHost[request.host] = (count.byHost[request.host] ?? 0) + 1;
      count.byStatus[String(request.status)] = (count.byStatus[String(request.status)] ?? 0) + 1;
      count.requests.push(describeRequest(request, since));
    } else if (!SITE_HOST.test(request.host)) {
      count.otherHosts[request.host] = (count.otherHosts[request.host] ?? 0) + 1;
    }
  }
  return count;
}

/** "+412 ms GET host/path → 200": the offset is the request's arrival after `since` (Node's clock). */
function describeRequest(request: RecordedRequest, since: number): string {
  return `+${request.at - since} ms ${request.method} ${request.host}${request.path} → ${request.status}`;
}

function describeCount(count: RequestCount): string {
  const hosts = Object.entries(count.byHost).map(([host, n]) => `${host} ${n}`);
  return `${count.total} API request${count.total === 1 ? '' : 's'}${hosts.length > 0 ? `: ${hosts.join(', ')}` : ''}`;
}

/** Anything unexpected in a run, for the log line. */
function notes(cold: LiveMeasurement, cached: LiveMeasurement): string {
  const found: string[] = [];
  for (const [name, m] of [['cold', cold], ['cached', cached]] as const) {
    const failed = Object.entries(m.requests.byStatus).filter(([status]) => !status.startsWith('2'));
    if (failed.length > 0) found.push(`${name}: HTTP ${failed.map(([status, n]) => `${status} ×${n}`).join(', ')}`);
    if (m.lateRequests.length > 0) found.push(`${name}: ${m.lateRequests.length} API request(s) answered after the panel showed`);
    if (!m.contentScriptSeenBeforeClick) found.push(`${name}: content script start not seen`);
  }
  return found.length > 0 ? ` [${found.join('; ')}]` : '';
}

async function failure(page: Page, message: string, partial: LiveTimings): Promise<LiveRunFailed> {
  return new LiveRunFailed(`${message}${await failureScreenshot(page, partial.kind, 'live')}`, partial);
}
