// The supervisor's control over a case's whole life (issue 14): correct its
// details, change its priority, reopen it once resolved. Each is one write
// transaction that records a timeline event naming the actor; cancelling with
// a reason stays in case-service.ts.
import type { ParsedInput } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import type { CaseDto } from '../../shared/domain';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { EditedTextField, TimelineMessage } from '../../shared/timeline';
import { invalid } from '../domain-error';
import { runMatching } from '../engine/assignment-engine';
import { expectStatus, getCase } from './case-service';
import type { Tx } from '../db/unit-of-work';

/**
 * Corrects what was logged: order number, product, reason, purchase date, description, in
 * any state (a resolved case's record can be wrong too). The timeline keeps each previous
 * value beside the new one. Nothing given differs: nothing is written.
 */
export async function editCase(tx: Tx, input: ParsedInput<'cases.edit'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  if (input.purchaseDate && input.purchaseDate > localDate(new Date(tx.now))) {
    throw invalid(m('refusal.purchaseInFuture'), { purchaseDate: m('refusal.purchaseInFutureField') });
  }
  const next = {
    orderNumber: input.orderNumber ?? c.orderNumber,
    product: input.product ?? c.product,
    reason: input.reason ?? c.reason,
    purchaseDate: input.purchaseDate === undefined ? c.purchaseDate : input.purchaseDate || null,
    description: input.description ?? c.description,
  };
  // Each change as data (the field, before and after), which each window words in its language.
  const changes: TimelineMessage[] = [];
  const note = (field: EditedTextField) => {
    const [from, to] = [c[field] || null, next[field] || null];
    if (from !== to) changes.push({ id: 'timeline.detailChanged', values: { field, from, to } });
  };
  note('orderNumber');
  note('product');
  if (c.reason !== next.reason) {
    changes.push({
      id: 'timeline.detailChanged',
      values: { field: 'reason', from: c.reason, to: next.reason },
    });
  }
  note('purchaseDate');
  note('description');
  if (changes.length === 0) return c;
  await tx.cases.editDetails(c.id, next, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'edited',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail: null,
    messages: changes,
  });
  tx.changed.add('cases', c.id);
  return getCase(tx, c.id);
}

/**
 * A waiting or assigned case's priority. A waiting one takes its new place in the queue in
 * the same commit; the engine runs in it too, so the queue is served in its new order.
 */
export async function setPriority(tx: Tx, input: ParsedInput<'cases.setPriority'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['queued', 'assigned'], 'priority');
  if (c.priority === input.priority) return c;
  await tx.cases.setPriority(c.id, input.priority, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'priority_changed',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail: null,
    messages: [{ id: 'timeline.detailPriority', values: { from: c.priority, to: input.priority } }],
  });
  tx.changed.add('cases', c.id);
  await runMatching(tx);
  return getCase(tx, c.id);
}

/**
 * A case resolved by mistake goes back into the queue, in its place by priority and age, and
 * a free agent takes it in the same commit if one is there. Its resolution moves from the case
 * to the timeline, which keeps the whole history.
 */
export async function reopenCase(tx: Tx, input: ParsedInput<'cases.reopen'>): Promise<CaseDto> {
  const c = await getCase(tx, input.id);
  expectStatus(c, ['resolved'], 'reopen');
  // What the case was resolved as; the supervisor's reason is theirs, kept as typed.
  const was: TimelineMessage[] = !c.outcome
    ? []
    : c.note
      ? [{ id: 'timeline.detailWasResolvedNote', values: { outcome: c.outcome, note: c.note } }]
      : [{ id: 'timeline.detailWasResolved', values: { outcome: c.outcome } }];
  await tx.cases.reopen(c.id, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'reopened',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail: input.reason,
    messages: was,
  });
  tx.changed.add('cases', c.id);
  await runMatching(tx);
  return getCase(tx, c.id);
}
