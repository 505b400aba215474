// A window's bridge with its calls counted: which channels it read, and how many answers are
// still on their way, so a test can wait until the window has done reacting to an event.
import type { DeskApi } from '../../../shared/api';

export interface BridgeTap {
  reads: string[];
  inFlight: number;
}

/** Wraps `window.api` (the real core's bridge in component tests) so every call is counted. */
export function tapBridge(): BridgeTap {
  const api = window.api as DeskApi;
  const tap: BridgeTap = { reads: [], inFlight: 0 };
  window.api = {
    ...api,
    async invoke(channel, input) {
      tap.reads.push(channel);
      tap.inFlight += 1;
      try {
        return await api.invoke(channel, input);
      } finally {
        tap.inFlight -= 1;
      }
    },
  } satisfies DeskApi;
  return tap;
}

/** Until every event delivered and every read started has been handled. */
export async function settle(tap: Pick<BridgeTap, 'inFlight'>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await new Promise((next) => setTimeout(next, 0));
    if (tap.inFlight === 0) {
      await new Promise((next) => setTimeout(next, 0));
      if (tap.inFlight === 0) return;
    }
  }
  throw new Error('the window kept reading');
}
