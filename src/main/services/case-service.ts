import { createHash } from 'node:crypto';
import type { ActiveCases, ListedCases, ParsedInput, ResolveResult } from '../../shared/contract';
import { caseReference, type CaseDetailDto, type CaseDto, type CaseStatus } from '../../shared/domain';
import { isRecord } from '../../shared/is-record';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { localDate } from '../../shared/dates';
import { DomainError, conflict, invalid, notFound } from '../domain-error';
import {
  assignCase,
  freeAgent,
  recordNewAssignment,
  requeueCase,
  placeNewCase,
  runMatching,
} from '../engine/assignment-engine';
import { canTake } from '../engine/eligibility';
import { getAgent } from './agent-service';
import { createCustomer, getCustomer } from './customer-service';
import type { Repositories, Tx } from '../db/unit-of-work';

export async function getCase(repos: Repositories, id: number): Promise<CaseDto> {
  const found = await repos.cases.find(id);
  if (!found) throw notFound(m('refusal.noCase', { id }));
  return found;
}

export async function getCaseDetail(repos: Repositories, id: number): Promise<CaseDetailDto> {
  return detailOf(repos, await getCase(repos, id));
}

/** A case already read (or just written) with its customer and timeline: what `cases.get` answers. */
export async function detailOf(repos: Repositories, found: CaseDto): Promise<CaseDetailDto> {
  return {
    ...found,
    customer: await getCustomer(repos, found.customerId),
    timeline: await repos.events.timeline(found.id),
  };
}

/** A page of cases with the seq it was read at, in one read (no write commits between). */
export async function listCases(repos: Repositories, input: ParsedInput<'cases.list'>): Promise<ListedCases> {
  const status = input?.status;
  const page = await repos.cases.list(
    {
      statuses: status === undefined ? undefined : Array.isArray(status) ? status : [status],
      agentId: input?.agentId,
      customerId: input?.customerId,
      text: input?.text,
    },
    input?.sort ?? 'newest',
    input?.limit ?? 50,
    input?.offset ?? 0,
  );
  return { ...page, seq: repos.changeLog.seq };
}

/** What a refused transition was asked to do, as `refusal.wrongStatus` names it. */
export type CaseAction = 'priority' | 'reopen' | 'resolve' | 'cancel' | 'reassign' | 'requeue';

/** Refuses a transition the state machine does not allow; nothing has changed yet. */
export function expectStatus(c: CaseDto, allowed: CaseStatus[], action: CaseAction): void {
  if (!allowed.includes(c.status)) {
    throw conflict(m('refusal.wrongStatus', { action, reference: c.reference, status: c.status }));
  }
}

/**
 * Logs a case for an existing customer, or for a new one given inline: one
 * transaction, so a refused case leaves no customer behind either.
 *
 * Exactly once (issue 16): with an `intakeKey` already recorded, it answers what that key's first
 * call answered and writes nothing (no case, no assignment, no change event); the same key with
 * other details is refused (CONFLICT), never answered with another case. A new key is recorded
 * in the case's own transaction, so it exists exactly when its case does. Writes are serialised
 * (SQLite's queue, PostgreSQL's desk lock), so the look-up and the insert cannot interleave with
 * another call's; the key's primary key would refuse a second row anyway.
 */
export async function createCase(tx: Tx, input: ParsedInput<'cases.create'>): Promise<CaseDto> {
  const key = input.intakeKey;
  if (key === undefined) return logCase(tx, input);
  const payloadHash = intakePayloadHash(input);
  const seen = await tx.intakeKeys.find(key);
  if (seen) {
    const reference = caseReference(seen.case_id);
    if (seen.payload_hash !== payloadHash) throw conflict(m('refusal.intakeKeyReused', { reference }));
    const answer: unknown = JSON.parse(seen.answer);
    if (!isCaseAnswer(answer, seen.case_id)) throw new Error(`intake key of ${reference}: unreadable answer`);
    return answer;
  }
  const logged = await logCase(tx, input);
  await tx.intakeKeys.insert({
    intake_key: key,
    case_id: logged.id,
    payload_hash: payloadHash,
    answer: JSON.stringify(logged),
    created_at: tx.now,
  });
  return logged;
}

/**
 * The SHA-256 of what a `cases.create` input asks for, normalized as `logCase` reads it (absent
 * and blank optional text alike, default priority spelled out), the key itself left out.
 */
