// The only bridge between page and main: invoke over contract channels, and
// three push subscriptions. No ipcRenderer, no Node object reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi, ViewName } from '../shared/api';
import { isChannelName } from '../shared/channels';
import { PUSH_CHANNELS, type ChangeEvent, type DeskState } from '../shared/events';

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

// The shell pushes the desk's state when the page loads, maybe before the page
// subscribes: the last one is kept here and handed to each new listener.
let deskState: DeskState | null = null;
const deskStateListeners = new Set<(state: DeskState) => void>();
ipcRenderer.on(PUSH_CHANNELS.deskState, (_event: IpcRendererEvent, state: DeskState) => {
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
  onChange: (listener) => subscribe<ChangeEvent>(PUSH_CHANNELS.changed, listener),
  onNavigate: (listener) => subscribe<ViewName>(PUSH_CHANNELS.navigate, listener),
  onDeskState(listener) {
    deskStateListeners.add(listener);
    if (deskState) listener(deskState);
    return () => {
      deskStateListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
