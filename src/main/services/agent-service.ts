import type { ParsedInput } from '../../shared/contract';
import type { AgentDto } from '../../shared/domain';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { conflict, invalid, notFound } from '../domain-error';
import { hashSecret } from '../auth/secrets';
import { requeueCase, runMatching } from '../engine/assignment-engine';
import type { Repositories, Tx } from '../db/unit-of-work';
import { checkSkills } from './category-service';

export async function getAgent(repos: Repositories, id: number): Promise<AgentDto> {
  const agent = await repos.agents.find(id);
  if (!agent) throw notFound(m('refusal.noAgent', { id }));
  return agent;
}

async function getActiveAgent(repos: Repositories, id: number): Promise<AgentDto> {
  const agent = await getAgent(repos, id);
  if (agent.removedAt) throw conflict(m('refusal.agentRemoved', { name: agent.name }));
  return agent;
}

/** How names compare: NFC, case folded, inner spaces collapsed ("ana  LIMA" is "Ana Lima"). */
export const agentNameKey = (name: string): string =>
  name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').normalize('NFC');

/** Two agents on the desk may not share a name: sign-in and the case list tell them apart by it. */
async function assertNameFree(repos: Repositories, name: string, selfId?: number): Promise<void> {
  const key = agentNameKey(name);
  const clash = (await repos.agents.activeNames()).find(
    (a) => a.id !== selfId && agentNameKey(a.name) === key,
  );
  if (clash) {
    throw conflict(m('refusal.agentNameTaken', { name: clash.name }), {
      name: m('refusal.agentNameTakenField', { name: clash.name }),
    });
  }
}

export async function createAgent(tx: Tx, input: ParsedInput<'agents.create'>): Promise<AgentDto> {
  await assertNameFree(tx, input.name);
  const onDuty = input.onDuty ?? true;
  if (onDuty && !input.pin) {
    // Without a PIN they would be given a case they cannot open.
    throw invalid(m('refusal.onDutyNeedsPin'), { pin: m('refusal.onDutyNeedsPinField') });
  }
  const id = await tx.agents.insert({
    name: input.name,
    title: input.title ?? '',
    onDuty,
    now: tx.now,
  });
  if (input.pin) await tx.agents.setPinHash(id, hashSecret(input.pin), tx.now);
  if (input.skills?.length) {
    await tx.categories.setSkills(id, await checkSkills(tx, input.skills));
    // Each category counts the agents who have it.
    tx.changed.touch('categories');
  }
  tx.changed.add('agents', id);
  await runMatching(tx);
  return getAgent(tx, id);
}

export async function updateAgent(tx: Tx, input: ParsedInput<'agents.update'>): Promise<AgentDto> {
  const agent = await getActiveAgent(tx, input.id);
  if (input.name !== undefined) await assertNameFree(tx, input.name, agent.id);
  await tx.agents.rename(
    agent.id,
    { name: input.name ?? agent.name, title: input.title ?? agent.title },
    tx.now,
  );
  tx.changed.add('agents', agent.id);
  // The agent's name shows on their case.
  if (agent.currentCaseId !== null) tx.changed.add('cases', agent.currentCaseId);
  if (input.skills !== undefined) {
    // A case in hand stays in hand. Otherwise skills change who may take what: a free agent
    // may now take a waiting case, or a category nobody has any more is open to everyone.
    await tx.categories.setSkills(agent.id, await checkSkills(tx, input.skills));
    tx.changed.touch('categories');
    await runMatching(tx);
  }
  return getAgent(tx, agent.id);
}

/** On duty: free from now and matched at once. Off duty: their case goes back to the queue. */
export async function setOnDuty(tx: Tx, input: ParsedInput<'agents.setOnDuty'>): Promise<AgentDto> {
  const agent = await getActiveAgent(tx, input.id);
  if (agent.onDuty === input.onDuty) return agent;
  if (input.onDuty && !agent.hasPin) {
    throw conflict(m('refusal.onDutyNoPin', { name: agent.name }));
  }
  if (input.onDuty) {
    await tx.agents.setAvailability(agent.id, true, tx.now, tx.now);
  } else {
    await tx.agents.setAvailability(agent.id, false, null, tx.now);
    const held = await tx.cases.heldBy(agent.id);
    if (held) await requeueCase(tx, held, { id: 'timeline.detailOffDuty', values: { agent: agent.name } });
  }
  tx.changed.add('agents', agent.id);
  await runMatching(tx);
  return getAgent(tx, agent.id);
}

/** Soft delete: history keeps the agent; their case goes back to the queue. */
export async function removeAgent(tx: Tx, input: ParsedInput<'agents.remove'>): Promise<AgentDto> {
  const agent = await getActiveAgent(tx, input.id);
  const held = await tx.cases.heldBy(agent.id);
  await tx.agents.markRemoved(agent.id, tx.now);
  if (held) await requeueCase(tx, held, { id: 'timeline.detailRemoved', values: { agent: agent.name } });
  tx.changed.add('agents', agent.id);
  // Their skills stop counting: a category only they had is open to everyone now.
  if (agent.skills.length > 0) tx.changed.touch('categories');
  await runMatching(tx);
  return getAgent(tx, agent.id);
}