export function intakePayloadHash(input: ParsedInput<'cases.create'>): string {
  const customer = input.customer;
  const normalized = [
    input.customerId ?? null,
    customer ? [customer.name, customer.email || null, customer.phone || null] : null,
    input.orderNumber,
    input.product,
    input.purchaseDate || null,
    input.reason,
    input.description ?? '',
    input.priority ?? 'normal',
    input.categoryId ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}

/** A stored answer: written by `createCase` from a `CaseDto`, so its id and reference say enough. */
function isCaseAnswer(value: unknown, caseId: number): value is CaseDto {
  return isRecord(value) && value.id === caseId && value.reference === caseReference(caseId);
}

async function logCase(tx: Tx, input: ParsedInput<'cases.create'>): Promise<CaseDto> {
  // The workstation's own calendar day: a purchase made this evening is not "tomorrow" in UTC.
  if (input.purchaseDate && input.purchaseDate > localDate(new Date(tx.now))) {
    throw invalid(m('refusal.purchaseInFuture'), { purchaseDate: m('refusal.purchaseInFutureField') });
  }
  let customer: { id: number; name: string } | undefined;
  const newCustomer = input.customer;
  if (newCustomer) {
    customer = await withFieldPrefix('customer', () => createCustomer(tx, newCustomer));
  } else {
    // The schema requires one of the two.
    customer = input.customerId === undefined ? undefined : await tx.customers.find(input.customerId);
    if (!customer) {
      throw notFound(m('refusal.customerMissing'), { customerId: m('refusal.customerMissingField') });
    }
  }
  const category =
    input.categoryId === undefined ? undefined : await tx.categories.findActive(input.categoryId);
  if (input.categoryId !== undefined && !category) {
    throw invalid(m('refusal.categoryGone'), { categoryId: m('refusal.categoryGoneField') });
  }
  const fields = {
    customerId: customer.id,
    orderNumber: input.orderNumber,
    product: input.product,
    purchaseDate: input.purchaseDate || null,
    reason: input.reason,
    description: input.description ?? '',
    priority: input.priority ?? 'normal',
    categoryId: category?.id ?? null,
  };
  const logged: CaseDto = {
    id: 0, // known once inserted
    reference: '',
    ...fields,
    categoryName: category?.name ?? null,
    customerName: customer.name,
    status: 'queued',
    agentId: null,
    agentName: null,
    queuePosition: null,
    createdAt: tx.now,
    assignedAt: null,
    resolvedAt: null,
    cancelledAt: null,
    outcome: null,
    note: null,
    cancelReason: null,
  };
  // Nobody waiting and someone free: it goes straight to them, inserted assigned (the same
  // rows as inserting it queued and matching, in one write). Others waiting: it queues and
  // the engine matches as after any change. Nobody free: it waits.
  const { taker, match } = await placeNewCase(tx, logged);
  const id = await tx.cases.insert(fields, tx.now, taker?.id ?? null);
  if (category) tx.changed.add('categories', category.id);
  await tx.events.append({
    caseId: id,
    type: 'created',
    agentId: null,
    actor: tx.actor,
    at: tx.now,
    detail: null,
  });
  tx.changed.add('cases', id);
  if (taker) await recordNewAssignment(tx, id, taker);
  const agent = taker ?? (match ? (await runMatching(tx)).get(id) : undefined);
  // Queued, it has a place in the queue to read; assigned, everything about it is known here.
  // Either way the answer is the case as the commit leaves it: the change event carries it too.
  if (!agent) return tx.changed.settled(await getCase(tx, id));
  return tx.changed.settled({
    ...logged,
    id,
    reference: caseReference(id),
    status: 'assigned',
    agentId: agent.id,
    agentName: agent.name,
    assignedAt: tx.now,
  });
}

/** Only the case's own agent resolves it; they take the next waiting case in the same commit. */
/** Resolves; whether the agent is then signed out is the auth layer's call (`signOutAfterResolve`). */
export async function resolveCase(
  tx: Tx,
  input: ParsedInput<'cases.resolve'>,
): Promise<Omit<ResolveResult, 'signedOut' | 'nextDetail'>> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['assigned'], 'resolve');
  if (c.agentId !== input.agentId) {
    throw conflict(m('refusal.notYourCase', { reference: c.reference, agent: c.agentName }));
  }
  await tx.cases.resolve(c.id, input.outcome, input.note || null, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'resolved',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    // The agent's note as typed; the outcome as data, worded by each window in its language.
    detail: input.note || null,
    messages: [{ id: 'timeline.detailOutcome', values: { outcome: input.outcome } }],
  });
  tx.changed.add('cases', c.id);
  // What the UPDATE wrote, on the case as read above (its agent and names stay).
  const resolved: CaseDto = {
    ...c,
    status: 'resolved',
    outcome: input.outcome,
    note: input.note || null,
    resolvedAt: tx.now,
  };
  await freeAgent(tx, c.agentId);
  await runMatching(tx);
  const next = await tx.cases.heldBy(c.agentId);
  return { resolved: tx.changed.settled(resolved), next: next ? tx.changed.settled(next) : null };
}

