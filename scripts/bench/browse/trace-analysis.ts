/**
 * Reads a Chromium trace (Tracing domain, JSON) of one synthetic browse page run and tells, per
 * phase (the initial page, then each burst of added cards), how busy the page's main thread was,
 * how much of that was the extension, and which tasks were long.
 *
 * The page's main thread: the CrRendererMain thread that committed the synthetic page (its
 * `navigationStart` user-timing mark names the URL). Phases are cut at the page's own performance
 * marks (`backstory-bench:burst:<n>` at each burst's start, `backstory-bench:end` after the last).
 *
 * The extension's main-thread time (wall clock) is the union of two kinds of intervals, so that
 * nothing counts twice:
 * - script events the renderer attributes to one of the extension's scripts by URL
 *   (EvaluateScript, v8.compile, v8.run, FunctionCall, ...: the content script's start, its
 *   observer, timer, animation-frame and event callbacks, each with everything it forced, e.g.
 *   a layout), nested events merged;
 * - samples of V8's CPU profiler (CDP Profiler domain, run beside the trace at a coarse interval:
 *   the trace's own high-resolution profiler category doubled the content script's measured start-up
 *   on the bench machine) whose JS stack has a frame of an extension script: what the events above
 *   miss, chiefly promise continuations (microtasks), which run with no event of their own. A sample
 *   stands for the time until the next sample, at most 2 sampling intervals, within the thread's
 *   tasks; samples taken inside one of the events above add nothing. The profile's clock is the
 *   trace's (both are base::TimeTicks in µs).
 * A long task is a top-level task (RunTask) over LONG_TASK_MS. The extension caused one when its
 * time is at least half of the task, or when the task would not have been long without that time
 * and that time is at least GRAZE_MS. Below GRAZE_MS the extension only grazed a page task that was
 * about LONG_TASK_MS long by itself (e.g. its 0.5 ms observer callback at the end of a 50.0 ms
 * burst): such a task is reported as tipped over, not as caused. For this decision the extension's
 * time in the task is its CPU time (the thread time of its script events, plus any sampled-only
 * time): on the 2-core bench machine the thread is sometimes descheduled for milliseconds in the
 * middle of a 0.6 ms callback, which is the machine's doing, not the extension's.
 */

export const LONG_TASK_MS = 50;
/** See above: 10% of LONG_TASK_MS. */
export const GRAZE_MS = 5;

/** The page's own marks (page/synthetic-browse.js sets the burst marks, the bench the end mark). */
const MARK_PREFIX = 'backstory-bench:';
export const BURST_MARK = (n: number): string => `${MARK_PREFIX}burst:${n}`;
export const END_MARK = `${MARK_PREFIX}end`;

/** The fields of Chrome's trace event format this file reads. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts?: number;
  dur?: number;
  /** Thread (CPU) duration of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export interface LongTask {
  /** From the phase's start, ms. */
  atMs: number;
  durationMs: number;
  /** The extension's wall-clock time inside it, ms. */
  extensionMs: number;
  /** The extension's CPU time inside it (see above), ms: what causedByExtension reads. */
  extensionCpuMs: number;
  /** extensionCpuMs ≥ durationMs / 2, or durationMs − extensionCpuMs ≤ LONG_TASK_MS and extensionCpuMs ≥ GRAZE_MS. */
  causedByExtension: boolean;
  /** Not long without the extension's time, which is under GRAZE_MS (and under half the task). */
  tippedOverByExtension: boolean;
}

export interface PhaseMetrics {
  /** 'initial' or 'burst <n>'. */
  phase: string;
  windowMs: number;
  /** Union of the main thread's top-level tasks in the window, ms. */
  mainThreadBusyMs: number;
  tasks: number;
  /** The extension's main-thread time (script events ∪ profiler samples), ms. */
  extensionMs: number;
  /** Of which covered by script events with the extension's URL. */
  extensionScriptEventsMs: number;
  /** Of which only seen in profiler samples (microtasks and the like). */
  extensionSamplesOnlyMs: number;
  /** Thread (CPU) time of the extension's script events (their tdur), ms: less sensitive to a busy machine than wall time. */
  extensionScriptCpuMs: number;
  /**
   * Blink computing every IntersectionObserver of the page (the page's own and the content
   * script's) in the rendering updates of the window, ms. Not script, so not in extensionMs: the
   * difference to the baseline is what the extension's observers cost.
   */
  intersectionObserversMs: number;
  longTasks: LongTask[];
}

export interface TraceAnalysis {
  renderer: { pid: number; tid: number };
  /** Median time between CPU profiler samples, µs (undefined: no samples). */
  sampleIntervalUs?: number;
  samples: number;
  extensionSamples: number;
  phases: PhaseMetrics[];
  /** Things that make the figures less certain (no samples, a missing mark, ...). */
  warnings: string[];
}

type Interval = [number, number];

