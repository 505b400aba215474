import { create } from 'zustand';
import type { ViewName } from '../../../shared/api';

interface UiData {
  view: ViewName;
  /** Bumped when a shortcut or the menu asks for a view, so its heading takes focus. */
  focusRequest: number;
  /** The Agent view chimes when a case reaches the signed-in agent (this workstation's choice). */
  newCaseSound: boolean;
}

interface UiActions {
  showView(view: ViewName, options?: { focus?: boolean }): void;
  setNewCaseSound(on: boolean): void;
}

/** Where this workstation keeps the sound choice: a preference of the screen, not desk data. */
export const NEW_CASE_SOUND_KEY = 'returndesk.newCaseSound';

function storedSound(): boolean {
  try {
    return window.localStorage.getItem(NEW_CASE_SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

export type UiState = UiData & UiActions;

// Who works at the agent desk is the window's session in main (auth-store), not remembered here.
const initial = (): UiData => ({ view: 'intake', focusRequest: 0, newCaseSound: storedSound() });

export const useUiStore = create<UiState>()((set) => ({
  ...initial(),
  setNewCaseSound(on) {
    try {
      window.localStorage.setItem(NEW_CASE_SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Storage refused (a locked-down profile): the choice lasts until the window closes.
    }
    set({ newCaseSound: on });
  },
  showView(view, options) {
    set((state) => ({
      view,
      focusRequest: options?.focus ? state.focusRequest + 1 : state.focusRequest,
    }));
  },
}));

export function resetUiStore(): void {
  useUiStore.setState(initial());
}
