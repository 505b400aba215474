// The only bridge between page and main: invoke over contract channels, and
// three push subscriptions. No ipcRenderer, no Node object reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../shared/api';
import { isChannelName } from '../shared/channels';
import { PUSH_CHANNELS, type DeskState, type PushEvent, type PushEvents } from '../shared/events';

function subscribe<E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: PushEvents[E]) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => {
    ipcRenderer.removeListener(event, wrapped);
  };
}

// The shell pushes the desk's state when the page loads, maybe before the page
// subscribes: the last one is kept here and handed to each new listener.
let deskState: DeskState | null = null;
const deskStateListeners = new Set<(state: DeskState) => void>();
subscribe(PUSH_CHANNELS.deskState, (state) => {
  deskState = state;
  for (const listener of [...deskStateListeners]) listener(state);
});

const api: DeskApi = {
  invoke(channel, input) {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  onChange: (listener) => subscribe(PUSH_CHANNELS.changed, listener),
  onNavigate: (listener) => subscribe(PUSH_CHANNELS.navigate, listener),
  onDeskState(listener) {
    deskStateListeners.add(listener);
    if (deskState) listener(deskState);
    return () => {
      deskStateListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
