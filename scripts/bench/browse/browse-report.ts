/**
 * The browse-page benchmark's summaries (medians of the runs) and its budget table: each line of
 * issue #4's budget, the figure with Backstory, the same page without it (the baseline), the
 * budget, and whether it holds. Units: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes (the stricter
 * reading of the budget); sizes are also shown in KiB like the bundle table.
 */
import type { BrowserKind } from '../../../tests/harness/browsers';
import type { BuildSizes } from '../bundle-sizes';
import { table } from '../report';
import { summarize, type Summary } from '../stats';
import type { CardOutcome } from './badges';
import type { BrowseBrowserResult } from './browse-bench';
import { GRAZE_MS, LONG_TASK_MS, type LongTask } from './trace-analysis';

export const BUDGET = {
  contentScriptBytes: 30_000,
  initialMs: 20,
  burstMs: 4,
  longTasksCausedByExtension: 0,
  badgeMs: 50,
  modalToPanelMs: 100,
  addedHeapBytes: 5_000_000,
} as const;

export interface MainThreadSummary {
  runs: number;
  bursts: number;
  /** The extension's main-thread time on the initial page, per run. */
  initialExtensionMs: Summary;
  /** Thread (CPU) time of its script events there, per run. */
  initialExtensionCpuMs: Summary;
  /** Per run: the median of its bursts. */
  burstExtensionMs: Summary;
  /** The largest single burst of all runs. */
  burstExtensionWorstMs: number;
  /** The page's main thread, all tasks: initial page, and per burst (per run: median of its bursts). */
  mainThreadInitialMs: { baseline: Summary; extension: Summary };
  mainThreadPerBurstMs: { baseline: Summary; extension: Summary };
  /** Blink's IntersectionObserver work (all the page's observers): initial page, and per burst. */
  intersectionObserversInitialMs: { baseline: Summary; extension: Summary };
  intersectionObserversPerBurstMs: { baseline: Summary; extension: Summary };
  /** Long tasks (> 50 ms) per run, all phases. */
  longTasksPerRun: { baseline: Summary; extension: Summary };
  /** Over all runs with Backstory: long tasks holding some extension time, and those it caused. */
  longTasksWithExtensionTime: number;
  longTasksCausedByExtension: (LongTask & { run: number; phase: string })[];
  /** Page tasks of about 50 ms that a sliver (< GRAZE_MS) of extension time took over the line. */
  longTasksTippedOverByExtension: (LongTask & { run: number; phase: string })[];
  heapUsedBytes: { baseline: Summary; extension: Summary };
  /** Per run pair (same run number): with Backstory − baseline. */
  addedHeapBytes: Summary;
  domNodes: { baseline: Summary; extension: Summary };
}

export interface BadgeSummary {
  runs: number;
  cardsPerRun: number;
  outcomes: Partial<Record<CardOutcome, number>>;
  /** Per run: the median latency of its badged cards; then summarized over runs. */
  latencyMs?: Summary;
  /** All badged cards of all runs together. */
  pooledLatencyMs?: Summary;
  byTitle: Record<string, Summary | undefined>;
  siteIdMismatches: number;
  duplicateBadges: number;
}

export interface BrowserBrowseSummary {
  kind: BrowserKind;
  version: string;
  mainThread?: MainThreadSummary;
  badges: BadgeSummary;
  /**
   * siteModalPaintMs: warm runs, modal open → the modal itself painted, in the same clicks.
   * baselineModalPaintMs: the same in the baseline browser, without Backstory.
   */
  modalToPanel: { warmMs: Summary; coldMs: Summary; siteModalPaintMs: Summary; baselineModalPaintMs?: Summary };
}

function medianOf(values: readonly number[]): number {
  return summarize(values).median;
}

