// `npx tsx --cpu-prof --cpu-prof-dir=<dir> bench/profile-create.ts [creates]`: one
// process that only does what intake's "ours" side does (cases.create, then resolve),
// with synchronous=NORMAL so the profile shows our own work, not fsync waits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { openCore } from '../src/main/core';
import { caseInput } from './intake';
import { migrate, openRaw, seedDesk } from './lib/seed';
import { Random } from './lib/random';

async function main(): Promise<void> {
  const creates = Number(process.argv[2] ?? 5000);
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-profile-'));
  const dbPath = join(dir, 'desk.sqlite');
  try {
    await migrate(dbPath);
    const db = openRaw(dbPath);
    const { customerIds } = seedDesk(db, { agents: 50, customers: 200, history: 0, assigned: 0, queued: 0 });
    db.close();
    const core = await asSupervisor(await openCore({ dbPath, synchronous: 'NORMAL' }));
    core.onChange(() => undefined);
    const rng = new Random(1);
    const t0 = performance.now();
    for (let i = 0; i < creates; i++) {
      const created = await core.dispatch('cases.create', caseInput(rng, customerIds));
      if (!created.ok || created.data.agentId === null) throw new Error('create did not assign');
      await core.dispatch('cases.resolve', {
        id: created.data.id,
        agentId: created.data.agentId,
        outcome: 'refund',
      });
    }
    console.log(`${creates} create+resolve in ${(performance.now() - t0).toFixed(0)} ms`);
    await core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
