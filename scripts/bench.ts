/**
 * `npm run bench`: how big Backstory's bundles are, and how long the panel takes to appear.
 *
 * 1. Builds both browsers (skip with --no-build) and reports each bundle's size, raw and gzip -9.
 * 2. In real Chromium and Firefox ESR (tests/harness) against the fake netflix.com, times the
 *    Netflix detail modal opening → the Backstory panel visible, cold (fresh tab: the panel script
 *    is injected and React starts) and warm (same tab, modal closed and opened again).
 * 3. Live lookup: a title outside the pack (Paper Harbor), its story from the fake Wikidata,
 *    Wikipedia and TVmaze (tests/harness/api-fixtures.ts) answering LIVE_API_LATENCY_MS late per
 *    request. Cold (a new browser and empty profile per run) and cached (same browser, a fresh
 *    page load: the answer comes from IndexedDB), with the API requests each made, per host.
 * 4. Prints tables and writes every raw number to artifacts/bench-panel.json.
 * 5. Browse page (issue #4, scripts/bench/browse/): a synthetic /browse with 2,000 cards in 40 rows
 *    plus bursts of 200 cards, in Chromium traced over CDP next to a baseline browser without
 *    Backstory (extension main-thread time, long tasks, added heap), in both browsers the badge
 *    latency and modal → panel painted for a cached title, next to modal → modal painted in a
 *    baseline browser; a budget table, and artifacts/bench-browse.json.
 *
 * Options: --no-build, --runs=N (default 10), --browsers=chromium,firefox (default both),
 * --live-runs=N (default: --runs when given, else DEFAULT_LIVE_RUNS),
 * --only=panel,live,browse,popup (default all; bundle sizes are always measured),
 * --browse-runs=N (default: --runs when given, else DEFAULT_BROWSE_RUNS),
 * --browse-bursts=N (bursts of 200 cards per traced run, default DEFAULT_BROWSE_BURSTS).
 * Exits non-zero if a build fails or any run does not show the panel within 15 s (30 s live), or
 * a browse-page run cannot be driven. A browse budget that does not hold is reported, not an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSER_KINDS, REPO_ROOT, type BrowserKind } from '../tests/harness/browsers';
import { startFakeInternet, type FakeInternet } from '../tests/harness/fake-internet';
import { measureBuild, type BuildSizes } from './bench/bundle-sizes';
import {
  API_HOST,
  LIVE_API_LATENCY_MS,
  LIVE_TIMEOUT_MS,
  LIVE_TITLE,
  liveApiRoutes,
  LiveRunFailed,
  measureLiveLookups,
  type LiveMeasurement,
  type LiveTimings,
} from './bench/live-timing';
import { BenchRunFailed, measureBrowser, PANEL_TIMEOUT_MS, type BrowserTimings } from './bench/panel-timing';
import {
  bundleSizeTable,
  liveRequestTable,
  liveTimingTable,
  panelTimingTable,
  type BrowserSummary,
  type LiveBrowserSummary,
  type LiveRequestSummary,
} from './bench/report';
import { summarize } from './bench/stats';
import { BrowseRunFailed, measureBrowsePage, type BrowseBrowserResult } from './bench/browse/browse-bench';
import { budgetLines, budgetTable, summarizeBrowse, BUDGET } from './bench/browse/browse-report';
import { BURST_SETTLE_MS, INITIAL_SETTLE_MS, PROFILER_INTERVAL_US, TRACE_CATEGORIES } from './bench/browse/main-thread';
import { BURST_CARDS, MAX_BURSTS, STORY_CARDS, SYNTHETIC_CARDS, SYNTHETIC_ROWS, SYNTHETIC_URL } from './bench/browse/synthetic-page';
import { GRAZE_MS, LONG_TASK_MS } from './bench/browse/trace-analysis';
import { popupPart } from './bench/popup/popup-part';

const RESULTS_FILE = path.join(REPO_ROOT, 'artifacts', 'bench-panel.json');
const BROWSE_RESULTS_FILE = path.join(REPO_ROOT, 'artifacts', 'bench-browse.json');
const DEFAULT_RUNS = 10;
/**
 * Live runs when neither --live-runs nor --runs is given. Each live run launches a browser (a new
 * profile) and waits for a lookup on the slowed-down fake network: on the 2-CPU bench machine
 * about 7 s per run in Chromium and 10.5 s in Firefox (its launch alone is ~4.5 s). The whole
 * `npm run bench` (builds ~5 s, panel timings ~50 s) took ~2 min 20 s with 5 live runs per
 * browser; 10 would make it ~3 min 50 s.
 */
