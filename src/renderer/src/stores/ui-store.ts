import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ViewName } from '../../../shared/api';

interface UiData {
  view: ViewName;
  /** Who uses the agent view on this workstation; remembered across restarts. */
  meAgentId: number | null;
  /** Bumped when a shortcut or the menu asks for a view, so its heading takes focus. */
  focusRequest: number;
}

interface UiActions {
  showView(view: ViewName, options?: { focus?: boolean }): void;
  setMe(agentId: number | null): void;
}

export type UiState = UiData & UiActions;

const initial: UiData = { view: 'intake', meAgentId: null, focusRequest: 0 };
export const UI_STORAGE_KEY = 'returndesk.ui';

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      ...initial,
      showView(view, options) {
        set((state) => ({
          view,
          focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
        }));
      },
      setMe(agentId) {
        set({ meAgentId: agentId });
      },
    }),
    {
      name: UI_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ meAgentId: state.meAgentId }),
    },
  ),
);

export function resetUiStore(): void {
  localStorage.removeItem(UI_STORAGE_KEY);
  useUiStore.setState(initial);
}