function summarizeMainThread(result: BrowseBrowserResult): MainThreadSummary | undefined {
  const runs = result.mainThread;
  if (!runs || runs.length === 0) return undefined;
  const byMode = (mode: 'baseline' | 'extension') => runs.filter((r) => r.mode === mode);
  const ext = byMode('extension');
  const base = byMode('baseline');
  if (ext.length === 0 || base.length === 0) return undefined;
  const initial = (r: (typeof runs)[number]) => r.phases[0]!;
  const bursts = (r: (typeof runs)[number]) => r.phases.slice(1);
  const perBurst = (r: (typeof runs)[number], pick: (p: (typeof r.phases)[number]) => number): number => {
    const values = bursts(r).map(pick);
    return values.length > 0 ? medianOf(values) : 0;
  };
  const longTasks = (r: (typeof runs)[number]) => r.phases.flatMap((p) => p.longTasks.map((t) => ({ ...t, run: r.run, phase: p.phase })));
  const pairs = ext.flatMap((e) => {
    const b = base.find((x) => x.run === e.run);
    return b ? [e.heap.usedBytes - b.heap.usedBytes] : [];
  });
  return {
    runs: ext.length,
    bursts: ext[0] ? bursts(ext[0]).length : 0,
    initialExtensionMs: summarize(ext.map((r) => initial(r).extensionMs)),
    initialExtensionCpuMs: summarize(ext.map((r) => initial(r).extensionScriptCpuMs)),
    burstExtensionMs: summarize(ext.map((r) => perBurst(r, (p) => p.extensionMs))),
    burstExtensionWorstMs: Math.max(0, ...ext.flatMap((r) => bursts(r).map((p) => p.extensionMs))),
    mainThreadInitialMs: { baseline: summarize(base.map((r) => initial(r).mainThreadBusyMs)), extension: summarize(ext.map((r) => initial(r).mainThreadBusyMs)) },
    mainThreadPerBurstMs: {
      baseline: summarize(base.map((r) => perBurst(r, (p) => p.mainThreadBusyMs))),
      extension: summarize(ext.map((r) => perBurst(r, (p) => p.mainThreadBusyMs))),
    },
    intersectionObserversInitialMs: {
      baseline: summarize(base.map((r) => initial(r).intersectionObserversMs)),
      extension: summarize(ext.map((r) => initial(r).intersectionObserversMs)),
    },
    intersectionObserversPerBurstMs: {
      baseline: summarize(base.map((r) => perBurst(r, (p) => p.intersectionObserversMs))),
      extension: summarize(ext.map((r) => perBurst(r, (p) => p.intersectionObserversMs))),
    },
    longTasksPerRun: { baseline: summarize(base.map((r) => longTasks(r).length)), extension: summarize(ext.map((r) => longTasks(r).length)) },
    longTasksWithExtensionTime: ext.flatMap(longTasks).filter((t) => t.extensionMs > 0).length,
    longTasksCausedByExtension: ext.flatMap(longTasks).filter((t) => t.causedByExtension),
    longTasksTippedOverByExtension: ext.flatMap(longTasks).filter((t) => t.tippedOverByExtension),
    heapUsedBytes: { baseline: summarize(base.map((r) => r.heap.usedBytes)), extension: summarize(ext.map((r) => r.heap.usedBytes)) },
    addedHeapBytes: summarize(pairs.length > 0 ? pairs : [0]),
    domNodes: { baseline: summarize(base.map((r) => r.heap.nodes)), extension: summarize(ext.map((r) => r.heap.nodes)) },
  };
}

function summarizeBadges(result: BrowseBrowserResult): BadgeSummary {
  const runs = result.badgeRuns;
  const cards = runs.flatMap((r) => r.cards);
  const outcomes: Partial<Record<CardOutcome, number>> = {};
  for (const card of cards) outcomes[card.outcome] = (outcomes[card.outcome] ?? 0) + 1;
  const latencies = (list: typeof cards): number[] => list.flatMap((c) => (c.latencyMs === undefined ? [] : [c.latencyMs]));
  const perRun = runs.map((r) => latencies(r.cards)).filter((l) => l.length > 0).map(medianOf);
  const pooled = latencies(cards);
  const titles = [...new Set(cards.map((c) => c.title))];
  return {
    runs: runs.length,
    cardsPerRun: runs[0]?.cards.length ?? 0,
    outcomes,
    ...(perRun.length > 0 ? { latencyMs: summarize(perRun) } : {}),
    ...(pooled.length > 0 ? { pooledLatencyMs: summarize(pooled) } : {}),
    byTitle: Object.fromEntries(
      titles.map((title) => {
        const l = latencies(cards.filter((c) => c.title === title));
        return [title, l.length > 0 ? summarize(l) : undefined];
      }),
    ),
    siteIdMismatches: cards.filter((c) => c.siteIdMatches === false).length,
    duplicateBadges: cards.filter((c) => c.duplicateBadges).length,
  };
}

