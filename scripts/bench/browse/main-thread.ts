/**
 * One Chromium run on the synthetic browse page, traced: a new tab loads the page (2,000 cards),
 * stays INITIAL_SETTLE_MS past the load event, then adds `bursts` bursts of 200 cards, each followed
 * by BURST_SETTLE_MS; the trace (CDP Tracing: devtools.timeline, toplevel, V8, user timing) and a CPU
 * profile of the page (CDP Profiler, one sample per PROFILER_INTERVAL_US) are cut into phases at the
 * page's marks and read by trace-analysis.ts. Then, with the page in that state, the JS heap after
 * two forced garbage collections (CDP HeapProfiler and Runtime.getHeapUsage: the whole isolate, so
 * the page's world and the content script's isolated world together) and Blink's DOM counters.
 * The same run is made in the baseline browser (an inert extension instead of Backstory).
 */
import type { Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../../../tests/harness/browsers';
import { listenForContentScript, waitForContentScript } from '../browse-page';
import type { BenchPageWindow } from './page-api';
import { SYNTHETIC_URL } from './synthetic-page';
import { analyzeTrace, END_MARK, traceEventsOf, type PhaseMetrics, type TraceAnalysis } from './trace-analysis';

/** The initial phase ends this long after the load event (the content script starts at document_idle). */
export const INITIAL_SETTLE_MS = 1_000;
/** Each burst's phase: from its mark to the next, about this long. */
export const BURST_SETTLE_MS = 400;

/**
 * Not the trace's own CPU profiler category (disabled-by-default-v8.cpu_profiler): it samples every
 * ~0.2 ms and roughly doubled the content script's measured start-up here. The Profiler domain at
 * 1 ms costs little and still finds the microtasks the trace has no event for.
 */
export const TRACE_CATEGORIES = ['-*', 'toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', '__metadata'];
export const PROFILER_INTERVAL_US = 1_000;

export type Mode = 'baseline' | 'extension';

export interface HeapSample {
  /** Runtime.getHeapUsage after two HeapProfiler.collectGarbage: the page's V8 isolate. */
  usedBytes: number;
  totalBytes: number;
  /** Memory.getDOMCounters. */
  documents: number;
  nodes: number;
  jsEventListeners: number;
}

export interface MainThreadRun {
  mode: Mode;
  run: number;
  cards: { initial: number; final: number };
  /** Extension mode: whether the content script was seen starting (baseline: undefined). */
  contentScriptSeen?: boolean;
  phases: PhaseMetrics[];
  heap: HeapSample;
  trace: Omit<TraceAnalysis, 'phases'> & { bytes: number };
  /** Where this run's wall-clock time went (ms): page load, the measured window, collecting and reading the trace, heap. */
  wallMs: { load: number; window: number; collect: number; analyze: number; heap: number };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function measureMainThreadRun(launched: LaunchedBrowser, mode: Mode, run: number, bursts: number): Promise<MainThreadRun> {
  const page = await launched.newPage();
  try {
    await listenForContentScript(page);
    await page.bringToFront();
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: PROFILER_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    let traced = true;
    const clock = { at: Date.now() };
    const lap = (): number => {
      const now = Date.now();
      const ms = now - clock.at;
      clock.at = now;
      return ms;
    };
    try {
      await page.goto(SYNTHETIC_URL, { waitUntil: 'load' });
      const load = lap();
      const contentScriptSeen = mode === 'extension' ? await waitForContentScript(page) : undefined;
      // The same window in both modes: until INITIAL_SETTLE_MS after the load event.
      await page.evaluate(
        (settle: number) =>
          new Promise<void>((resolve) => {
            const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            const until = (navigation?.loadEventEnd ?? performance.now()) + settle;
            setTimeout(resolve, Math.max(0, until - performance.now()));
          }),
        INITIAL_SETTLE_MS,
      );
      const initial = await cardCount(page);
      for (let n = 1; n <= bursts; n++) {
        const added = await page.evaluate(() => (window as unknown as BenchPageWindow).__backstoryBench.burst());
        if (added === 0) throw new Error(`burst ${n}: the synthetic page has no more burst data`);
        await sleep(BURST_SETTLE_MS);
      }
      await page.evaluate((mark: string) => void performance.mark(mark), END_MARK);
      const final = await cardCount(page);
      const measuredWindow = lap();
      traced = false;
      const buffer = await page.tracing.stop();
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach().catch(() => {});
      const collect = lap();
      if (!buffer) throw new Error('the trace came back empty');
      const json = Buffer.from(buffer).toString('utf8');
      const analysis = analyzeTrace(
        traceEventsOf(json),
        {
          extensionOrigin: mode === 'extension' ? launched.extensionOrigin : undefined,
          documentUrlIncludes: new URL(SYNTHETIC_URL).search.slice(1),
          bursts,
        },
        profile,
      );
      const analyze = lap();
      const heap = await heapSample(page);
      const { phases, ...trace } = analysis;
      return {
        mode,
        run,
        cards: { initial, final },
        contentScriptSeen,
        phases,
        heap,
        trace: { ...trace, bytes: json.length },
        wallMs: { load, window: measuredWindow, collect, analyze, heap: lap() },
      };
    } finally {
      if (traced) await page.tracing.stop().catch(() => undefined);
    }
  } finally {
    await page.close().catch(() => {});
  }
}

function cardCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as BenchPageWindow).__backstoryBench.cardCount());
}

async function heapSample(page: Page): Promise<HeapSample> {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { usedBytes: heap.usedSize, totalBytes: heap.totalSize, documents: dom.documents, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** A load of the page, nothing measured: fills the HTTP and code caches as the measured runs will find them. */
export async function primeBrowser(launched: LaunchedBrowser): Promise<void> {
  const page = await launched.newPage();
  try {
    await page.goto(SYNTHETIC_URL, { waitUntil: 'load' });
    await sleep(500);
  } finally {
    await page.close().catch(() => {});
  }
}
