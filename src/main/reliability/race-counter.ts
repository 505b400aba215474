// One counter of the PostgreSQL race test (race.pg.test.ts, issue 16): a separate process
// that opens the real core on the shared desk and, until its time is up, runs a seeded random
// mix of intakes, resolves, duty changes, skill changes and cancels against the other
// counters doing the same. A refusal another counter's commit explains (the case was resolved
// or cancelled first: CONFLICT / NOT_FOUND) is counted, not an error; anything else is.
// Prints one JSON line at the end: what it created, its counts, and its errors.
//   race-counter <databaseUrl> <seed> <durationMs>
// It prints "ready" once open, and starts on a line from stdin, so all counters overlap.
import type { ChannelName } from '../../shared/channels';
import type { ChannelOutput } from '../../shared/contract';
import { openCore } from '../core';
import { createMemoryLogger } from '../log/memory-logger';
import { asSupervisor } from '../test/as-supervisor';

const [url = '', seedArg = '1', durationArg = '5000'] = process.argv.slice(2);
if (!url) throw new Error('usage: race-counter <databaseUrl> <seed> <durationMs>');

// The same small generator as crash-child.ts: a run is replayed from its seed.
let state = Number(seedArg) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 0x100000000;
};
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

export interface CounterReport {
  created: number[];
  counts: Record<string, number>;
  /** Refusals no other counter explains, thrown calls, and error-level log entries. */
  errors: string[];
}

async function main() {
  const logger = createMemoryLogger();
  const core = await asSupervisor(await openCore({ databaseUrl: url, logger }));
  const report: CounterReport = { created: [], counts: {}, errors: [] };
  const count = (key: string) => (report.counts[key] = (report.counts[key] ?? 0) + 1);
  const call = async <C extends ChannelName>(
    channel: C,
    input: unknown,
    raced: string[] = [],
  ): Promise<ChannelOutput<C> | undefined> => {
    try {
      const result = await core.dispatch(channel, input);
      if (result.ok) {
        count(`${channel} ok`);
        return result.data;
      }
      if (raced.includes(result.error.code)) count(`${channel} raced`);
      else report.errors.push(`${channel} ${JSON.stringify(input)} → ${JSON.stringify(result.error)}`);
    } catch (error) {
      report.errors.push(`${channel} threw ${String(error)}`);
    }
    return undefined;
  };

  const agents = (await call('agents.list', undefined)) ?? [];
  const categories = (await call('categories.list', undefined)) ?? [];
  const customers = (await call('customers.search', { query: '' })) ?? [];
  // Loaded and open: all counters start together on the parent's line.
  process.stdout.write('ready\n');
  await new Promise((go) => process.stdin.once('data', go));
  process.stdin.destroy();
  const deadline = Date.now() + Number(durationArg);
  while (Date.now() < deadline) {
    const roll = random();
    const agent = pick(agents);
    const customer = pick(customers);
    if (!agent || !customer) throw new Error('the race desk has no agents or no customers');
    if (roll < 0.4) {
      const category = random() < 0.5 ? pick(categories) : undefined;
      const created = await call('cases.create', {
        customerId: customer.id,
        orderNumber: `R-${Math.floor(random() * 1e6)}`,
        product: 'Kettle',
        reason: 'defective',
        priority: pick(['normal', 'normal', 'high', 'urgent'] as const),
        ...(category ? { categoryId: category.id } : {}),
      });
      if (created) report.created.push(created.id);
      continue;
    }
    const active = (await call('cases.active', undefined)) ?? { cases: [] };
    if (roll < 0.7) {
      const assigned = pick(active.cases.filter((c) => c.status === 'assigned'));
      if (assigned)
        await call('cases.resolve', { id: assigned.id, agentId: assigned.agentId, outcome: 'refund' }, [
          'CONFLICT',
          'NOT_FOUND',
        ]);
    } else if (roll < 0.85) {
      await call('agents.setOnDuty', { id: agent.id, onDuty: random() < 0.6 });
    } else if (roll < 0.92) {
      const open = pick(active.cases);
      if (open) await call('cases.cancel', { id: open.id, reason: 'Changed their mind' }, ['CONFLICT']);
    } else {
      const skills = categories.filter(() => random() < 0.5).map((c) => c.id);
      await call('agents.update', { id: agent.id, skills });
    }
  }
  for (const entry of logger.entries.filter((e) => e.level === 'error'))
    report.errors.push(`log: ${entry.text}`);
  await core.close();
  process.stdout.write(`report ${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`fatal ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
