// window.api backed by the REAL core on a temp SQLite file, shaped like IPC:
// every input and output is structured-cloned, change events arrive async.
import type { DeskApi, ViewName } from '../../../shared/api';
import type { ChangeEvent } from '../../../shared/events';
import { openTempCore, type TempCore } from '../../../main/test/temp-core';

export interface RealDesk {
  core: TempCore;
  /** What the application menu would send. */
  navigate(view: ViewName): void;
  /** How many change listeners are attached (to prove unsubscribe works). */
  listenerCount(): number;
  dispose(): Promise<void>;
}

export async function installRealApi(): Promise<RealDesk> {
  const core = await openTempCore();
  const navListeners = new Set<(view: ViewName) => void>();
  let listeners = 0;
  const api: DeskApi = {
    async invoke(channel, input) {
      const result = await core.dispatch(channel, structuredClone(input));
      return structuredClone(result);
    },
    onChange(listener) {
      listeners += 1;
      const off = core.onChange((event: ChangeEvent) => {
        const copy = structuredClone(event);
        queueMicrotask(() => listener(copy));
      });
      let live = true;
      return () => {
        if (!live) return;
        live = false;
        listeners -= 1;
        off();
      };
    },
    onNavigate(listener) {
      navListeners.add(listener);
      return () => navListeners.delete(listener);
    },
  };
  window.api = api;
  return {
    core,
    navigate(view) {
      for (const listener of navListeners) listener(structuredClone(view));
    },
    listenerCount: () => listeners,
    async dispose() {
      Reflect.deleteProperty(window, 'api');
      await core.dispose();
    },
  };
}
