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

/**
 * The other carrier (the benchmark's click timing): a CDP binding the harness installs on a
 * page before it loads (playwright's `exposeBinding`). A page that finds `invoke` sends its
 * calls through it (a message to the browser, then the DevTools pipe: the kind of path
 * Electron's IPC takes) instead of a fetch, which chromium runs only after the next frame
 * once the page has had input; and it takes change and navigate pushes from the harness on
 * `push(name, data)` (a CDP evaluate, `DeskServer.onPush`) instead of the event stream.
 */
export const BRIDGE_BINDINGS = { invoke: '__e2eInvoke', push: '__e2ePush' } as const;

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
