// The one subscription to main's change events: each committed write reloads
// whatever the screen shows of the entities it touched.
import { useEffect } from 'react';
import type { ChangeEvent } from '../../../shared/events';
import { onDeskChange } from '../lib/api';
import { patchAgents } from './agents-patch';
import { useAgentsStore } from './agents-store';
import { useAuthStore } from './auth-store';
import { activeInStep, useCasesStore } from './cases-store';
import { followCases, useCategoriesStore } from './categories-store';
import { useCustomersStore } from './customers-store';
import { loadDeskLanguage } from '../i18n/i18n-store';

export function applyChange(event: ChangeEvent): void {
  const touched = new Set(event.entities);
  if (touched.has('agents')) {
    const agents = useAgentsStore.getState();
    // Patched from the event's agent rows; read again only when they cannot be placed for certain.
    const read = agents.follow((list) => patchAgents(list, event));
    // A signed-in agent who was just removed is back at front desk: the sign-in form says so.
    // Removal is the only change that ends an agent's session, and it takes them off the list
    // (patched or read) just now: main's standing is asked then (or when this window has no list to tell),
    // not on every hand-over, create and resolve.
    const { session } = useAuthStore.getState();
    if (session.role === 'agent') {
      const listed = agents.list.status !== 'idle';
      void read.then(() => {
        const { list } = useAgentsStore.getState();
        if (!listed || list.status !== 'ready' || !list.data.some((agent) => agent.id === session.agentId))
          void useAuthStore.getState().refresh();
      });
    }
  }
  // Every event, in order: the active cases follow main's change seq (a gap means one was
  // missed, and they are read again). Case rows carry customer names too.
  void useCasesStore.getState().refresh(event);
  if (touched.has('customers')) void useCustomersStore.getState().refresh();
  // Each category counts its agents (skills change as 'categories') and its waiting cases: those
  // follow from the active cases, just patched above from this event.
  if (touched.has('categories') || event.reload) void useCategoriesStore.getState().refresh();
  else if (touched.has('cases')) void followCases(activeInStep());
  // The desk's language may have changed (a supervisor's choice in Admin): every window follows.
  if (touched.has('settings')) void loadDeskLanguage();
}

export function connectLive(): () => void {
  return onDeskChange(applyChange);
}

/** Mount once at the top of the tree. */
export function useLiveDesk(): void {
  useEffect(() => {
    const stop = connectLive();
    // The page read the desk's language before it could hear changes (main.tsx): one made in
    // between (a supervisor in another window) reached no listener, so it is read again now.
    // The active cases need no such step: their seq shows a missed event.
    void loadDeskLanguage();
    return stop;
  }, []);
}
