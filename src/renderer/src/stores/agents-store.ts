import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ChannelInput } from '../../../shared/contract';
import type { AgentDto } from '../../../shared/domain';
import { call, callDraft, type Draft } from '../lib/api';
import { idle, Latest, loadInto, type Loadable } from './load-state';

interface AgentsData {
  list: Loadable<AgentDto[]>;
}

interface AgentsActions {
  load(): Promise<void>;
  /** Reloads only if something on screen has asked for the agents. */
  refresh(): Promise<void>;
}

export type AgentsState = AgentsData & AgentsActions;

const initial: AgentsData = { list: idle([]) };
const latest = new Latest();

export const useAgentsStore = create<AgentsState>()((set, get) => ({
  ...initial,
  async load() {
    await loadInto({
      latest,
      key: 'list',
      read: () => get().list,
      write: (list) => set({ list }),
      fetch: () => call('agents.list'),
      pick: (agents) => agents,
    });
  },
  async refresh() {
    if (get().list.status !== 'idle') await get().load();
  },
}));

export function resetAgentsStore(): void {
  latest.reset();
  useAgentsStore.setState(initial);
}

// ---- writes ----
// Plain functions, not store actions: they hold no state. Nor do they patch the list: the
// change event that follows every commit reloads it, so there is one path by which the
// screen learns anything.

export const createAgent = (draft: Draft<'agents.create'>) => callDraft('agents.create', draft);
export const updateAgent = (draft: Draft<'agents.update'>) => callDraft('agents.update', draft);
export const setAgentOnDuty = (input: ChannelInput<'agents.setOnDuty'>) => call('agents.setOnDuty', input);
export const removeAgent = (id: number) => call('agents.remove', { id });
export const setAgentPin = (draft: Draft<'agents.setPin'>) => callDraft('agents.setPin', draft);

// ---- selectors ----

/** Free means what main says it means: on duty with a `freeSince`. */
export const isFree = (agent: AgentDto): boolean => agent.onDuty && agent.freeSince !== null;

/** The agents as last loaded (none before the first load). */
export const selectAgents = (state: AgentsState): AgentDto[] => state.list.data;

/** The agents, loaded on first use; the change events keep them fresh afterwards. */
export function useAgents(): Loadable<AgentDto[]> & Pick<AgentsState, 'load'> {
  const slice = useAgentsStore(useShallow((s) => ({ ...s.list, load: s.load })));
  const { status, load } = slice;
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  return slice;
}
