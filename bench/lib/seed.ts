// Builds large desks fast: raw SQL in one transaction into a schema made by the
// real migrations. The rows respect every CHECK, the one-assigned-case-per-agent
// index and the engine's invariants (a queue only while every agent is busy).
import Database from 'better-sqlite3';
import { openCore } from '../../src/main/core';
import { asSupervisor } from '../../src/main/test/as-supervisor';
import { applyPragmas, type Synchronous } from '../../src/main/db/open-database';
import { CASE_REASONS, OUTCOMES, priorityRank, type Priority } from '../../src/shared/domain';
import { Random } from './random';

/** Creates the file and brings it to the app's schema through the real migrations. */
export async function migrate(dbPath: string): Promise<void> {
  const core = await asSupervisor(await openCore({ dbPath }));
  await core.close();
}

/** A plain better-sqlite3 connection with the app's own pragmas. */
export function openRaw(dbPath: string, synchronous: Synchronous = 'FULL'): Database.Database {
  const db = new Database(dbPath);
  applyPragmas(db, synchronous);
  return db;
}

const FIRST = [
  'Ana',
  'Ben',
  'Carla',
  'Dana',
  'Eli',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Karim',
  'Lena',
  'Mara',
  'Marco',
  'Maria',
  'Mark',
  'Nia',
  'Omar',
  'Pia',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Wes',
  'Xena',
  'Yusuf',
  'Zoe',
  'Alba',
  'Bruno',
  'Chloe',
  'Diego',
  'Emma',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Leo',
  'Mila',
  'Noah',
  'Olga',
  'Paul',
  'Rita',
  'Sofia',
  'Theo',
  'Uma',
  'Vince',
];
const LAST = [
  'Lima',
  'Reyes',
  'Okafor',
  'Nowak',
  'Schmidt',
  'Rossi',
  'Garcia',
  'Kim',
  'Haddad',
  'Silva',
  'Dubois',
  'Jensen',
  'Novak',
  'Costa',
  'Müller',
  'Tanaka',
  'Petrov',
  'Moreau',
  'Santos',
  'Berg',
  'Ito',
  'Khan',
  'Lopez',
  'Martin',
  'Nilsen',
  'Olsen',
  'Park',
  'Quist',
  'Ramos',
  'Sato',
  'Torres',
  'Ueda',
  'Vargas',
  'Weber',
  'Young',
  'Zimmer',
  'Adler',
  'Brandt',
  'Castro',
  'Diaz',
];
const PRODUCTS = [
  'Kettle 1.7 l',
  'Toaster 4-slot',
  'Blender Pro',
  'Desk lamp',
  'Office chair',
  'Headphones X2',
  'Coffee grinder',
  'Rice cooker',
  'Air fryer',
  'Vacuum S9',
  'Hair dryer',
  'Smart speaker',
  'Running shoes',
  'Winter jacket',
  'Backpack 30 l',
  'Phone case',
  'USB-C charger',
  'Monitor 27"',
];
const PRIORITIES: readonly (readonly [Priority, number])[] = [
  ['normal', 80],
  ['high', 15],
  ['urgent', 5],
];

export interface DeskSpec {
  agents: number;
  customers: number;
  /** Closed cases (resolved or cancelled), oldest. */
  history: number;
  /** Cases in agents' hands: at most one per agent. */
  assigned: number;
  /** Waiting cases, newest; only allowed when every agent is busy. */
  queued: number;
  /** The instant of the newest case; the history reaches back `spanDays` before it. */
  endMs?: number;
  spanDays?: number;
  seed?: number;
}

