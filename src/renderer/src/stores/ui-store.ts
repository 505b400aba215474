import { create } from 'zustand';
import type { ViewName } from '../../../shared/api';

interface UiData {
  view: ViewName;
  /** Bumped when a shortcut or the menu asks for a view, so its heading takes focus. */
  focusRequest: number;
}

interface UiActions {
  showView(view: ViewName, options?: { focus?: boolean }): void;
}

export type UiState = UiData & UiActions;

// Who works at the agent desk is the window's session in main (auth-store), not remembered here.
const initial: UiData = { view: 'intake', focusRequest: 0 };

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  showView(view, options) {
    set((state) => ({
      view,
      focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
    }));
  },
}));

export function resetUiStore(): void {
  useUiStore.setState(initial);
}
