// What the page's bridge and the harness server say to each other.
import type { ChannelName } from '../../src/shared/contract';

export const BRIDGE_ROUTES = {
  script: '/__e2e/bridge.js',
  /**
   * POST: opens this page's session in the core; answers `SessionReply`. The waiting-area
   * display's page asks with `?role=display` (a session that can read only the board).
   */
  session: '/__e2e/session',
  invoke: '/__e2e/invoke',
  events: '/__e2e/events',
} as const;

/** Server-sent event names on BRIDGE_ROUTES.events. */
export type BridgeEventName = 'ready' | 'change' | 'navigate';

/** An opaque random id standing for one page's `Session`; the page never sees the session itself. */
export interface SessionReply {
  id: string;
}

export interface InvokeBody {
  channel: ChannelName;
  input?: unknown;
  /** The id this page got from BRIDGE_ROUTES.session; unknown or missing → FORBIDDEN. */
  session?: string;
}

/** Set on `window.__e2eBridge`, so the harness knows when pushes can reach the page. */
export interface BridgeState {
  connected: boolean;
}