export async function cancelCase(tx: Tx, input: ParsedInput<'cases.cancel'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['queued', 'assigned'], 'cancel');
  await tx.cases.cancel(c.id, input.reason, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'cancelled',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail: input.reason,
  });
  tx.changed.add('cases', c.id);
  if (c.agentId !== null) await freeAgent(tx, c.agentId);
  await runMatching(tx);
  return tx.changed.settled(await getCase(tx, c.id));
}

/** A supervisor hands an assigned case to a free on-duty agent; the previous agent is freed. */
export async function reassignCase(tx: Tx, input: ParsedInput<'cases.reassign'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['assigned'], 'reassign');
  const target = await getAgent(tx, input.agentId);
  const name = target.name;
  if (target.id === c.agentId) throw conflict(m('refusal.alreadyWith', { reference: c.reference, name }));
  if (target.removedAt) throw conflict(m('refusal.agentRemoved', { name }));
  if (!target.onDuty) throw conflict(m('refusal.agentOffDuty', { name }));
  const previous = agentOf(c);
  // Skills hold for a supervisor's hand-over too: a case goes only to someone who may take it.
  const staffed = await tx.categories.staffed();
  if (!canTake(target, c, staffed))
    throw conflict(m('refusal.agentLacksSkill', { name, category: c.categoryName }));
  if (target.currentCaseId !== null) {
    if (!input.swap) throw conflict(m('refusal.agentBusy', { name }));
    const other = await getCase(tx, target.currentCaseId);
    if (!canTake(await getAgent(tx, previous), other, staffed)) {
      throw conflict(m('refusal.cannotSwap', { agent: c.agentName, category: other.categoryName }));
    }
    return await swapCases(tx, c, other, target.name);
  }
  await assignCase(tx, c.id, target.id, 'reassigned', {
    id: 'timeline.detailFrom',
    values: { agent: c.agentName },
  });
  await freeAgent(tx, previous);
  await runMatching(tx);
  return tx.changed.settled(await getCase(tx, c.id));
}

/** The agent of a case already checked to be assigned (the schema ties `agent_id` to the status). */
function agentOf(c: CaseDto): number {
  if (c.agentId === null) throw new Error(`${c.reference} is assigned to nobody`);
  return c.agentId;
}

/**
 * Two busy agents exchange their cases, as one commit: nobody is freed, nothing is queued, and
 * at every statement each agent holds at most one case (the first case steps out first).
 */
async function swapCases(tx: Tx, c: CaseDto, other: CaseDto, targetName: string): Promise<CaseDto> {
  const from = agentOf(c);
  await tx.cases.requeue(c.id, tx.now);
  await assignCase(tx, other.id, from, 'reassigned', {
    id: 'timeline.detailSwapped',
    values: { reference: c.reference, agent: targetName },
  });
  await assignCase(tx, c.id, agentOf(other), 'reassigned', {
    id: 'timeline.detailSwapped',
    values: { reference: other.reference, agent: c.agentName },
  });
  return getCase(tx, c.id);
}

/**
 * Sends an assigned case back to the queue, in its original place, and never straight back to
 * the agent it was taken from while another way exists: another free agent takes it, or it
 * waits while that agent takes another waiting case. When the only way left is back to the
 * same agent, main refuses and says so (nothing changes), unless asked `toSameAgent`.
 */
export async function requeue(tx: Tx, input: ParsedInput<'cases.requeue'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['assigned'], 'requeue');
  const from = agentOf(c);
  await requeueCase(tx, c, { id: 'timeline.detailSentBack', values: {} });
  await runMatching(tx, { caseId: c.id, agentId: from });
  const stillFree = await tx.agents.find(from);
  if (
    (await getCase(tx, c.id)).status === 'queued' &&
    stillFree?.onDuty &&
    stillFree.currentCaseId === null &&
    // Taken a skill away meanwhile, they would not get it back anyway.
    canTake(stillFree, c, await tx.categories.staffed())
  ) {
    if (!input.toSameAgent) {
      const message = m('refusal.onlyBackToSame', { reference: c.reference, agent: c.agentName });
      throw conflict(message, { toSameAgent: message });
    }
    await runMatching(tx);
  }
  return tx.changed.settled(await getCase(tx, c.id));
}

/** The open cases with the seq they were read at, in one read (no write commits between). */
export const activeCases = async (repos: Repositories): Promise<ActiveCases> => ({
  cases: await repos.cases.active(),
  seq: repos.changeLog.seq,
});

/** Runs `fn`, naming the fields of any refusal as parts of `prefix` (`customer.email`). */
async function withFieldPrefix<T>(prefix: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.fields) throw error;
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([key, message]) => [`${prefix}.${key}`, message]),
    );
    throw new DomainError(error.code, error.message, fields);
  }
}
