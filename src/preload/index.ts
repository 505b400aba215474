// The only bridge between page and main: invoke over contract channels, and
// two push subscriptions. No ipcRenderer, no Node object reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi, ViewName } from '../shared/api';
import { isChannelName } from '../shared/channels';
import { PUSH_CHANNELS, type ChangeEvent } from '../shared/events';

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: DeskApi = {
  invoke(channel, input) {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel' } });
    }
    return ipcRenderer.invoke(channel, input);
  },
  onChange: (listener) => subscribe<ChangeEvent>(PUSH_CHANNELS.changed, listener),
  onNavigate: (listener) => subscribe<ViewName>(PUSH_CHANNELS.navigate, listener),
};

contextBridge.exposeInMainWorld('api', api);
