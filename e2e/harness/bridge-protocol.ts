// What the page's bridge and the harness server say to each other.
import type { ChannelName } from '../../src/shared/contract';

export const BRIDGE_ROUTES = {
  script: '/__e2e/bridge.js',
  invoke: '/__e2e/invoke',
  events: '/__e2e/events',
} as const;

/** Server-sent event names on BRIDGE_ROUTES.events. */
export type BridgeEventName = 'ready' | 'change' | 'navigate';

export interface InvokeBody {
  channel: ChannelName;
  input?: unknown;
}

/** Set on `window.__e2eBridge`, so the harness knows when pushes can reach the page. */
export interface BridgeState {
  connected: boolean;
}
