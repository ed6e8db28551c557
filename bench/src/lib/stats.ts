// Percentiles and number formatting shared by the benches.

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** A number rounded for a table: 2 decimals below 10, 1 below 1000, none above. */
export const round = (x: number) => (!Number.isFinite(x) ? x : Math.abs(x) < 10 ? +x.toFixed(2) : Math.abs(x) < 1000 ? +x.toFixed(1) : Math.round(x));

/** Milliseconds on the monotonic clock, comparable between processes on one machine (CLOCK_MONOTONIC). */
export const monoMs = () => Number(process.hrtime.bigint()) / 1e6;

/** The 1-minute load average and the CPU count, to print next to figures measured on a shared machine. */
export const machineLoad = async () => {
  const { loadavg, cpus } = await import('node:os');
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs`;
};
