/** A figure as the bench reports it: the median of several rounds, with their min and max. */
export interface Figure {
  median: number;
  min: number;
  max: number;
}

const sortedCopy = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100) of already sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  const sorted = sortedCopy(values);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function figure(rounds: readonly number[]): Figure {
  return { median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds) };
}

/** One round of latencies (ms): its p50, p99 and throughput (ops per second of timed work). */
export interface RoundLatency {
  p50: number;
  p99: number;
  opsPerS: number;
}

export function latencyRound(samplesMs: readonly number[]): RoundLatency {
  const sorted = sortedCopy(samplesMs);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    opsPerS: (sorted.length / total) * 1000,
  };
}

/** Per-round results folded into figures. */
export function latencyFigures(rounds: readonly RoundLatency[]): {
  p50: Figure;
  p99: Figure;
  opsPerS: Figure;
} {
  return {
    p50: figure(rounds.map((r) => r.p50)),
    p99: figure(rounds.map((r) => r.p99)),
    opsPerS: figure(rounds.map((r) => r.opsPerS)),
  };
}

export const elapsedMs = (start: number): number => performance.now() - start;
