/** Plain-text tables for the terminal. */
import type { BrowserKind } from '../../tests/harness/browsers';
import type { BuildSizes } from './bundle-sizes';
import type { Summary } from './stats';

export interface BrowserSummary {
  kind: BrowserKind;
  version: string;
  cold: Summary;
  warm: Summary;
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

/** Browsers as rows: cold and warm median/min/max (and p90 when there are enough runs), in ms. */
export function panelTimingTable(browsers: readonly BrowserSummary[]): string {
  const withP90 = browsers.some((b) => b.cold.p90 !== undefined);
  const columns = (label: string): string[] => [`${label} median`, `${label} min`, `${label} max`, ...(withP90 ? [`${label} p90`] : [])];
  const values = (s: Summary): string[] => [ms(s.median), ms(s.min), ms(s.max), ...(withP90 ? [s.p90 === undefined ? '-' : ms(s.p90)] : [])];
  const header = ['browser', ...columns('cold'), ...columns('warm'), 'runs'];
  const rows = browsers.map((b) => [`${b.kind} (${b.version})`, ...values(b.cold), ...values(b.warm), String(b.cold.runs)]);
  return table(header, rows);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/** First column left-aligned, the others (numbers) right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