/** Sorted, non-overlapping. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Sorted by start, without the intervals that start inside an earlier one. */
function topLevel(intervals: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0] || y[1] - x[1])) {
    const last = out[out.length - 1];
    if (last && a < last[1]) {
      last[1] = Math.max(last[1], b);
      continue;
    }
    out.push([a, b]);
  }
  return out;
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

function subtract(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let from = start;
    while (j < b.length && b[j]![1] <= from) j++;
    let k = j;
    while (k < b.length && b[k]![0] < end) {
      if (b[k]![0] > from) out.push([from, b[k]![0]]);
      from = Math.max(from, b[k]![1]);
      k++;
    }
    if (from < end) out.push([from, end]);
  }
  return out;
}

function total(intervals: Interval[]): number {
  return intervals.reduce((sum, [a, b]) => sum + (b - a), 0);
}

function within(intervals: Interval[], window: Interval): number {
  return total(intersect(intervals, [window]));
}

const ms = (us: number): number => Math.round(us / 10) / 100;

function data(event: TraceEvent): Record<string, unknown> {
  const d = event.args?.data;
  return d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
}

/** The script URL an event is about, if any (FunctionCall and EvaluateScript: data.url; v8.*: fileName). */
function scriptUrl(event: TraceEvent): string | undefined {
  const url = data(event).url ?? event.args?.fileName;
  return typeof url === 'string' ? url : undefined;
}

