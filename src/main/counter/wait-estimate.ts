// The estimated wait of a queued case (issue 15): a pure function of its place in the queue, the
// agents on duty and the recent average handle time. The formula and how well it does on a
// scripted day are in docs/WAIT-ESTIMATE.md; wait-estimate.sim.test.ts measures it.
import type { WaitEstimate } from '../../shared/counter';

/** How many resolved cases the average handle time looks back over. */
export const HANDLE_SAMPLE = 20;
/** The handle time assumed before the desk has resolved anything: 10 minutes. */
export const DEFAULT_HANDLE_MS = 10 * 60_000;
/** How wide the range is, in standard deviations of the time until the case's turn. */
export const SPREAD_SDS = 0.5;

export interface WaitInputs {
  /** 1-based place in the queue. */
  position: number;
  /** Agents on duty (busy or not). Skills are ignored: every agent counts for every case. */
  agentsOnDuty: number;
  /** Average handle time (assigned → resolved) of the last HANDLE_SAMPLE resolved cases. */
  averageHandleMs: number;
}

/**
 * While a case waits every agent on duty is busy (the engine is work-conserving), so it is served
 * when `position` agents have freed up. Agents finish about `n` cases per handle time `h`, so the
 * p-th free-up comes after about `(p − ½)·h/n` (the half: the agents are already part-way through
 * their cases), give or take `√p·h/n` (free-ups arrive unevenly; the spread of the p-th of a
 * Poisson stream). The range is the mean ± SPREAD_SDS of that, rounded outwards to 5 minutes
 * (15 past an hour). Null when nobody is on duty: then nobody can say.
 */
export function estimateWait({ position, agentsOnDuty, averageHandleMs }: WaitInputs): WaitEstimate | null {
  if (agentsOnDuty < 1 || position < 1 || !Number.isFinite(averageHandleMs)) return null;
  const h = Math.max(averageHandleMs, 60_000) / 60_000;
  const perTurn = h / agentsOnDuty;
  const mean = (position - 0.5) * perTurn;
  const spread = SPREAD_SDS * Math.sqrt(position) * perTurn;
  return roundedRange(Math.max(0, mean - spread), mean + spread);
}

function roundedRange(low: number, high: number): WaitEstimate {
  const step = (minutes: number) => (minutes >= 60 ? 15 : 5);
  let lowMinutes = Math.floor(low / step(low)) * step(low);
  let highMinutes = Math.ceil(high / step(high)) * step(high);
  if (highMinutes <= lowMinutes) highMinutes = lowMinutes + step(lowMinutes);
  if (lowMinutes < 0) lowMinutes = 0;
  return { lowMinutes, highMinutes };
}

/** Average of the durations given (ms), or the default when there are none. */
export function averageHandleMs(durationsMs: readonly number[]): number {
  const valid = durationsMs.filter((d) => Number.isFinite(d) && d >= 0);
  if (valid.length === 0) return DEFAULT_HANDLE_MS;
  return valid.reduce((sum, d) => sum + d, 0) / valid.length;
}