export function summarizeBrowse(results: readonly BrowseBrowserResult[]): BrowserBrowseSummary[] {
  return results
    .filter((r) => r.badgeRuns.length > 0)
    .map((r) => ({
      kind: r.kind,
      version: r.version,
      mainThread: summarizeMainThread(r),
      badges: summarizeBadges(r),
      modalToPanel: {
        warmMs: summarize(r.badgeRuns.map((b) => b.modal.warmMs)),
        coldMs: summarize(r.badgeRuns.map((b) => b.modal.coldMs)),
        siteModalPaintMs: summarize(r.badgeRuns.map((b) => b.modal.warmModalPaintMs)),
        ...(r.baselineModalRuns.length > 0 ? { baselineModalPaintMs: summarize(r.baselineModalRuns.map((b) => b.warmModalPaintMs)) } : {}),
      },
    }));
}

export type Verdict = 'pass' | 'FAIL' | 'n/a' | 'NO BADGE' | 'info';

export interface BudgetLine {
  figure: string;
  browser: string;
  /** Median of the runs with Backstory. */
  withBackstory: string;
  /** The same figure for the same page without Backstory ('-' where it has no meaning). */
  baseline: string;
  budget: string;
  /** 'info' for the context lines that have no budget of their own. */
  result: Verdict;
  /** Spread and other particulars, printed under the table. */
  detail?: string;
}

const msText = (v: number): string => `${v.toFixed(1)} ms`;
const spread = (s: Summary, unit: (v: number) => string): string => (s.runs > 1 ? `${unit(s.min)}–${unit(s.max)} over ${s.runs} runs` : '1 run');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
const bytesText = (bytes: number): string => `${bytes.toLocaleString('en-US')} B`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (ok: boolean): Verdict => (ok ? 'pass' : 'FAIL');

const NO_CDP = 'n/a: no tracing or profiler over WebDriver BiDi';
const NO_HEAP = 'n/a: no JS heap figure over WebDriver BiDi';

function listTasks(label: string, tasks: readonly (LongTask & { run: number; phase: string })[]): string {
  if (tasks.length === 0) return '';
  return `; ${label}: ${tasks.map((t) => `run ${t.run} ${t.phase} +${t.atMs.toFixed(0)} ms, ${msText(t.durationMs)} with ${msText(t.extensionMs)} extension (CPU ${msText(t.extensionCpuMs)})`).join('; ')}`;
}

