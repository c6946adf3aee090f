/**
 * The browse-page benchmark of issue #4, in each browser asked for:
 * - Chromium: Backstory's browser and a baseline browser (an inert extension in its place) side by
 *   side; each loads the page once unmeasured; then `runs` traced runs each (main-thread.ts), in
 *   alternating order; then, in Backstory's browser only, the badge warm-up and `runs` badge runs
 *   with modal → panel (badges.ts).
 * - Firefox: no CDP (WebDriver BiDi has no tracing, profiler or heap figure), so only the badge
 *   warm-up and runs with modal → panel.
 * In both, a baseline browser (an inert extension) then times the same modal clicks without
 * Backstory: modal open → the modal painted, the figure the panel cannot beat.
 * The synthetic page's routes are added to the fake internet for the duration and removed after.
 */
import { launchBrowser, type BrowserKind, type LaunchedBrowser } from '../../../tests/harness/browsers';
import type { FakeInternet } from '../../../tests/harness/fake-internet';
import { makeInertExtension } from './baseline-extension';
import { BadgeRunFailed, measureBadgeRun, measureBaselineModalRun, warmUp, type BadgeRun, type BaselineModalRun, type WarmUp } from './badges';
import { measureMainThreadRun, primeBrowser, type MainThreadRun, type Mode } from './main-thread';
import { syntheticPageRoutes } from './synthetic-page';

export interface BrowseOptions {
  runs: number;
  bursts: number;
  browsers: readonly BrowserKind[];
}

export interface BrowseBrowserResult {
  kind: BrowserKind;
  version: string;
  /** The baseline browser's version (the same executable). */
  baselineVersion?: string;
  warmUp?: WarmUp;
  /** Chromium only: traced runs, both modes. */
  mainThread?: MainThreadRun[];
  badgeRuns: BadgeRun[];
  /** The same modal clicks in the baseline browser (no Backstory). */
  baselineModalRuns: BaselineModalRun[];
  wallMs: number;
}

/** Whatever was measured before a run failed travels with the error, for the results file. */
export class BrowseRunFailed extends Error {
  constructor(
    message: string,
    readonly partial: BrowseBrowserResult[],
  ) {
    super(message);
  }
}

export async function measureBrowsePage(internet: FakeInternet, options: BrowseOptions, log: (line: string) => void): Promise<BrowseBrowserResult[]> {
  const removers = syntheticPageRoutes().map((route) => internet.addRoute(route));
  const results: BrowseBrowserResult[] = [];
  try {
    for (const kind of options.browsers) {
      const result: BrowseBrowserResult = { kind, version: '', badgeRuns: [], baselineModalRuns: [], wallMs: 0 };
      results.push(result);
      const started = Date.now();
      try {
        if (kind === 'chromium') await measureChromium(internet, options, result, log);
        else await measureFirefox(internet, options, result, log);
      } finally {
        result.wallMs = Date.now() - started;
      }
      log(`${kind} browse page: ${(result.wallMs / 1000).toFixed(1)} s`);
    }
    return results;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new BrowseRunFailed(message, results);
  } finally {
    for (const remove of removers) remove();
  }
}

async function measureChromium(internet: FakeInternet, options: BrowseOptions, result: BrowseBrowserResult, log: (line: string) => void): Promise<void> {
  const inert = await makeInertExtension('chromium');
  let withExtension: LaunchedBrowser | undefined;
  let baseline: LaunchedBrowser | undefined;
  try {
    withExtension = await launchBrowser('chromium', { fakeInternetPort: internet.port });
    baseline = await launchBrowser('chromium', { fakeInternetPort: internet.port, extensionDir: inert.dir });
    result.version = await withExtension.browser.version();
    result.baselineVersion = await baseline.browser.version();
    log(`chromium browse page: ${result.version}; baseline: the same browser with an inert extension instead of Backstory; ${options.runs} runs, ${options.bursts} bursts each`);
    // The warm-up first: the traced runs then meet the titles with a story as cached, as the badge runs do.
    result.warmUp = await warmUp(withExtension, log);
    await primeBrowser(baseline);
    await primeBrowser(withExtension);
    const browsers: Record<Mode, LaunchedBrowser> = { baseline, extension: withExtension };
    result.mainThread = [];
    for (let run = 1; run <= options.runs; run++) {
      const order: Mode[] = run % 2 === 1 ? ['baseline', 'extension'] : ['extension', 'baseline'];
      const line: string[] = [];
      for (const mode of order) {
        const measured = await measureMainThreadRun(browsers[mode], mode, run, options.bursts);
        result.mainThread.push(measured);
        line.push(describeMainThread(measured));
      }
      log(`chromium traced run ${run}/${options.runs}: ${line.join('; ')}`);
    }
    await baselineModalRuns(baseline, options.runs, result, log);
    await baseline.close();
    baseline = undefined;
    await badgeRuns(withExtension, options.runs, result, log);
  } finally {
    await baseline?.close();
    await withExtension?.close();
    await inert.remove();
  }
}

