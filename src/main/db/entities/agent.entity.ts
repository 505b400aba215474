import { EntitySchema } from 'typeorm';

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

export const AgentEntity = new EntitySchema<AgentRow>({
  name: 'Agent',
  tableName: 'agents',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 120 },
    title: { type: 'varchar', length: 80, default: "''" },
    on_duty: { type: 'boolean', default: 1 },
    free_since: { type: 'varchar', length: 30, nullable: true },
    removed_at: { type: 'varchar', length: 30, nullable: true },
    created_at: { type: 'varchar', length: 30 },
    updated_at: { type: 'varchar', length: 30 },
    pin_hash: { type: 'text', nullable: true },
  },
});