const DEFAULT_LIVE_RUNS = 5;
const DEFAULT_LIVE_RUNS_WHY = `${DEFAULT_LIVE_RUNS}, the default: ${DEFAULT_RUNS} would take the whole bench past ~3 minutes`;

/**
 * Browse-page runs when neither --browse-runs nor --runs is given. Per run, Chromium traces the page
 * twice (with Backstory and baseline, ~6–7 s each on the 2-CPU bench machine) and runs the badge and
 * modal checks (~5 s); Firefox runs the badge and modal checks (~8 s); plus launches and warm-ups.
 * With 5 runs the part took 3 min (Chromium 113 s, Firefox 68 s) while two other test suites
 * loaded the machine (load average ~9); the panel and live parts took 5 min then, 2 min 20 s idle.
 */
const DEFAULT_BROWSE_RUNS = 5;
const DEFAULT_BROWSE_RUNS_WHY = `${DEFAULT_BROWSE_RUNS}, the default: more would take the whole bench past ~6 minutes`;
const DEFAULT_BROWSE_BURSTS = 5;

const PARTS = ['panel', 'live', 'browse', 'popup'] as const;
type Part = (typeof PARTS)[number];

interface Options {
  build: boolean;
  runs: number;
  browsers: BrowserKind[];
  liveRuns: number;
  /** Where liveRuns came from, for the output. */
  liveRunsFrom: string;
  /** What to measure besides the bundle sizes. */
  parts: Set<Part>;
  browseRuns: number;
  browseRunsFrom: string;
  browseBursts: number;
}

