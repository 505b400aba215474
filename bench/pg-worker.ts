// One workstation of the PostgreSQL bench (bench/postgres.ts): a separate process that opens
// the real core on the shared desk, prints "ready", and on a line from stdin times its calls.
//   pg-worker <databaseUrl> intake <creates> | handover <resolves> <index> <workers>
// intake: `cases.create` for an existing customer. handover: `cases.resolve` of the case in
// each of its own agents' hands (agents whose id ≡ index mod workers), which hands the agent
// the head of the queue in the same commit. Prints `result {"samples": [ms…]}`.
import { openCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/log/memory-logger';
import { asSupervisor } from '../src/main/test/as-supervisor';
import type { ActiveCases, ResolveResult } from '../src/shared/contract';

const [url = '', mode = 'intake', countArg = '100', indexArg = '0', workersArg = '1'] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = await asSupervisor(await openCore({ databaseUrl: url, logger: createMemoryLogger() }));
  const must = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(channel as 'cases.active', input as undefined);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as unknown as T;
  };
  const count = Number(countArg);
  const samples: number[] = [];
  const customer = (await must<{ id: number }[]>('customers.search', { query: '' }))[0]!;
  const held = new Map<number, number>(); // agent → the case in their hands
  if (mode === 'handover') {
    const active = await must<ActiveCases>('cases.active');
    for (const c of active.cases)
      if (c.status === 'assigned' && c.agentId! % Number(workersArg) === Number(indexArg))
        held.set(c.agentId!, c.id);
  }
  process.stdout.write('ready\n');
  await new Promise((go) => process.stdin.once('data', go));
  process.stdin.destroy();
  if (mode === 'intake') {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await must('cases.create', {
        customerId: customer.id,
        orderNumber: `B-${indexArg}-${i}`,
        product: 'Kettle',
        reason: 'defective',
        priority: i % 10 === 0 ? 'high' : 'normal',
      });
      samples.push(performance.now() - started);
    }
  } else {
    while (samples.length < count && held.size > 0) {
      for (const [agentId, caseId] of [...held]) {
        if (samples.length >= count) break;
        const started = performance.now();
        const result = await must<ResolveResult>('cases.resolve', { id: caseId, agentId, outcome: 'refund' });
        samples.push(performance.now() - started);
        if (result.next) held.set(agentId, result.next.id);
        else held.delete(agentId);
      }
    }
  }
  await core.close();
  process.stdout.write(`result ${JSON.stringify({ samples })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`fatal ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
