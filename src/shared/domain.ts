// The domain's closed lists and the DTOs that cross IPC. Plain data only:
// ids are numbers, timestamps ISO-8601 strings, absent values null.
import type { MessageId } from './i18n/translator';
import type { TimelineMessage } from './timeline';

export const CASE_STATUSES = ['queued', 'assigned', 'resolved', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_REASONS = [
  'damaged',
  'defective',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'other',
] as const;
export type CaseReason = (typeof CASE_REASONS)[number];

/** Lowest first; the queue serves the highest rank first. */
export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);

export const OUTCOMES = ['refund', 'exchange', 'repair', 'store_credit', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CASE_EVENT_TYPES = [
  'created',
  'assigned',
  'requeued',
  'reassigned',
  'resolved',
  'cancelled',
  'edited',
  'priority_changed',
  'reopened',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Human labels for the closed lists: one place, used by every view. */
// What each value is called on screen and in exports: catalogue ids (src/shared/i18n/messages).
export const REASON_MESSAGE = {
  damaged: 'reason.damaged',
  defective: 'reason.defective',
  wrong_item: 'reason.wrongItem',
  not_as_described: 'reason.notAsDescribed',
  no_longer_needed: 'reason.noLongerNeeded',
  other: 'reason.other',
} as const satisfies Record<CaseReason, MessageId>;
export const PRIORITY_MESSAGE = {
  normal: 'priority.normal',
  high: 'priority.high',
  urgent: 'priority.urgent',
} as const satisfies Record<Priority, MessageId>;
export const OUTCOME_MESSAGE = {
  refund: 'outcome.refund',
  exchange: 'outcome.exchange',
  repair: 'outcome.repair',
  store_credit: 'outcome.storeCredit',
  rejected: 'outcome.rejected',
} as const satisfies Record<Outcome, MessageId>;
export const STATUS_MESSAGE = {
  queued: 'status.queued',
  assigned: 'status.assigned',
  resolved: 'status.resolved',
  cancelled: 'status.cancelled',
} as const satisfies Record<CaseStatus, MessageId>;

export interface AgentDto {
  id: number;
  name: string;
  title: string;
  onDuty: boolean;
  /** When the agent last became free; null while busy, off duty or removed. */
  freeSince: string | null;
  currentCaseId: number | null;
  removedAt: string | null;
  createdAt: string;
  /** Whether a PIN is set (the PIN itself never leaves main). */
  hasPin: boolean;
  /** The product categories (ids) the agent handles: their skills. */
  skills: number[];
}

/** A product category: a skill agents have, and a case may name at intake. */
export interface CategoryDto {
  id: number;
  name: string;
  createdAt: string;
  /** Agents on the desk (not removed) who have the skill. */
  agentCount: number;
  /** Waiting cases that name it. */
  waitingCount: number;
}

export interface CustomerDto {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
}

export interface CaseDto {
  id: number;
  reference: string;
  customerId: number;
  customerName: string;
  orderNumber: string;
  product: string;
  purchaseDate: string | null;
  reason: CaseReason;
  description: string;
  priority: Priority;
  /** The product category the case needs (a skill); null: any agent. */
  categoryId: number | null;
  categoryName: string | null;
  status: CaseStatus;
  agentId: number | null;
  agentName: string | null;
  /** 1-based place in the waiting queue; null unless queued. */
  queuePosition: number | null;
  createdAt: string;
  assignedAt: string | null;
  resolvedAt: string | null;
  cancelledAt: string | null;
  outcome: Outcome | null;
  note: string | null;
  cancelReason: string | null;
}

export interface CaseEventDto {
  id: number;
  caseId: number;
  type: CaseEventType;
  agentId: number | null;
  agentName: string | null;
  /** Who acted: `agent:<id>`, `supervisor` or `desk`. */
  actor: string;
  /** The acting agent's name when an agent acted; null for the supervisor or the front desk. */
  actorName: string | null;
  at: string;
  /** What a person typed (a note, a reason), as typed; or, for events before EventMessages, the English record. */
  detail: string | null;
  /** What the desk says about the event, as data: each window words it in its own language. */
  messages: TimelineMessage[];
}

export interface CaseDetailDto extends CaseDto {
  customer: CustomerDto;
  timeline: CaseEventDto[];
}

export const caseReference = (id: number): string => `RMA-${String(id).padStart(6, '0')}`;

/** The case id behind a reference as staff type it: `RMA-000123`, `rma123` or `123`. */
export const parseCaseReference = (text: string): number | null => {
  const match = /^(?:rma-?)?0*(\d{1,15})$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
};
