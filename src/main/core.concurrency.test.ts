import { afterEach, describe, expect, it } from 'vitest';
import { addAgents, addCustomer } from './test/fixtures';
import { findInvariantViolationsBy } from './test/invariants';
import { openTempCore, type TempCore } from './test/temp-core';

let core: TempCore;
afterEach(async () => core.dispose());

describe('concurrent calls', () => {
  it('1,000 concurrent creates with 10 agents: no agent ever holds two cases, no case is lost', async () => {
    core = await openTempCore();
    const agents = await addAgents(core, ...Array.from({ length: 10 }, (_, i) => `Agent ${i + 1}`));
    const customer = await addCustomer(core);
    const holdsMostAtOnce = `SELECT COALESCE(MAX(n), 0) AS n
      FROM (SELECT COUNT(*) AS n FROM cases WHERE status = 'assigned' GROUP BY agent_id) held`;
    let worst = 0;
    const checks: Promise<void>[] = [];
    // Checked after every single commit, not just at the end: on SQLite before the next write
    // (the query runs at once), on PostgreSQL on a committed state read right after.
    core.onChange(() => {
      checks.push(
        core.query<{ n: number }>(holdsMostAtOnce).then(([row]) => {
          worst = Math.max(worst, row?.n ?? 0);
        }),
      );
    });

    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        core.dispatch('cases.create', {
          customerId: customer.id,
          orderNumber: `SO-${i}`,
          product: 'Headphones',
          reason: 'defective',
          priority: (['normal', 'high', 'urgent'] as const)[i % 3],
        }),
      ),
    );

    expect(results.every((r) => r.ok)).toBe(true);
    await Promise.all(checks);
    expect(checks.length).toBeGreaterThanOrEqual(1000);
    expect(worst).toBe(1);
    const created = results.flatMap((r) => (r.ok ? [r.data] : []));
    expect(new Set(created.map((c) => c.id)).size).toBe(1000);
    const assigned = created.filter((c) => c.status === 'assigned');
    expect(assigned).toHaveLength(10);
    expect(new Set(assigned.map((c) => c.agentId))).toEqual(new Set(agents.map((a) => a.id)));

    const counts = await core.query(
      `SELECT status, COUNT(*) AS n FROM cases GROUP BY status ORDER BY status`,
    );
    expect(counts).toEqual([
      { status: 'assigned', n: 10 },
      { status: 'queued', n: 990 },
    ]);
    const active = (await core.ok('cases.active')).cases;
    expect(active.filter((c) => c.status === 'queued').map((c) => c.queuePosition)).toEqual(
      Array.from({ length: 990 }, (_, i) => i + 1),
    );
    expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  });

  it('concurrent resolves of one case: exactly one wins, the agent gets exactly one next case', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const first = await core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'A',
      product: 'P',
      reason: 'other',
    });
    for (let i = 0; i < 5; i++) {
      await core.ok('cases.create', {
        customerId: customer.id,
        orderNumber: `B${i}`,
        product: 'P',
        reason: 'other',
      });
    }
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        core.dispatch('cases.resolve', { id: first.id, agentId: dana!.id, outcome: 'refund' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(19);
    const active = (await core.ok('cases.active')).cases;
    expect(active.filter((c) => c.status === 'assigned')).toHaveLength(1);
    expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  });
});
