/**
 * `npm run bench`: how big Backstory's bundles are, and how long the panel takes to appear.
 *
 * 1. Builds both browsers (skip with --no-build) and reports each bundle's size, raw and gzip -9.
 * 2. In real Chromium and Firefox ESR (tests/harness) against the fake netflix.com, times the
 *    Netflix detail modal opening → the Backstory panel visible, cold (fresh tab: the panel script
 *    is injected and React starts) and warm (same tab, modal closed and opened again).
 * 3. Prints tables and writes every raw number to artifacts/bench-panel.json.
 *
 * Options: --no-build, --runs=N (default 10), --browsers=chromium,firefox (default both).
 * Exits non-zero if a build fails or any run does not show the panel within 15 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSER_KINDS, REPO_ROOT, type BrowserKind } from '../tests/harness/browsers';
import { startFakeInternet } from '../tests/harness/fake-internet';
import { measureBuild, type BuildSizes } from './bench/bundle-sizes';
import { BenchRunFailed, measureBrowser, PANEL_TIMEOUT_MS, type BrowserTimings } from './bench/panel-timing';
import { bundleSizeTable, panelTimingTable, type BrowserSummary } from './bench/report';
import { summarize } from './bench/stats';

const RESULTS_FILE = path.join(REPO_ROOT, 'artifacts', 'bench-panel.json');
const DEFAULT_RUNS = 10;

interface Options {
  build: boolean;
  runs: number;
  browsers: BrowserKind[];
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      'no-build': { type: 'boolean', default: false },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      browsers: { type: 'string', default: BROWSER_KINDS.join(',') },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1 (got "${values.runs}")`);
  const browsers = values.browsers.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const b of browsers) {
    if (!BROWSER_KINDS.includes(b as BrowserKind)) throw new Error(`--browsers: unknown browser "${b}" (use ${BROWSER_KINDS.join(', ')})`);
  }
  if (browsers.length === 0) throw new Error('--browsers: name at least one browser');
  return { build: !values['no-build'], runs, browsers: [...new Set(browsers)] as BrowserKind[] };
}

/** Both builds, always: the size table compares them even when only one browser is timed. */
function buildAll(): void {
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    log(`npx ${args.join(' ')}`);
    const result = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** One fake internet for all browsers; one browser launch per browser kind, one after the other. */
async function timeAllBrowsers(options: Options, done: BrowserTimings[]): Promise<void> {
  const internet = await startFakeInternet();
  try {
    for (const kind of options.browsers) done.push(await measureBrowser(kind, internet, options.runs, log));
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

async function writeResults(options: Options, sizes: BuildSizes[], timings: BrowserTimings[], failure?: string): Promise<void> {
  const cpus = os.cpus();
  const results = {
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
      "the page's performance.now(): detail modal in the DOM (MutationObserver) → panel in the shadow root has a non-zero box " +
      '(observer + requestAnimationFrame); rounded to 0.1 ms (Chromium coarsens the clock to 0.1 ms, Firefox to 1 ms)',
    panelTimeoutMs: PANEL_TIMEOUT_MS,
    bundleSizes: sizes,
    browsers: timings.map((t) => {
      if (t.runs.length === 0) return t; // failed on its first run: nothing to summarize
      const { cold, warm } = summarizeBrowser(t);
      return { ...t, summaryMs: { cold, warm } };
    }),
    ...(failure === undefined ? {} : { failure }),
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  log(`raw numbers and summaries: ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.build) buildAll();

  const sizes = BROWSER_KINDS.map(measureBuild);
  console.log(`\nBundle sizes (1 KiB = 1024 bytes; each file gzipped on its own)\n${bundleSizeTable(sizes)}\n`);

  const timings: BrowserTimings[] = [];
  try {
    await timeAllBrowsers(options, timings);
  } catch (err) {
    if (err instanceof BenchRunFailed && !timings.includes(err.partial)) timings.push(err.partial);
    const message = err instanceof Error ? err.message : String(err);
    await writeResults(options, sizes, timings, message);
    console.error(`\n[bench] FAILED: ${message}`);
    return 1;
  }

  const summaries = timings.map(summarizeBrowser);
  console.log(`\nModal open → panel visible (page clock, ${options.runs} runs per browser)\n${panelTimingTable(summaries)}\n`);
  const unseen = timings.flatMap((t) => t.runs.filter((r) => !r.contentScriptSeenBeforeClick).map((r) => `${t.kind} run ${r.run}`));
  if (unseen.length > 0) log(`note: the always-on content script's start was not seen before the cold click in: ${unseen.join(', ')}`);
  await writeResults(options, sizes, timings);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
