/** Summaries of a list of timings (milliseconds). */

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Nearest-rank 90th percentile; only given from MIN_RUNS_FOR_P90 runs on (fewer make it the max). */
  p90?: number;
}

export const MIN_RUNS_FOR_P90 = 10;

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (i: number): number => sorted[Math.min(Math.max(i, 0), sorted.length - 1)]!;
  const middle = Math.floor(sorted.length / 2);
  // The mean of two middle values, rounded to drop float noise (37.650000000000006).
  const median = sorted.length % 2 === 1 ? at(middle) : Math.round(((at(middle - 1) + at(middle)) / 2) * 1000) / 1000;
  const summary: Summary = { runs: sorted.length, median, min: at(0), max: at(sorted.length - 1) };
  if (sorted.length >= MIN_RUNS_FOR_P90) summary.p90 = at(Math.ceil(0.9 * sorted.length) - 1);
  return summary;
}
