// Runs in the page, in place of the Electron preload: the same `window.api`
// (`DeskApi`), carried over HTTP instead of IPC. At load the page asks for its
// own session (POST /__e2e/session), as the shell opens one per webContents;
// calls POST to /__e2e/invoke with that session's id; change and navigate
// pushes arrive as server-sent events on /__e2e/events. Where the harness installed the
// CDP carrier first (cdp-carrier.ts: the click timing), calls and pushes go that way instead.
// Type-only imports: the harness serves this file transpiled, as a classic
// script that runs before the app's module script.
import type { DeskApi, ViewName } from '../../src/shared/api';
import type { ChangeEvent } from '../../src/shared/events';
import type { Result } from '../../src/shared/result';
import type {
  BRIDGE_BINDINGS,
  BRIDGE_ROUTES,
  BridgeEventName,
  BridgeState,
  InvokeBody,
  SessionReply,
} from './bridge-protocol';

// Type-checked with the Node project: declare the browser globals this file touches.
declare const window: {
  api?: DeskApi;
  __e2eBridge?: BridgeState;
  __e2eInvoke?: (body: InvokeBody) => Promise<Result<never>>;
  __e2ePush?: (name: BridgeEventName, data: string) => void;
};
declare const location: { pathname: string };
declare class EventSource {
  constructor(url: string);
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
}

// Literal types: a route renamed in bridge-protocol.ts fails the type check here.
const SESSION_ROUTE: (typeof BRIDGE_ROUTES)['session'] = '/__e2e/session';
const INVOKE_ROUTE: (typeof BRIDGE_ROUTES)['invoke'] = '/__e2e/invoke';
const EVENTS_ROUTE: (typeof BRIDGE_ROUTES)['events'] = '/__e2e/events';
const INVOKE_BINDING: (typeof BRIDGE_BINDINGS)['invoke'] = '__e2eInvoke';
const PUSH_HOOK: (typeof BRIDGE_BINDINGS)['push'] = '__e2ePush';
// Installed by the harness before any script of the page runs, or never.
const binding = window[INVOKE_BINDING];
const changeListeners = new Set<(event: ChangeEvent) => void>();
const navigateListeners = new Set<(view: ViewName) => void>();
const state: BridgeState = { connected: false };
window.__e2eBridge = state;

// One session per page, asked for before the app runs; its id stays in this
// closure (not on window). Unobtainable, calls go without one and main refuses them.
// The waiting-area display's page gets a display session, as the shell gives its window one.
const role = location.pathname.endsWith('/display.html') ? '?role=display' : '';
const session: Promise<string | undefined> = fetch(`${SESSION_ROUTE}${role}`, { method: 'POST' })
  .then(async (response) => ((await response.json()) as SessionReply).id)
  .catch(() => undefined);

// One stream per page, opened before the app runs, as the preload's ipcRenderer is.
const events = new EventSource(EVENTS_ROUTE);
const on = (name: BridgeEventName, listener: (data: string) => void) =>
  events.addEventListener(name, (message) => listener(message.data));
on('ready', () => {
  state.connected = true;
});
/** A change or navigate push, its data as the server frames it (JSON). */
const receive = (name: BridgeEventName, data: string) => {
  if (name === 'change') {
    const change = JSON.parse(data) as ChangeEvent;
    for (const listener of [...changeListeners]) listener(change);
  } else if (name === 'navigate') {
    const view = JSON.parse(data) as ViewName;
    for (const listener of [...navigateListeners]) listener(view);
  }
};
// With the binding carrier the harness hands pushes over CDP too (the stream's copies are
// left unread, so each arrives once).
if (binding) window[PUSH_HOOK] = receive;
else {
  on('change', (data) => receive('change', data));
  on('navigate', (data) => receive('navigate', data));
}

function subscribe<T>(listeners: Set<(payload: T) => void>, listener: (payload: T) => void): () => void {
  // Wrapped, like the preload, so one listener added twice is two subscriptions.
  const wrapped = (payload: T) => listener(payload);
  listeners.add(wrapped);
  return () => {
    listeners.delete(wrapped);
  };
}

const api: DeskApi = {
  async invoke(channel, input) {
    const body: InvokeBody = { channel, input, session: await session };
    if (binding) return binding(body);
    const response = await fetch(INVOKE_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    // The server answers every call with a Result, as ipcMain.handle would.
    return (await response.json()) as Result<never>;
  },
  onChange: (listener) => subscribe(changeListeners, listener),
  onNavigate: (listener) => subscribe(navigateListeners, listener),
  // The harness opens its core before serving the page: the desk is always open here.
  onDeskState: (listener) => {
    listener('open');
    return () => {};
  },
};

// contextBridge hands the page a frozen copy; so does this.
window.api = Object.freeze(api);