interface Results {
  panel: BrowserTimings[];
  live: LiveTimings[];
  /** API requests seen during the panel timings (Somos. is in the pack: expected 0). */
  apiRequestsDuringPanel?: number;
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'no-build': { type: 'boolean', default: false },
      runs: { type: 'string' },
      'live-runs': { type: 'string' },
      browsers: { type: 'string', default: BROWSER_KINDS.join(',') },
      only: { type: 'string', default: PARTS.join(',') },
      'browse-runs': { type: 'string' },
      'browse-bursts': { type: 'string' },
    },
    strict: true,
  });
  const wholeNumber = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got "${value}")`);
    return n;
  };
  const runs = values.runs === undefined ? DEFAULT_RUNS : wholeNumber('runs', values.runs);
  const [liveRuns, liveRunsFrom] =
    values['live-runs'] !== undefined
      ? [wholeNumber('live-runs', values['live-runs']), '--live-runs']
      : values.runs !== undefined
        ? [runs, '--runs']
        : [DEFAULT_LIVE_RUNS, DEFAULT_LIVE_RUNS_WHY];
  const browsers = values.browsers.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const b of browsers) {
    if (!BROWSER_KINDS.includes(b as BrowserKind)) throw new Error(`--browsers: unknown browser "${b}" (use ${BROWSER_KINDS.join(', ')})`);
  }
  if (browsers.length === 0) throw new Error('--browsers: name at least one browser');
  const parts = values.only.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const p of parts) {
    if (!PARTS.includes(p as Part)) throw new Error(`--only: unknown part "${p}" (use ${PARTS.join(', ')})`);
  }
  if (parts.length === 0) throw new Error('--only: name at least one part');
  const [browseRuns, browseRunsFrom] =
    values['browse-runs'] !== undefined
      ? [wholeNumber('browse-runs', values['browse-runs']), '--browse-runs']
      : values.runs !== undefined
        ? [runs, '--runs']
        : [DEFAULT_BROWSE_RUNS, DEFAULT_BROWSE_RUNS_WHY];
  const browseBursts = values['browse-bursts'] === undefined ? DEFAULT_BROWSE_BURSTS : wholeNumber('browse-bursts', values['browse-bursts']);
  if (browseBursts > MAX_BURSTS) throw new Error(`--browse-bursts: at most ${MAX_BURSTS} (the synthetic page has data for that many)`);
  return {
    build: !values['no-build'],
    runs,
    browsers: [...new Set(browsers)] as BrowserKind[],
    liveRuns,
    liveRunsFrom,
    parts: new Set(parts as Part[]),
    browseRuns,
    browseRunsFrom,
    browseBursts,
  };
}

/** Both builds, always: the size table compares them even when only one browser is timed. */
function buildAll(): void {
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    log(`npx ${args.join(' ')}`);
    const result = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/**
 * The panel timings (one browser launch per browser kind), then the live lookups (one launch per
 * run), each when asked for (--only).
 */
async function timeAllBrowsers(options: Options, internet: FakeInternet, done: Results): Promise<void> {
  if (options.parts.has('panel')) {
    for (const kind of options.browsers) done.panel.push(await measureBrowser(kind, internet, options.runs, log));
    done.apiRequestsDuringPanel = internet.requests.filter((r) => API_HOST.test(r.host)).length;
    if (done.apiRequestsDuringPanel > 0) log(`note: ${done.apiRequestsDuringPanel} API requests during the panel timings (Somos. is in the pack; expected none)`);
  }
  if (options.parts.has('live')) {
    log(
      `live lookup of ${LIVE_TITLE.title} (${LIVE_TITLE.netflixId}, not in the pack): API hosts answer ${LIVE_API_LATENCY_MS} ms late per request ` +
        `(LIVE_API_LATENCY_MS), netflix.com without added latency; ${options.liveRuns} runs per browser (${options.liveRunsFrom})`,
    );
    for (const kind of options.browsers) {
      const live = await measureLiveLookups(kind, internet, options.liveRuns, log);
      done.live.push(live);
      log(`${kind} live: ${((live.wallMs ?? 0) / 1000).toFixed(1)} s for ${live.runs.length} runs`);
    }
  }
}

function summarizeBrowser(timings: BrowserTimings): BrowserSummary {
  return {
    kind: timings.kind,
    version: timings.version,
    cold: summarize(timings.runs.map((r) => r.coldMs)),
    warm: summarize(timings.runs.map((r) => r.warmMs)),
    warmModalPaint: summarize(timings.runs.map((r) => r.warmModalPaintMs)),
  };
}

/** Wikidata, then the Wikipedias asked, then TVmaze: all three named even when a lookup asked one nothing. */
function apiHostsOf(measurements: readonly LiveMeasurement[]): string[] {
  const seen = new Set(measurements.flatMap((m) => Object.keys(m.requests.byHost)));
  const wikipedias = [...seen].filter((host) => host.endsWith('.wikipedia.org')).sort();
  return ['www.wikidata.org', ...(wikipedias.length > 0 ? wikipedias : ['*.wikipedia.org']), 'api.tvmaze.com'];
}

function summarizeRequests(measurements: readonly LiveMeasurement[], hosts: readonly string[]): LiveRequestSummary {
  return {
    total: summarize(measurements.map((m) => m.requests.total)),
    byHost: Object.fromEntries(hosts.map((host) => [host, summarize(measurements.map((m) => m.requests.byHost[host] ?? 0))])),
  };
}

function summarizeLive(timings: LiveTimings): LiveBrowserSummary {
  const cold = timings.runs.map((r) => r.cold);
  const cached = timings.runs.map((r) => r.cached);
  const hosts = apiHostsOf([...cold, ...cached]);
  return {
    kind: timings.kind,
    version: timings.version,
    coldMs: summarize(cold.map((m) => m.ms)),
    cachedMs: summarize(cached.map((m) => m.ms)),
    requestsPerTitle: { cold: summarizeRequests(cold, hosts), cached: summarizeRequests(cached, hosts) },
  };
}

function liveResults(options: Options, results: Results): object {
  return {
    title: LIVE_TITLE,
    addedLatencyMs: LIVE_API_LATENCY_MS,
    addedLatencyApplies: 'to every answer from www.wikidata.org, <lang>.wikipedia.org and api.tvmaze.com (the API fixture routes); netflix.com pages get none',
    runsPerBrowser: options.liveRuns,
    runsFrom: options.liveRunsFrom,
    timeoutMs: LIVE_TIMEOUT_MS,
    measure:
      "same stopwatch as above (modal in the DOM → panel with data-show-key has a non-zero box, page clock), on a click on the title's card in a new tab on /browse. " +
      'cold: a new browser with an empty profile per run; cached: then, in the same browser, a new tab and the same click (the answer is in IndexedDB). ' +
      "Requests: the fake internet's log, cleared right before the click, read when the panel shows; API hosts only.",
    apiRequestsDuringPanelTimings: results.apiRequestsDuringPanel,
    browsers: results.live.map((t) => {
      if (t.runs.length === 0) return t;
      const { coldMs, cachedMs, requestsPerTitle } = summarizeLive(t);
      return { ...t, summary: { coldMs, cachedMs, requestsPerTitle } };
    }),
  };
}

async function writeResults(options: Options, sizes: BuildSizes[], results: Results, failure?: string): Promise<void> {
  const timings = results.panel;
  const cpus = os.cpus();
  const output = {
    date: new Date().toISOString(),
    machine: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      totalMemBytes: os.totalmem(),
      node: process.version,
    },
    runsPerBrowser: options.runs,
    built: options.build,
    measure:
      "the page's performance.now(): detail modal in the DOM (MutationObserver) → panel with a story ([data-show-key]) in the shadow root has a non-zero box " +
      '(observer + requestAnimationFrame); rounded to 0.1 ms (Chromium coarsens the clock to 0.1 ms, Firefox to 1 ms)',
    panelTimeoutMs: PANEL_TIMEOUT_MS,
    bundleSizes: sizes,
    browsers: timings.map((t) => {
      if (t.runs.length === 0) return t; // failed on its first run: nothing to summarize
      const { cold, warm } = summarizeBrowser(t);
      return { ...t, summaryMs: { cold, warm } };
    }),
    liveLookup: liveResults(options, results),
    ...(failure === undefined ? {} : { failure }),
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  log(`raw numbers and summaries: ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) buildAll();

  const sizes = BROWSER_KINDS.map(measureBuild);
  console.log(`\nBundle sizes (1 KiB = 1024 bytes; each file gzipped on its own)\n${bundleSizeTable(sizes)}\n`);

  // One fake internet for all browsers: the fake netflix.com without added latency, the API hosts
  // from the fixtures LIVE_API_LATENCY_MS late (live lookups are on by default).
  const internet = await startFakeInternet({ routes: liveApiRoutes(LIVE_API_LATENCY_MS) });
  try {
    if (options.parts.has('panel') || options.parts.has('live')) {
      const code = await panelAndLive(options, sizes, internet);
      if (code !== 0) return code;
    }
    if (options.parts.has('browse')) {
      const code = await browsePart(options, sizes, internet);
      if (code !== 0) return code;
    }
    // 6. The popup's open time with 5,000 watchlist entries (issue #5, scripts/bench/popup/).
    if (options.parts.has('popup')) return await popupPart(options, internet, log);
    return 0;
  } finally {
    await internet.stop();
  }
}

