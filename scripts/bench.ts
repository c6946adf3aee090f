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
 *
 * Options: --no-build, --runs=N (default 10), --browsers=chromium,firefox (default both),
 * --live-runs=N (default: --runs when given, else DEFAULT_LIVE_RUNS).
 * Exits non-zero if a build fails or any run does not show the panel within 15 s (30 s live).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSER_KINDS, REPO_ROOT, type BrowserKind } from '../tests/harness/browsers';
import { startFakeInternet } from '../tests/harness/fake-internet';
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

const RESULTS_FILE = path.join(REPO_ROOT, 'artifacts', 'bench-panel.json');
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

interface Options {
  build: boolean;
  runs: number;
  browsers: BrowserKind[];
  liveRuns: number;
  /** Where liveRuns came from, for the output. */
  liveRunsFrom: string;
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
  return { build: !values['no-build'], runs, browsers: [...new Set(browsers)] as BrowserKind[], liveRuns, liveRunsFrom };
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
 * One fake internet for all browsers: the fake netflix.com without added latency, the API hosts
 * from the fixtures LIVE_API_LATENCY_MS late (live lookups are on by default). First the panel
 * timings (one browser launch per browser kind), then the live lookups (one launch per run).
 */
async function timeAllBrowsers(options: Options, done: Results): Promise<void> {
  const internet = await startFakeInternet({ routes: liveApiRoutes(LIVE_API_LATENCY_MS) });
  try {
    for (const kind of options.browsers) done.panel.push(await measureBrowser(kind, internet, options.runs, log));
    done.apiRequestsDuringPanel = internet.requests.filter((r) => API_HOST.test(r.host)).length;
    if (done.apiRequestsDuringPanel > 0) log(`note: ${done.apiRequestsDuringPanel} API requests during the panel timings (Somos. is in the pack; expected none)`);
    log(
      `live lookup of ${LIVE_TITLE.title} (${LIVE_TITLE.netflixId}, not in the pack): API hosts answer ${LIVE_API_LATENCY_MS} ms late per request ` +
        `(LIVE_API_LATENCY_MS), netflix.com without added latency; ${options.liveRuns} runs per browser (${options.liveRunsFrom})`,
    );
    for (const kind of options.browsers) {
      const live = await measureLiveLookups(kind, internet, options.liveRuns, log);
      done.live.push(live);
      log(`${kind} live: ${((live.wallMs ?? 0) / 1000).toFixed(1)} s for ${live.runs.length} runs`);
    }
  } finally {
    await internet.stop();
  }
}

function summarizeBrowser(timings: BrowserTimings): BrowserSummary {
  return {
    kind: timings.kind,
    version: timings.version,
    cold: summarize(timings.runs.map((r) => r.coldMs)),
    warm: summarize(timings.runs.map((r) => r.warmMs)),
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

  const started = Date.now();
  const results: Results = { panel: [], live: [] };
  const timings = results.panel;
  try {
    await timeAllBrowsers(options, results);
  } catch (err) {
    if (err instanceof BenchRunFailed && !results.panel.includes(err.partial)) results.panel.push(err.partial);
    if (err instanceof LiveRunFailed && !results.live.includes(err.partial)) results.live.push(err.partial);
    const message = err instanceof Error ? err.message : String(err);
    await writeResults(options, sizes, results, message);
    console.error(`\n[bench] FAILED: ${message}`);
    return 1;
  }

  const summaries = timings.map(summarizeBrowser);
  console.log(`\nModal open → panel visible (page clock, ${options.runs} runs per browser)\n${panelTimingTable(summaries)}\n`);
  const unseen = timings.flatMap((t) => t.runs.filter((r) => !r.contentScriptSeenBeforeClick).map((r) => `${t.kind} run ${r.run}`));
  if (unseen.length > 0) log(`note: the always-on content script's start was not seen before the cold click in: ${unseen.join(', ')}`);

  const live = results.live.map(summarizeLive);
  console.log(
    `\nLive lookup of ${LIVE_TITLE.title} (not in the pack): modal open → panel with its story visible (page clock, ${options.liveRuns} runs per browser: ${options.liveRunsFrom})\n` +
      `API hosts answer ${LIVE_API_LATENCY_MS} ms late per request; cold = new browser and empty profile, cached = same browser, fresh page load\n` +
      `${liveTimingTable(live, LIVE_API_LATENCY_MS)}\n`,
  );
  console.log(`API requests per title (median; [min–max] when runs differ)\n${liveRequestTable(live)}\n`);
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

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
