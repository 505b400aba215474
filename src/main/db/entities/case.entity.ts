import { EntitySchema } from 'typeorm';
import type { CaseReason, CaseStatus, Outcome, Priority } from '../../../shared/domain';

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

export const CaseEntity = new EntitySchema<CaseRow>({
  name: 'Case',
  tableName: 'cases',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    customer_id: { type: 'integer' },
    order_number: { type: 'varchar', length: 40 },
    product: { type: 'varchar', length: 160 },
    purchase_date: { type: 'varchar', length: 10, nullable: true },
    reason: { type: 'varchar', length: 20 },
    description: { type: 'text', default: "''" },
    priority: { type: 'varchar', length: 10 },
    priority_rank: { type: 'integer' },
    status: { type: 'varchar', length: 10 },
    agent_id: { type: 'integer', nullable: true },
    created_at: { type: 'varchar', length: 30 },
    assigned_at: { type: 'varchar', length: 30, nullable: true },
    first_assigned_at: { type: 'varchar', length: 30, nullable: true },
    resolved_at: { type: 'varchar', length: 30, nullable: true },
    cancelled_at: { type: 'varchar', length: 30, nullable: true },
    updated_at: { type: 'varchar', length: 30 },
    outcome: { type: 'varchar', length: 20, nullable: true },
    note: { type: 'text', nullable: true },
    cancel_reason: { type: 'text', nullable: true },
  },
});