async function panelAndLive(options: Options, sizes: BuildSizes[], internet: FakeInternet): Promise<number> {
  const started = Date.now();
  const results: Results = { panel: [], live: [] };
  const timings = results.panel;
  try {
    await timeAllBrowsers(options, internet, results);
  } catch (err) {
    if (err instanceof BenchRunFailed && !results.panel.includes(err.partial)) results.panel.push(err.partial);
    if (err instanceof LiveRunFailed && !results.live.includes(err.partial)) results.live.push(err.partial);
    const message = err instanceof Error ? err.message : String(err);
    await writeResults(options, sizes, results, message);
    console.error(`\n[bench] FAILED: ${message}`);
    return 1;
  }

  const summaries = timings.map(summarizeBrowser);
  if (summaries.length > 0) console.log(`\nModal open → panel painted (page clock, ${options.runs} runs per browser; "modal itself": the site's own time to paint the modal)\n${panelTimingTable(summaries)}\n`);
  const unseen = timings.flatMap((t) => t.runs.filter((r) => !r.contentScriptSeenBeforeClick).map((r) => `${t.kind} run ${r.run}`));
  if (unseen.length > 0) log(`note: the always-on content script's start was not seen before the cold click in: ${unseen.join(', ')}`);

  const live = results.live.map(summarizeLive);
  if (live.length > 0) {
    console.log(
      `\nLive lookup of ${LIVE_TITLE.title} (not in the pack): modal open → panel with its story visible (page clock, ${options.liveRuns} runs per browser: ${options.liveRunsFrom})\n` +
        `API hosts answer ${LIVE_API_LATENCY_MS} ms late per request; cold = new browser and empty profile, cached = same browser, fresh page load\n` +
        `${liveTimingTable(live, LIVE_API_LATENCY_MS)}\n`,
    );
    console.log(`API requests per title (median; [min–max] when runs differ)\n${liveRequestTable(live)}\n`);
  }
  const liveOdd = results.live.flatMap((t) =>
    t.runs.flatMap((r) =>
      (['cold', 'cached'] as const).flatMap((which) => {
        const m = r[which];
        const odd: string[] = [];
        const failed = Object.keys(m.requests.byStatus).filter((status) => !status.startsWith('2'));
        if (failed.length > 0) odd.push(`HTTP ${failed.join(', ')}`);
        if (m.lateRequests.length > 0) odd.push(`${m.lateRequests.length} API request(s) after the panel showed`);
        return odd.length > 0 ? [`${t.kind} ${which} run ${r.run}: ${odd.join(', ')}`] : [];
      }),
    ),
  );
  if (liveOdd.length > 0) log(`note (live): ${liveOdd.join('; ')}`);
  const otherHosts = new Map<string, number>();
  for (const m of results.live.flatMap((t) => t.runs.flatMap((r) => [r.cold, r.cached]))) {
    for (const [host, n] of Object.entries(m.requests.otherHosts)) otherHosts.set(host, (otherHosts.get(host) ?? 0) + n);
  }
  if (otherHosts.size > 0) {
    const list = [...otherHosts].map(([host, n]) => `${host} ×${n}`).join(', ');
    log(`note (live): also seen while timing, neither the fake Netflix nor an API host (the browsers' own traffic): ${list}`);
  }
  await writeResults(options, sizes, results);
  log(`browser timings took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

/** The browse-page benchmark (issue #4): budget table, artifacts/bench-browse.json. */
async function browsePart(options: Options, sizes: BuildSizes[], internet: FakeInternet): Promise<number> {
  const started = Date.now();
  log(
    `browse page: ${SYNTHETIC_CARDS} cards in ${SYNTHETIC_ROWS} rows at ${SYNTHETIC_URL}, ${options.browseBursts} bursts of ${BURST_CARDS} cards per traced run, ` +
      `${options.browseRuns} runs per browser (${options.browseRunsFrom})`,
  );
  let results: BrowseBrowserResult[];
  try {
    results = await measureBrowsePage(internet, { runs: options.browseRuns, bursts: options.browseBursts, browsers: options.browsers }, log);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await writeBrowseResults(options, sizes, err instanceof BrowseRunFailed ? err.partial : [], message);
    console.error(`\n[bench] FAILED (browse page): ${message}`);
    return 1;
  }
  const summaries = summarizeBrowse(results);
  const lines = budgetLines(sizes, summaries);
  console.log(
    `\nBrowse page budget (issue #4): ${SYNTHETIC_CARDS} cards in ${SYNTHETIC_ROWS} rows + bursts of ${BURST_CARDS}; medians of ${options.browseRuns} runs; ` +
      `baseline = the same page in the same browser build without Backstory\n${budgetTable(lines)}\n`,
  );
  const notes = browseNotes(results);
  for (const note of notes) log(`note (browse): ${note}`);
  await writeBrowseResults(options, sizes, results);
  log(`browse page took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

/** What a reader of the table should know about these runs. */
function browseNotes(results: readonly BrowseBrowserResult[]): string[] {
  const notes: string[] = [];
  for (const r of results) {
    const unseen = (r.mainThread ?? []).filter((m) => m.mode === 'extension' && !m.contentScriptSeen).map((m) => m.run);
    if (unseen.length > 0) notes.push(`${r.kind}: the content script's start was not seen in traced run(s) ${unseen.join(', ')}`);
    const warnings = [...new Set((r.mainThread ?? []).flatMap((m) => m.trace.warnings))];
    if (warnings.length > 0) notes.push(`${r.kind} trace: ${warnings.join('; ')}`);
    const cards = r.badgeRuns.flatMap((b) => b.cards);
    const mismatched = cards.filter((c) => c.siteIdMatches === false).length;
    if (mismatched > 0) notes.push(`${r.kind}: ${mismatched} badge(s) whose data-site-id is not their card's Netflix ID`);
    const doubled = cards.filter((c) => c.duplicateBadges).length;
    if (doubled > 0) notes.push(`${r.kind}: ${doubled} card(s) with more than one backstory-badge`);
    const odd = cards.filter((c) => c.outcome === 'in view at start' || c.outcome === 'never visible' || c.outcome === 'badge never showed');
    if (odd.length > 0) notes.push(`${r.kind}: story cards left out of the badge figure: ${odd.map((c) => `${c.title} row ${c.row} (${c.outcome})`).join(', ')}`);
    if (r.warmUp && !r.warmUp.badgesExpected) notes.push(`${r.kind}: this build showed no backstory-badge (badges are expected inside div[data-virtual-slot], with data-show-key and data-site-id)`);
  }
  return notes;
}

async function writeBrowseResults(options: Options, sizes: BuildSizes[], results: readonly BrowseBrowserResult[], failure?: string): Promise<void> {
  const cpus = os.cpus();
  const summaries = failure === undefined ? summarizeBrowse(results) : [];
  const output = {
    date: new Date().toISOString(),
    machine: { platform: `${os.platform()} ${os.release()} ${os.arch()}`, cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', totalMemBytes: os.totalmem(), node: process.version },
    built: options.build,
    runsPerBrowser: options.browseRuns,
    runsFrom: options.browseRunsFrom,
    page: {
      url: SYNTHETIC_URL,
      rows: SYNTHETIC_ROWS,
      cards: SYNTHETIC_CARDS,
      burstCards: BURST_CARDS,
      burstsPerTracedRun: options.browseBursts,
      storyCards: STORY_CARDS,
    },
    method: {
      mainThread:
        `Chromium, CDP Tracing (${TRACE_CATEGORIES.join(', ')}) plus a CPU profile (CDP Profiler, ${PROFILER_INTERVAL_US} µs interval) of the page's renderer main thread. ` +
        `Phases: initial = the page's navigationStart to ${INITIAL_SETTLE_MS} ms after its load event; each burst = from the task that ran the burst to the next burst (~${BURST_SETTLE_MS} ms). ` +
        'Extension time = union of script events whose URL is the extension (EvaluateScript, v8.compile, FunctionCall, ...) and profile samples with an extension frame on the stack (each standing for the time to the next sample, at most 2 intervals), within the thread\'s tasks; wall-clock time. ' +
        `Long task = top-level task over ${LONG_TASK_MS} ms; caused by the extension when the extension's CPU time in it (thread time of its script events + sampled-only time) is at least half of it, ` +
        `or it is over ${LONG_TASK_MS} ms only because of that time and that time is at least ${GRAZE_MS} ms ` +
        '(smaller slivers that tip a page task of about 50 ms over the line are listed as tippedOverByExtension). The budget figures themselves are wall-clock; CPU time is given beside them.',
      baseline:
        'the same browser build and flags (tests/harness/browsers.ts), with an inert extension (no content script, no permission, empty background) instead of Backstory; in Chromium the traced runs alternate between the two browsers; ' +
        'in both browsers the baseline also repeats the badge runs\' page steps (rows scrolled, Somos. clicked, closed, clicked again) and times modal open → modal painted.',
      heap: 'after the traced run: HeapProfiler.collectGarbage twice, Runtime.getHeapUsage (the page isolate: page and content-script worlds); added = with Backstory − baseline, per run pair.',
      badges:
        'after a warm-up (Somos.\'s and Paper Harbor\'s modals opened once, the latter a live lookup; page reloaded; Paper Harbor\'s rows scrolled into view once), per run a new tab: an IntersectionObserver (main world) notes when each story card first becomes visible, a MutationObserver when a backstory-badge appears in its div[data-virtual-slot], a per-frame check when the badge first has a layout box; rows scrolled into view one at a time. Latency = badge showing − card visible; figure = median over runs of each run\'s median.',
      modalToPanel:
        'in the same tab after the badge checks: click on the Somos. card, modal in the DOM → the end of the first rendering update that paints the panel with data-show-key (scripts/bench/stopwatch.ts); ' +
        'cold = first in the page (panel script injected), warm = closed and reopened; the budget reads the warm figure. Also timed: modal in the DOM → the end of the first rendering update that paints the modal, in the same clicks and in the baseline browser.',
      budgets: BUDGET,
    },
    bundleSizes: sizes.map((b) => ({ build: b.build, contentScript: b.bundles.find((x) => x.files.some((f) => f.file === 'content-scripts/netflix.js')) })),
    budget: failure === undefined ? budgetLines(sizes, summaries) : undefined,
    summaries,
    browsers: results,
    ...(failure === undefined ? {} : { failure }),
  };
  await mkdir(path.dirname(BROWSE_RESULTS_FILE), { recursive: true });
  await writeFile(BROWSE_RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  log(`browse page raw numbers and summaries: ${path.relative(REPO_ROOT, BROWSE_RESULTS_FILE)}`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
