import { EntitySchema } from 'typeorm';
import type { CaseEventType } from '../../../shared/domain';

export interface CaseEventRow {
  id: number;
  case_id: number;
  type: CaseEventType;
  agent_id: number | null;
  actor: string;
  at: string;
  detail: string | null;
}

export const CaseEventEntity = new EntitySchema<CaseEventRow>({
  name: 'CaseEvent',
  tableName: 'case_events',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    case_id: { type: 'integer' },
    type: { type: 'varchar', length: 16 },
    agent_id: { type: 'integer', nullable: true },
    actor: { type: 'varchar', length: 60 },
    at: { type: 'varchar', length: 30 },
    detail: { type: 'text', nullable: true },
  },
});