export function budgetLines(sizes: readonly BuildSizes[], summaries: readonly BrowserBrowseSummary[]): BudgetLine[] {
  const lines: BudgetLine[] = [];
  for (const build of sizes) {
    const script = build.bundles.find((b) => b.files.some((f) => f.file === 'content-scripts/netflix.js'));
    if (!script) continue;
    lines.push({
      figure: 'always-on content script size, minified (gzip -9)',
      browser: `${build.build} build`,
      withBackstory: `${bytesText(script.rawBytes)} (gzip ${bytesText(script.gzipBytes)})`,
      baseline: '-',
      budget: `≤ ${bytesText(BUDGET.contentScriptBytes)} (30 KB)`,
      result: verdict(script.rawBytes <= BUDGET.contentScriptBytes),
      detail: `${kib(script.rawBytes)}, gzip ${kib(script.gzipBytes)}: content-scripts/netflix.js`,
    });
  }
  for (const s of summaries) {
    const browser = s.kind;
    const m = s.mainThread;
    if (m) {
      lines.push(
        {
          figure: 'extension main-thread time, initial page',
          browser,
          withBackstory: msText(m.initialExtensionMs.median),
          baseline: '-',
          budget: `≤ ${BUDGET.initialMs} ms`,
          result: verdict(m.initialExtensionMs.median <= BUDGET.initialMs),
          detail: `wall-clock, ${spread(m.initialExtensionMs, msText)}; CPU time of its script events ${msText(m.initialExtensionCpuMs.median)} (${spread(m.initialExtensionCpuMs, msText)})`,
        },
        {
          figure: '  page main thread busy, initial page (all tasks)',
          browser,
          withBackstory: `${m.mainThreadInitialMs.extension.median.toFixed(0)} ms`,
          baseline: `${m.mainThreadInitialMs.baseline.median.toFixed(0)} ms`,
          budget: '-',
          result: 'info',
        },
        {
          figure: '  of which intersection observers (Blink)',
          browser,
          withBackstory: msText(m.intersectionObserversInitialMs.extension.median),
          baseline: msText(m.intersectionObserversInitialMs.baseline.median),
          budget: '-',
          result: 'info',
          detail: "Blink's IntersectionObserver work in the page's rendering updates (all of the page's observers; not script, so not in the extension's time above)",
        },
        {
          figure: 'extension main-thread time, per burst of 200 cards',
          browser,
          withBackstory: msText(m.burstExtensionMs.median),
          baseline: '-',
          budget: `≤ ${BUDGET.burstMs} ms`,
          result: verdict(m.burstExtensionMs.median <= BUDGET.burstMs),
          detail: `per run the median of its ${m.bursts} bursts, ${spread(m.burstExtensionMs, msText)}; the worst single burst ${msText(m.burstExtensionWorstMs)}`,
        },
        {
          figure: '  page main thread busy, per burst (all tasks)',
          browser,
          withBackstory: `${m.mainThreadPerBurstMs.extension.median.toFixed(0)} ms`,
          baseline: `${m.mainThreadPerBurstMs.baseline.median.toFixed(0)} ms`,
          budget: '-',
          result: 'info',
        },
        {
          figure: '  of which intersection observers (Blink)',
          browser,
          withBackstory: msText(m.intersectionObserversPerBurstMs.extension.median),
          baseline: msText(m.intersectionObserversPerBurstMs.baseline.median),
          budget: '-',
          result: 'info',
          detail: `per run the median of its bursts, ${spread(m.intersectionObserversPerBurstMs.extension, msText)} (baseline ${spread(m.intersectionObserversPerBurstMs.baseline, msText)})`,
        },
        {
          figure: 'long tasks (> 50 ms) caused by the extension',
          browser,
          withBackstory: `${m.longTasksCausedByExtension.length} in ${m.runs} runs (${m.longTasksWithExtensionTime} held some of its time)`,
          baseline: '-',
          budget: 'none',
          result: verdict(m.longTasksCausedByExtension.length <= BUDGET.longTasksCausedByExtension),
          detail:
            `caused = the extension's CPU time in it is at least half the task, or the task is over ${LONG_TASK_MS} ms only because of it and it is at least ${GRAZE_MS} ms; ` +
            `${m.longTasksWithExtensionTime} long task(s) held some extension time` +
            listTasks('caused', m.longTasksCausedByExtension) +
            listTasks(`page tasks tipped over ${LONG_TASK_MS} ms by under ${GRAZE_MS} ms of extension time (not counted)`, m.longTasksTippedOverByExtension),
        },
        {
          figure: '  long tasks per run, all',
          browser,
          withBackstory: String(m.longTasksPerRun.extension.median),
          baseline: String(m.longTasksPerRun.baseline.median),
          budget: '-',
          result: 'info',
        },
      );
    } else {
      for (const figure of ['extension main-thread time, initial page', 'extension main-thread time, per burst of 200 cards', 'long tasks (> 50 ms) caused by the extension']) {
        lines.push({ figure, browser, withBackstory: NO_CDP, baseline: '-', budget: '-', result: 'n/a' });
      }
    }
    const b = s.badges;
    const counted = (b.outcomes.badged ?? 0) + (b.outcomes['badge before visible'] ?? 0);
    const watched = b.runs * b.cardsPerRun;
    const titles = Object.entries(b.byTitle)
      .map(([title, t]) => `${title} ${t ? `median ${msText(t.median)}` : 'no badge'}`)
      .join(', ');
    lines.push({
      figure: 'card visible → badge showing, cached title',
      browser,
      withBackstory: b.latencyMs ? msText(b.latencyMs.median) : 'no badge',
      baseline: '-',
      budget: `≤ ${BUDGET.badgeMs} ms`,
      result: b.latencyMs ? verdict(b.latencyMs.median <= BUDGET.badgeMs) : 'NO BADGE',
      detail: b.latencyMs
        ? `per run the median of its cards, ${spread(b.latencyMs, msText)}; ${counted}/${watched} story cards badged (${titles})` +
          (b.outcomes['badge before visible'] ? `; ${b.outcomes['badge before visible']} already had their badge when they came into view (counted as 0 ms)` : '')
        : `none of the ${watched} story cards (${b.cardsPerRun} per run) got a backstory-badge`,
    });
    lines.push(
      {
        figure: 'modal open → panel painted, cached title (warm)',
        browser,
        withBackstory: msText(s.modalToPanel.warmMs.median),
        baseline: s.modalToPanel.baselineModalPaintMs ? `${msText(s.modalToPanel.baselineModalPaintMs.median)} (modal painted)` : '-',
        budget: `≤ ${BUDGET.modalToPanelMs} ms`,
        result: verdict(s.modalToPanel.warmMs.median <= BUDGET.modalToPanelMs),
        detail:
          `Somos. on this page, modal closed and opened again: ${spread(s.modalToPanel.warmMs, msText)}; ` +
          `"painted" = the end of the first rendering update that draws it; the modal itself in the same clicks: ${spread(s.modalToPanel.siteModalPaintMs, msText)}` +
          (s.modalToPanel.baselineModalPaintMs ? `; baseline = modal open → modal painted without Backstory: ${spread(s.modalToPanel.baselineModalPaintMs, msText)}` : ''),
      },
      {
        figure: '  the same, first in the page (cold)',
        browser,
        withBackstory: msText(s.modalToPanel.coldMs.median),
        baseline: '-',
        budget: '-',
        result: 'info',
      },
    );
    if (m) {
      lines.push(
        {
          figure: 'added JS heap after load and bursts',
          browser,
          withBackstory: `+${mb(m.addedHeapBytes.median)}`,
          baseline: '-',
          budget: `≤ ${bytesText(BUDGET.addedHeapBytes)} (5 MB)`,
          result: verdict(m.addedHeapBytes.median <= BUDGET.addedHeapBytes),
          detail: `with Backstory − baseline per run pair, ${spread(m.addedHeapBytes, mb)}`,
        },
        {
          figure: '  JS heap used (page isolate, after GC)',
          browser,
          withBackstory: mb(m.heapUsedBytes.extension.median),
          baseline: mb(m.heapUsedBytes.baseline.median),
          budget: '-',
          result: 'info',
        },
      );
    } else {
      lines.push({ figure: 'added JS heap after load and bursts', browser, withBackstory: NO_HEAP, baseline: '-', budget: '-', result: 'n/a' });
    }
  }
  return lines;
}

export function budgetTable(lines: readonly BudgetLine[]): string {
  const main = table(
    ['figure', 'browser', 'with Backstory', 'baseline', 'budget', 'result'],
    lines.map((l) => [l.figure, l.browser, l.withBackstory, l.baseline, l.budget, l.result]),
    2,
  );
  const details = lines.filter((l) => l.detail).map((l) => `- ${l.figure.trim()} (${l.browser}): ${l.detail!}`);
  return `${main}\n\n${details.join('\n')}`;
}
