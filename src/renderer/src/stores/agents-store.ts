import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ChannelInput } from '../../../shared/contract';
import type { AgentDto } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { call, callDraft, type Draft } from '../lib/api';
import { Latest, type LoadStatus } from './load-state';

interface AgentsData {
  agents: AgentDto[];
  status: LoadStatus;
  error: AppError | null;
}

interface AgentsActions {
  load(): Promise<void>;
  /** Reloads only if something on screen has asked for the agents. */
  refresh(): Promise<void>;
  create(draft: Draft<'agents.create'>): ReturnType<typeof callDraft<'agents.create'>>;
  update(draft: Draft<'agents.update'>): ReturnType<typeof callDraft<'agents.update'>>;
  setOnDuty(input: ChannelInput<'agents.setOnDuty'>): ReturnType<typeof call<'agents.setOnDuty'>>;
  remove(id: number): ReturnType<typeof call<'agents.remove'>>;
  setPin(draft: Draft<'agents.setPin'>): ReturnType<typeof callDraft<'agents.setPin'>>;
}

export type AgentsState = AgentsData & AgentsActions;

const initial: AgentsData = { agents: [], status: 'idle', error: null };
const latest = new Latest();

// Writes do not patch the list: the change event that follows every commit
// reloads it, so there is one path by which the screen learns anything.
export const useAgentsStore = create<AgentsState>()((set, get) => ({
  ...initial,
  async load() {
    const isLatest = latest.ticket('list');
    if (get().status !== 'ready') set({ status: 'loading', error: null });
    const result = await call('agents.list');
    if (!isLatest()) return;
    set(
      result.ok
        ? { agents: result.data, status: 'ready', error: null }
        : { status: 'error', error: result.error },
    );
  },
  async refresh() {
    if (get().status !== 'idle') await get().load();
  },
  create: (draft) => callDraft('agents.create', draft),
  update: (draft) => callDraft('agents.update', draft),
  setOnDuty: (input) => call('agents.setOnDuty', input),
  remove: (id) => call('agents.remove', { id }),
  setPin: (draft) => callDraft('agents.setPin', draft),
}));

export function resetAgentsStore(): void {
  latest.reset();
  useAgentsStore.setState(initial);
}

// ---- selectors ----

/** Free means what main says it means: on duty with a `freeSince`. */
export const isFree = (agent: AgentDto): boolean => agent.onDuty && agent.freeSince !== null;

/** The agents, loaded on first use; the change events keep them fresh afterwards. */
export function useAgents(): Pick<AgentsState, 'agents' | 'status' | 'error' | 'load'> {
  const slice = useAgentsStore(
    useShallow((s) => ({ agents: s.agents, status: s.status, error: s.error, load: s.load })),
  );
  const { status, load } = slice;
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  return slice;
}
