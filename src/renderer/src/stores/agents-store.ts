import type { ChannelInput } from '../../../shared/contract';
import type { AgentDto } from '../../../shared/domain';
import { call, callDraft, type Draft } from '../lib/api';
import { createListStore, type ListState } from './list-store';

const agents = createListStore<AgentDto[]>(() => call('agents.list'), []);

export type AgentsState = ListState<AgentDto[]>;
export const useAgentsStore = agents.useStore;
export const resetAgentsStore = agents.reset;

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
export const useAgents = agents.useList;
