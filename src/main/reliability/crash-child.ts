// The process crash-safety.test.ts kills: it opens the real core on the given
// file and creates, resolves, cancels cases and moves agents on and off duty
// until it is killed, printing one line per write AFTER the write committed:
//   ack create <caseId> | ack resolve <caseId> | ack cancel <caseId> | ack duty <agentId>
// It loads everything first, prints "loaded", and opens the database only when
// a line arrives on stdin, so the parent can start it while still checking the
// previous crash. Once open it prints how the file was checked ("opened full",
// "opened deferred" or "opened new"); after a deferred one it runs the background
// check as the app does once the window shows ("background ok|problem"). A second
// line on stdin closes the desk cleanly: it prints "closed" and exits.
import { openCore } from '../core';
import { asSupervisor } from '../test/as-supervisor';

const dbPath = process.argv[2] ?? '';
const seedArg = process.argv[3];
if (!dbPath) throw new Error('usage: crash-child <dbPath> <seed>');

// A small deterministic generator: a run can be replayed from its seed.
let state = Number(seedArg ?? 1) >>> 0 || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 0x100000000;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (message: string): never => {
  say(`fatal ${message}`);
  process.exit(2);
};

async function main() {
  // With the daily backup on, as in the app: a kill may land while it copies.
  const opened = await openCore({ dbPath, autoBackup: true });
  say(`opened ${opened.integrity().atOpen}`);
  if (opened.integrity().atOpen === 'deferred')
    void opened.checkInBackground().then((status) => say(`background ${status.background}`));
  const core = await asSupervisor(opened);
  let closing = false;
  process.stdin.once('data', () => (closing = true));
  const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) return fail(`${channel} ${JSON.stringify(input)} → ${JSON.stringify(result.error)}`);
    return result.data as T;
  };
  type Agent = { id: number; onDuty: boolean };
  type Case = { id: number; status: string; agentId: number | null };

  // Set up (again, if a previous child died half-way through setting up).
  let agents = await ok<Agent[]>('agents.list');
  while (agents.length < 3) {
    await ok('agents.create', { name: `Agent ${agents.length + 1}`, pin: '1234' });
    agents = await ok<Agent[]>('agents.list');
  }
  let customers = await ok<{ id: number }[]>('customers.search', { query: '' });
  if (customers.length === 0) {
    await ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    customers = await ok<{ id: number }[]>('customers.search', { query: '' });
  }
  say('ready');

  for (let n = 0; !closing; n++) {
    // Each call resolves without leaving the microtask queue (SQLite answers at once): let
    // stdin and the background check's worker be heard, as between the app's IPC calls.
    await new Promise((next) => setImmediate(next));
    const roll = random();
    const active = (await ok<{ cases: Case[] }>('cases.active')).cases;
    const assigned = active.filter((c) => c.status === 'assigned');
    if (roll < 0.45 || active.length === 0) {
      const created = await ok<Case>('cases.create', {
        customerId: pick(customers).id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: pick(['damaged', 'defective', 'other'] as const),
        priority: pick(['normal', 'normal', 'high', 'urgent'] as const),
        description: 'x'.repeat(Math.floor(random() * 600)),
      });
      say(`ack create ${created.id}`);
    } else if (roll < 0.75 && assigned.length > 0) {
      const c = pick(assigned);
      await ok('cases.resolve', { id: c.id, agentId: c.agentId, outcome: 'refund' });
      say(`ack resolve ${c.id}`);
    } else if (roll < 0.9) {
      const c = pick(active);
      await ok('cases.cancel', { id: c.id, reason: 'Customer withdrew' });
      say(`ack cancel ${c.id}`);
    } else {
      const agent = pick(await ok<Agent[]>('agents.list'));
      await ok('agents.setOnDuty', { id: agent.id, onDuty: !agent.onDuty });
      say(`ack duty ${agent.id}`);
    }
  }
  await core.close();
  say('closed');
  process.exit(0);
}

say('loaded');
process.stdin.once('data', () => {
  main().catch((error: unknown) =>
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );
});