async function measureFirefox(internet: FakeInternet, options: BrowseOptions, result: BrowseBrowserResult, log: (line: string) => void): Promise<void> {
  const launched = await launchBrowser('firefox', { fakeInternetPort: internet.port });
  try {
    result.version = await launched.browser.version();
    log(`firefox browse page: ${result.version}; ${options.runs} badge and modal runs (no tracing, profiler or heap figure over WebDriver BiDi)`);
    result.warmUp = await warmUp(launched, log);
    await badgeRuns(launched, options.runs, result, log);
  } finally {
    await launched.close();
  }
  const inert = await makeInertExtension('firefox');
  try {
    const baseline = await launchBrowser('firefox', { fakeInternetPort: internet.port, extensionDir: inert.dir });
    try {
      result.baselineVersion = await baseline.browser.version();
      await baselineModalRuns(baseline, options.runs, result, log);
    } finally {
      await baseline.close();
    }
  } finally {
    await inert.remove();
  }
}

async function baselineModalRuns(baseline: LaunchedBrowser, runs: number, result: BrowseBrowserResult, log: (line: string) => void): Promise<void> {
  for (let run = 1; run <= runs; run++) {
    let measured: BaselineModalRun;
    try {
      measured = await measureBaselineModalRun(baseline, run);
    } catch (err) {
      if (err instanceof BadgeRunFailed) throw new Error(`${baseline.kind} ${err.message}`);
      throw err;
    }
    result.baselineModalRuns.push(measured);
    log(`${baseline.kind} baseline run ${run}/${runs} (no Backstory): modal open → modal painted, cold ${measured.coldModalPaintMs.toFixed(1)} ms, warm ${measured.warmModalPaintMs.toFixed(1)} ms`);
  }
}

async function badgeRuns(launched: LaunchedBrowser, runs: number, result: BrowseBrowserResult, log: (line: string) => void): Promise<void> {
  const warm = result.warmUp!;
  for (let run = 1; run <= runs; run++) {
    let measured: BadgeRun;
    try {
      measured = await measureBadgeRun(launched, run, warm);
    } catch (err) {
      if (err instanceof BadgeRunFailed) throw new Error(`${launched.kind} ${err.message}`);
      throw err;
    }
    result.badgeRuns.push(measured);
    const badged = measured.cards.filter((c) => c.latencyMs !== undefined);
    const latencies = badged.map((c) => `${c.latencyMs!.toFixed(1)}`).join(', ');
    log(
      `${launched.kind} badge run ${run}/${runs}: ${badged.length}/${measured.cards.length} story cards badged${badged.length > 0 ? ` (ms: ${latencies})` : ''}; ` +
        `modal → panel cold ${measured.modal.coldMs.toFixed(1)} ms, warm ${measured.modal.warmMs.toFixed(1)} ms`,
    );
  }
}

function describeMainThread(run: MainThreadRun): string {
  const [initial, ...bursts] = run.phases;
  const ext = run.mode === 'extension' ? ` ext ${initial?.extensionMs.toFixed(1)} ms + bursts ${bursts.map((b) => b.extensionMs.toFixed(1)).join('/')} ms,` : '';
  const long = run.phases.reduce((sum, p) => sum + p.longTasks.length, 0);
  return `${run.mode}:${ext} main thread ${initial?.mainThreadBusyMs.toFixed(0)} ms initial, ${long} long tasks, heap ${(run.heap.usedBytes / 1e6).toFixed(2)} MB`;
}
