// The rows repositories read, typed as SQLite returns them (booleans as 0/1).
// The schema itself is the migrations' (db/migrations): these types describe
// it, they do not define it.
import type { CaseEventType, CaseReason, CaseStatus, Outcome, Priority } from '../../shared/domain';

export interface AgentRow {
  id: number;
  name: string;
  title: string;
  on_duty: number;
  free_since: string | null;
  removed_at: string | null;
  created_at: string;
  updated_at: string;
  /** scrypt hash of the agent's PIN; never leaves the repository. */
  pin_hash: string | null;
}

export interface CustomerRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface CaseRow {
  id: number;
  customer_id: number;
  order_number: string;
  product: string;
  purchase_date: string | null;
  reason: CaseReason;
  description: string;
  priority: Priority;
  priority_rank: number;
  /** The category (skill) the case needs; null: any agent (migration Skills). */
  category_id: number | null;
  status: CaseStatus;
  agent_id: number | null;
  created_at: string;
  assigned_at: string | null;
  /** When it was first given to an agent (wait time and service level). */
  first_assigned_at: string | null;
  resolved_at: string | null;
  cancelled_at: string | null;
  updated_at: string;
  outcome: Outcome | null;
  note: string | null;
  cancel_reason: string | null;
}

export interface CaseEventRow {
  id: number;
  case_id: number;
  type: CaseEventType;
  agent_id: number | null;
  actor: string;
  at: string;
  detail: string | null;
  /** JSON `TimelineMessage[]` (src/shared/timeline.ts); null before EventMessages1765238400000. */
  detail_message: string | null;
}

export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface SignInThrottleRow {
  target: string;
  wrong_tries: number;
  lockouts: number;
  locked_until: string | null;
  last_wrong_at: string;
}

/** `cases.create`'s idempotency key and what its first call answered (IntakeKeys1765324800000). */
export interface IntakeKeyRow {
  intake_key: string;
  case_id: number;
  /** SHA-256 (hex) of the normalized input the key came with. */
  payload_hash: string;
  /** The first call's answer: a `CaseDto` as JSON. */
  answer: string;
  created_at: string;
}
