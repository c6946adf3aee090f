/** Plain-text tables for the terminal. */
import type { BrowserKind } from '../../tests/harness/browsers';
import type { BuildSizes } from './bundle-sizes';
import type { Summary } from './stats';

export interface LiveRequestSummary {
  /** API requests per lookup of the title, all hosts. */
  total: Summary;
  /** Per host, in the order to show them; a host missing from a run counts 0 there. */
  byHost: Record<string, Summary>;
}

export interface LiveBrowserSummary {
  kind: BrowserKind;
  version: string;
  coldMs: Summary;
  cachedMs: Summary;
  requestsPerTitle: { cold: LiveRequestSummary; cached: LiveRequestSummary };
}

export interface BrowserSummary {
  kind: BrowserKind;
  version: string;
  cold: Summary;
  warm: Summary;
  /** Warm runs: modal open → the modal itself painted (the site's own). */
  warmModalPaint: Summary;
}

/** Bundles as rows, one raw and one gzip column per build. */
export function bundleSizeTable(builds: readonly BuildSizes[]): string {
  const bundleNames = builds[0]?.bundles.map((b) => b.bundle) ?? [];
  const header = ['bundle', ...builds.flatMap((b) => [`${b.build} raw`, `${b.build} gzip -9`])];
  const rows = bundleNames.map((name) => [
    name,
    ...builds.flatMap((build) => {
      const bundle = build.bundles.find((b) => b.bundle === name);
      return bundle ? [kib(bundle.rawBytes), kib(bundle.gzipBytes)] : ['-', '-'];
    }),
  ]);
  return table(header, rows);
}

/**
 * Browsers as rows: cold and warm median/min/max (and p90 when there are enough runs), in ms, and
 * the site's own time to paint the modal in the warm runs.
 */
export function panelTimingTable(browsers: readonly BrowserSummary[]): string {
  const withP90 = browsers.some((b) => b.cold.p90 !== undefined);
  const columns = (label: string): string[] => [`${label} median`, `${label} min`, `${label} max`, ...(withP90 ? [`${label} p90`] : [])];
  const values = (s: Summary): string[] => [ms(s.median), ms(s.min), ms(s.max), ...(withP90 ? [s.p90 === undefined ? '-' : ms(s.p90)] : [])];
  const header = ['browser', ...columns('cold'), ...columns('warm'), 'modal itself (warm) median', 'runs'];
  const rows = browsers.map((b) => [`${b.kind} (${b.version})`, ...values(b.cold), ...values(b.warm), ms(b.warmModalPaint.median), String(b.cold.runs)]);
  return table(header, rows);
}

/** Browsers as rows: the added latency, cold and cached median/min/max, API requests per title. */
export function liveTimingTable(browsers: readonly LiveBrowserSummary[], addedLatencyMs: number): string {
  const columns = (label: string): string[] => [`${label} median`, `${label} min`, `${label} max`];
  const values = (s: Summary): string[] => [ms(s.median), ms(s.min), ms(s.max)];
  const header = ['browser', 'added latency', ...columns('cold'), ...columns('cached'), 'requests cold', 'requests cached', 'runs'];
  const rows = browsers.map((b) => [
    `${b.kind} (${b.version})`,
    `${addedLatencyMs} ms/req`,
    ...values(b.coldMs),
    ...values(b.cachedMs),
    count(b.requestsPerTitle.cold.total),
    count(b.requestsPerTitle.cached.total),
    String(b.coldMs.runs),
  ]);
  return table(header, rows);
}

/** One row per browser and API host (and one for all hosts): requests per title, cold and cached. */
export function liveRequestTable(browsers: readonly LiveBrowserSummary[]): string {
  const header = ['browser', 'host', 'cold', 'cached'];
  const rows = browsers.flatMap((b) => {
    const { cold, cached } = b.requestsPerTitle;
    const hosts = [...new Set([...Object.keys(cold.byHost), ...Object.keys(cached.byHost)])];
    const zero = (runs: number): Summary => ({ runs, median: 0, min: 0, max: 0 });
    return [
      ...hosts.map((host) => [b.kind, host, count(cold.byHost[host] ?? zero(cold.total.runs)), count(cached.byHost[host] ?? zero(cached.total.runs))]),
      [b.kind, 'all API hosts', count(cold.total), count(cached.total)],
    ];
  });
  return table(header, rows, 2);
}

/** A request count's median, with [min–max] when the runs did not all agree. */
function count(s: Summary): string {
  return s.min === s.max ? String(s.median) : `${s.median} [${s.min}–${s.max}]`;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** The first `leftColumns` columns left-aligned (names), the others (numbers) right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, col) => (col < leftColumns ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
