// Skills routing's worst case for the matcher: 10,000 waiting cases that only busy agents may
// take (category X), and a free agent with another skill (Y) resolving her case again and again:
// each hand-over must walk past all 10,000 to find nothing. Not part of `npm run bench`; run
// `npx tsx bench/skills-worst-case.ts` (synchronous=NORMAL: the matcher's own cost).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { migrate, openRaw, seedDesk } from './lib/seed';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hol-'));
  const dbPath = join(dir, 'd.sqlite');
  await migrate(dbPath);
  const db = openRaw(dbPath);
  const seeded = seedDesk(db, { agents: 50, customers: 2000, history: 5000, assigned: 50, queued: 10_000 });
  const now = new Date().toISOString();
  const x = Number(
    db.prepare(`INSERT INTO categories (name, created_at, updated_at) VALUES ('X', ?, ?)`).run(now, now)
      .lastInsertRowid,
  );
  const y = Number(
    db.prepare(`INSERT INTO categories (name, created_at, updated_at) VALUES ('Y', ?, ?)`).run(now, now)
      .lastInsertRowid,
  );
  // 49 agents have X (all busy); agent 50 has Y. Every waiting case needs X.
  seeded.agentIds.forEach((id, i) =>
    db.prepare(`INSERT INTO agent_skills (agent_id, category_id) VALUES (?, ?)`).run(id, i === 49 ? y : x),
  );
  db.prepare(`UPDATE cases SET category_id = ? WHERE status = 'queued'`).run(x);
  db.close();
  const core = await asSupervisor(await openCore({ dbPath, synchronous: 'NORMAL' }));
  const y50 = seeded.agentIds[49]!;
  const samples: number[] = [];
  const cust = seeded.customerIds[0]!;
  for (let i = 0; i < 200; i++) {
    // Y-agent resolves: nothing waiting for Y; the matcher walks 10,000 X cases it cannot take.
    const held = await core.dispatch('cases.active', {});
    if (!held.ok) throw new Error('active');
    const mine = held.data.cases.find((c) => c.agentId === y50);
    if (!mine) {
      // A Y case reaches her at once (she is the only one free).
      const made = await core.dispatch('cases.create', {
        customerId: cust,
        orderNumber: 'Y',
        product: 'P',
        reason: 'other',
        categoryId: y,
      });
      if (!made.ok || made.data.agentId !== y50) throw new Error('y case ' + JSON.stringify(made));
      continue;
    }
    const t0 = performance.now();
    const r = await core.dispatch('cases.resolve', { id: mine.id, agentId: y50, outcome: 'refund' });
    samples.push(performance.now() - t0);
    if (!r.ok || r.data.next) throw new Error('resolve');
  }
  samples.sort((a, b) => a - b);
  console.log(
    `pathological: resolve with 10,000 waiting that only busy agents may take, NORMAL: p50 ${samples[Math.floor(samples.length / 2)]!.toFixed(2)} ms, p99 ${samples[Math.floor(samples.length * 0.99)]!.toFixed(2)} ms (n=${samples.length})`,
  );
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
void main();