/** CDP Profiler.Profile, the fields read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Sample times (µs, trace clock), sorted, and whether each has an extension frame on its stack. */
function profileSamples(profile: CpuProfile, isExtension: (url: string) => boolean): { at: number; ext: boolean }[] {
  const parent = new Map<number, number>();
  const url = new Map<number, string>();
  for (const node of profile.nodes) {
    url.set(node.id, node.callFrame.url);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const extNode = new Map<number, boolean>();
  const nodeIsExt = (id: number): boolean => {
    const chain: number[] = [];
    let current: number | undefined = id;
    let result = false;
    while (current !== undefined) {
      const cached = extNode.get(current);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      chain.push(current);
      const u = url.get(current);
      if (u && isExtension(u)) {
        result = true;
        break;
      }
      current = parent.get(current);
    }
    for (const n of chain) extNode.set(n, result);
    return result;
  };
  let at = profile.startTime;
  const deltas = profile.timeDeltas ?? [];
  const out = (profile.samples ?? []).map((node, i) => {
    at += deltas[i] ?? 0;
    return { at, ext: nodeIsExt(node) };
  });
  return out.sort((a, b) => a.at - b.at);
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface AnalyzeOptions {
  /** 'chrome-extension://<id>' (no trailing slash); omitted for a baseline run (no extension). */
  extensionOrigin?: string;
  /** A substring of the measured document's URL, e.g. 'bench=synthetic'. */
  documentUrlIncludes: string;
  /** How many bursts the run made (their marks are expected). */
  bursts: number;
}

/** Blink's event for one rendering update's IntersectionObserver work (category devtools.timeline). */
const INTERSECTIONS_EVENT = 'IntersectionObserverController::computeIntersections';

export function analyzeTrace(events: readonly TraceEvent[], options: AnalyzeOptions, profile?: CpuProfile): TraceAnalysis {
  const warnings: string[] = [];
  const navigation = events.find((e) => {
    if (e.name !== 'navigationStart' || !e.cat?.includes('blink.user_timing')) return false;
    const url = data(e).documentLoaderURL;
    return typeof url === 'string' && url.includes(options.documentUrlIncludes);
  });
  if (!navigation || navigation.ts === undefined) throw new Error(`trace: no navigationStart for a document whose URL has "${options.documentUrlIncludes}"`);
  const { pid, tid } = navigation;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid);

  const markAt = (name: string): number | undefined => onThread.find((e) => e.name === name && e.cat?.includes('blink.user_timing'))?.ts;
  // The thread's top-level tasks (a nested one, from a nested run loop, lies inside its parent).
  // DevTools reads 'RunTask' (disabled-by-default-devtools.timeline, a heavy category); the
  // scheduler's own event for the same task is 'ThreadControllerImpl::RunTask' (toplevel).
  const taskName = onThread.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks = topLevel(
    onThread.filter((e) => e.ph === 'X' && e.name === taskName && e.ts !== undefined && e.dur !== undefined).map((e): Interval => [e.ts!, e.ts! + e.dur!]),
  );
  if (tasks.length === 0) warnings.push('no task events on the page thread');
  const topTasks = merge(tasks);
  // A phase starts with the task that made its mark (the burst's own task belongs to the burst).
  const taskStartAt = (at: number): number => tasks.find(([a, b]) => a <= at && at < b)?.[0] ?? at;

  const boundaries: { phase: string; at: number }[] = [{ phase: 'initial', at: navigation.ts }];
  for (let n = 1; n <= options.bursts; n++) {
    const at = markAt(BURST_MARK(n));
    if (at === undefined) throw new Error(`trace: no ${BURST_MARK(n)} mark on the page's main thread`);
    boundaries.push({ phase: `burst ${n}`, at: taskStartAt(at) });
  }
  const endMark = markAt(END_MARK);
  if (endMark === undefined) throw new Error(`trace: no ${END_MARK} mark on the page's main thread`);
  const end = taskStartAt(endMark);

  const origin = options.extensionOrigin;
  const isExtension = (url: string): boolean => origin !== undefined && url.startsWith(`${origin}/`);
  const extensionEvents =
    origin === undefined
      ? []
      : onThread
          .filter((e) => e.ph === 'X' && e.ts !== undefined && e.dur !== undefined)
          .filter((e) => {
            const url = scriptUrl(e);
            return url !== undefined && isExtension(url);
          });
  const scriptEvents = merge(extensionEvents.map((e): Interval => [e.ts!, e.ts! + e.dur!]));
  // Thread time of the outermost extension events (a nested one's time is in its parent's).
  const cpuAt: { at: number; us: number }[] = [];
  let outerEnd = -Infinity;
  for (const e of [...extensionEvents].sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!)) {
    if (e.ts! < outerEnd) continue;
    outerEnd = e.ts! + e.dur!;
    cpuAt.push({ at: e.ts!, us: Math.min(e.tdur ?? e.dur!, e.dur!) });
  }
  const intersections = merge(
    onThread
      .filter((e) => e.ph === 'X' && e.name === INTERSECTIONS_EVENT && e.ts !== undefined && e.dur !== undefined)
      .map((e): Interval => [e.ts!, e.ts! + e.dur!]),
  );
  const samples = profile ? profileSamples(profile, isExtension) : [];
  if (samples.length === 0) warnings.push('no CPU profile samples: microtasks are not attributed');
  const gaps = samples.slice(1).map((s, i) => s.at - samples[i]!.at);
  const sampleIntervalUs = median(gaps);
  const capUs = 2 * (sampleIntervalUs ?? 0);
  const sampleIntervals: Interval[] = [];
  const inScriptEvent = (at: number): boolean => scriptEvents.some(([a, b]) => a <= at && at < b);
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (!s.ext || inScriptEvent(s.at)) continue;
    const next = samples[i + 1]?.at ?? s.at + capUs;
    sampleIntervals.push([s.at, Math.min(next, s.at + capUs)]);
  }
  // Samples taken inside an extension script event are already counted by it (and must not carry
  // its time past the event's end); the others stand for what the events miss.
  const sampled = subtract(intersect(merge(sampleIntervals), topTasks), scriptEvents);
  const extension = merge([...scriptEvents, ...sampled]);
  const samplesOnly = sampled;

  const phases: PhaseMetrics[] = boundaries.map(({ phase, at }, i) => {
    const until = boundaries[i + 1]?.at ?? end;
    const window: Interval = [at, until];
    const inWindow = intersect(topTasks, [window]);
    const longTasks = tasks
      .filter(([a, b]) => a >= at && a < until && b - a > LONG_TASK_MS * 1000)
      .map(([a, b]): LongTask => {
        const extUs = within(extension, [a, b]);
        const cpuUs = cpuAt.filter((c) => c.at >= a && c.at < b).reduce((sum, c) => sum + c.us, 0) + within(samplesOnly, [a, b]);
        const longOnlyWithIt = cpuUs > 0 && b - a - cpuUs <= LONG_TASK_MS * 1000;
        const caused = cpuUs >= (b - a) / 2 || (longOnlyWithIt && cpuUs >= GRAZE_MS * 1000);
        return {
          atMs: ms(a - at),
          durationMs: ms(b - a),
          extensionMs: ms(extUs),
          extensionCpuMs: ms(cpuUs),
          causedByExtension: caused,
          tippedOverByExtension: longOnlyWithIt && !caused,
        };
      });
    return {
      phase,
      windowMs: ms(until - at),
      mainThreadBusyMs: ms(total(inWindow)),
      tasks: inWindow.length,
      extensionMs: ms(within(extension, window)),
      extensionScriptEventsMs: ms(within(scriptEvents, window)),
      extensionSamplesOnlyMs: ms(within(samplesOnly, window)),
      extensionScriptCpuMs: ms(cpuAt.filter((c) => c.at >= at && c.at < until).reduce((sum, c) => sum + c.us, 0)),
      intersectionObserversMs: ms(within(intersections, window)),
      longTasks,
    };
  });

  return {
    renderer: { pid, tid },
    sampleIntervalUs,
    samples: samples.length,
    extensionSamples: samples.filter((s) => s.ext).length,
    phases,
    warnings,
  };
}

/** The events of a trace file's JSON (`{"traceEvents": [...]}` or a bare array). */
export function traceEventsOf(json: string): TraceEvent[] {
  const parsed = JSON.parse(json) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
