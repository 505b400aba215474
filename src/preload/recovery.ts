// The recovery page's only bridge to main: three calls, no push, no Node object.
import { contextBridge, ipcRenderer } from 'electron';
import { RECOVERY_CHANNELS, type RecoveryApi } from '../shared/recovery';

const recovery: RecoveryApi = {
  choices: () => ipcRenderer.invoke(RECOVERY_CHANNELS.choices),
  restore: (input) => ipcRenderer.invoke(RECOVERY_CHANNELS.restore, input),
  cancel: () => ipcRenderer.invoke(RECOVERY_CHANNELS.cancel),
};

contextBridge.exposeInMainWorld('recovery', recovery);