export interface SeededDesk {
  agentIds: number[];
  customerIds: number[];
  /** agent id → the case they hold. */
  held: Map<number, number>;
  cases: number;
  events: number;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function customerName(rng: Random): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

export function orderNumber(rng: Random): string {
  return `SO-${rng.int(1_000_000, 9_999_999)}`;
}

export function productName(rng: Random): string {
  return rng.pick(PRODUCTS);
}

export function priority(rng: Random): Priority {
  return rng.weighted(PRIORITIES);
}

export function seedDesk(db: Database.Database, spec: DeskSpec): SeededDesk {
  if (spec.assigned > spec.agents) throw new Error('more assigned cases than agents');
  if (spec.queued > 0 && spec.assigned < spec.agents) throw new Error('a queue needs every agent busy');
  const rng = new Random(spec.seed);
  const endMs = spec.endMs ?? Date.now() - 60_000;
  const total = spec.history + spec.assigned + spec.queued;
  const startMs = endMs - (spec.spanDays ?? 3 * 365) * 86_400_000;
  const step = (endMs - startMs) / Math.max(1, total);

  const insertAgent = db.prepare(
    `INSERT INTO agents (name, title, on_duty, free_since, created_at, updated_at)
     VALUES (@name, 'Support agent', 1, @freeSince, @at, @at)`,
  );
  const insertCustomer = db.prepare(
    `INSERT INTO customers (name, email, phone, created_at, updated_at) VALUES (@name, @email, @phone, @at, @at)`,
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (customer_id, order_number, product, purchase_date, reason, description, priority,
                        priority_rank, status, agent_id, created_at, assigned_at, resolved_at, cancelled_at,
                        updated_at, outcome, note, cancel_reason)
     VALUES (@customerId, @orderNumber, @product, @purchaseDate, @reason, @description, @priority, @rank,
             @status, @agentId, @createdAt, @assignedAt, @resolvedAt, @cancelledAt, @updatedAt, @outcome,
             @note, @cancelReason)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO case_events (case_id, type, agent_id, actor, at, detail)
     VALUES (@caseId, @type, @agentId, 'desk', @at, @detail)`,
  );

  const agentIds: number[] = [];
  const customerIds: number[] = [];
  const held = new Map<number, number>();
  let events = 0;
  const event = (caseId: number, type: string, agentId: number | null, at: string, detail: string | null) => {
    insertEvent.run({ caseId, type, agentId, at, detail });
    events += 1;
  };

  // Bulk load: indexes dropped first and rebuilt from their own SQL after (same schema, far fewer
  // random b-tree writes than maintaining eight indexes row by row).
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'case_events', 'customers')`,
    )
    .all() as { name: string; sql: string }[];
  db.transaction(() => {
    for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
    const before = iso(startMs - 86_400_000);
    for (let i = 0; i < spec.agents; i++) {
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i + 1}`;
      // Every agent here ends up busy or free from the start of history.
      const freeSince = i < spec.assigned ? null : before;
      agentIds.push(Number(insertAgent.run({ name, freeSince, at: before }).lastInsertRowid));
    }
    for (let i = 0; i < spec.customers; i++) {
      const name = customerName(rng);
      const email =
        rng.next() < 0.85 ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i + 1}@example.com` : null;
      const phone = email && rng.next() < 0.5 ? null : `+44 20 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`;
      customerIds.push(Number(insertCustomer.run({ name, email, phone, at: before }).lastInsertRowid));
    }
    for (let i = 0; i < total; i++) {
      const createdMs = startMs + i * step;
      const createdAt = iso(createdMs);
      const p = priority(rng);
      const kind = i < spec.history ? 'history' : i < spec.history + spec.assigned ? 'assigned' : 'queued';
      const row = {
        // A few customers come back often: a skewed pick.
        customerId: customerIds[Math.floor(rng.next() ** 1.5 * customerIds.length)]!,
        orderNumber: orderNumber(rng),
        product: productName(rng),
        purchaseDate: iso(createdMs - rng.int(1, 60) * 86_400_000).slice(0, 10),
        reason: rng.pick(CASE_REASONS),
        description: rng.next() < 0.5 ? '' : 'Customer reports the item stopped working after a week.',
        priority: p,
        rank: priorityRank(p),
        status: 'queued',
        agentId: null as number | null,
        createdAt,
        assignedAt: null as string | null,
        resolvedAt: null as string | null,
        cancelledAt: null as string | null,
        updatedAt: createdAt,
        outcome: null as string | null,
        note: null as string | null,
        cancelReason: null as string | null,
      };
      const assignedAt = iso(createdMs + rng.int(1, 30) * 60_000);
      const closedAt = iso(createdMs + rng.int(31, 240) * 60_000);
      if (kind === 'assigned') {
        const agentId = agentIds[i - spec.history]!;
        Object.assign(row, { status: 'assigned', agentId, assignedAt, updatedAt: assignedAt });
      } else if (kind === 'history') {
        const roll = rng.next();
        if (roll < 0.94) {
          const outcome = rng.pick(OUTCOMES);
          Object.assign(row, {
            status: 'resolved',
            agentId: rng.pick(agentIds),
            assignedAt,
            resolvedAt: closedAt,
            updatedAt: closedAt,
            outcome,
            note: rng.next() < 0.3 ? 'Checked in store' : null,
          });
        } else {
          const wasAssigned = roll < 0.97;
          Object.assign(row, {
            status: 'cancelled',
            agentId: wasAssigned ? rng.pick(agentIds) : null,
            assignedAt: wasAssigned ? assignedAt : null,
            cancelledAt: closedAt,
            updatedAt: closedAt,
            cancelReason: 'Customer withdrew the return',
          });
        }
      }
      const caseId = Number(insertCase.run(row).lastInsertRowid);
      event(caseId, 'created', null, createdAt, null);
      if (row.assignedAt) event(caseId, 'assigned', row.agentId, row.assignedAt, null);
      if (row.status === 'resolved') event(caseId, 'resolved', row.agentId, closedAt, row.outcome);
      if (row.status === 'cancelled') event(caseId, 'cancelled', row.agentId, closedAt, row.cancelReason);
      if (row.status === 'assigned') held.set(row.agentId!, caseId);
    }
    for (const { sql } of indexes) db.exec(sql);
  }).immediate();
  return { agentIds, customerIds, held, cases: total, events };
}
