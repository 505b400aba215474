import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cheapHashesForTests } from '../auth/secrets';
import { openCore, type Core } from '../core';
import { createMemoryLogger } from '../log/memory-logger';
import { findInvariantViolations } from '../test/invariants';
import { DEMO_AGENTS, DEMO_INFO, DEMO_PASSCODE, DEMO_STORE_NAME, DemoClock, seedDemoDesk } from './demo-desk';

let dir: string;
let core: Core | undefined;
afterEach(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const DEMO_SKILL_COUNT = DEMO_AGENTS.reduce((n, agent) => n + agent.skills.length, 0);

describe('the demo desk', () => {
  it('fills a new desk through the real core: every state, every invariant, its sign-ins work', async () => {
    cheapHashesForTests();
    dir = mkdtempSync(join(tmpdir(), 'returndesk-demo-'));
    const dbPath = join(dir, 'demo.sqlite');
    const clock = new DemoClock();
    const log = createMemoryLogger();
    core = await openCore({ dbPath, now: clock.now, logger: log, demo: DEMO_INFO });
    const end = Date.now();
    expect(await seedDemoDesk(core, clock, end)).toBe(true);

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(findInvariantViolations(db)).toEqual([]);
      // Skills routing is in play: the agents' skills as listed, and every case names a category.
      const skills = db.prepare(`SELECT COUNT(*) FROM agent_skills`).pluck().get();
      expect(skills).toBe(DEMO_SKILL_COUNT);
      expect(db.prepare(`SELECT COUNT(*) FROM cases WHERE category_id IS NULL`).pluck().get()).toBe(0);
      const byStatus = Object.fromEntries(
        db
          .prepare(`SELECT status, COUNT(*) AS n FROM cases GROUP BY status`)
          .all()
          .map((row) => [(row as { status: string }).status, (row as { n: number }).n]),
      );
      expect(Object.keys(byStatus).sort()).toEqual(['assigned', 'cancelled', 'queued', 'resolved']);
      expect(byStatus.resolved).toBeGreaterThan(20);
      expect(byStatus.queued).toBeGreaterThanOrEqual(3);
      const events = db
        .prepare(`SELECT DISTINCT type FROM case_events`)
        .all()
        .map((r) => (r as { type: string }).type);
      expect(events).toEqual(
        expect.arrayContaining([
          'created',
          'assigned',
          'resolved',
          'cancelled',
          'reopened',
          'priority_changed',
        ]),
      );
      const outcomes = db.prepare(`SELECT DISTINCT outcome FROM cases WHERE outcome IS NOT NULL`).all();
      expect(outcomes.length).toBe(5);
      // A day that ends now: nothing in the future, and it started hours ago.
      const span = db
        .prepare(`SELECT MIN(created_at) AS first, MAX(updated_at) AS last FROM cases`)
        .get() as {
        first: string;
        last: string;
      };
      expect(Date.parse(span.last)).toBeLessThanOrEqual(end);
      expect(end - Date.parse(span.first)).toBeGreaterThan(6 * 3600_000);
      // Agents resolved as themselves.
      expect(
        db
          .prepare(`SELECT COUNT(*) AS n FROM case_events WHERE type = 'resolved' AND actor LIKE 'agent:%'`)
          .get(),
      ).toEqual({
        n: byStatus.resolved! + 1,
      });
    } finally {
      db.close();
    }

    // The passcode and PINs shown on screen are the real ones.
    const window = core.openSession();
    expect(await core.dispatch('demo.info', undefined, { session: window })).toEqual({
      ok: true,
      data: DEMO_INFO,
    });
    expect((await core.dispatch('auth.unlock', { passcode: DEMO_PASSCODE }, { session: window })).ok).toBe(
      true,
    );
    expect(
      (await core.dispatch('counter.settings', undefined, { session: window })).ok && DEMO_STORE_NAME,
    ).toBe(DEMO_STORE_NAME);
    const agents = await core.dispatch('agents.list', undefined, { session: window });
    if (!agents.ok) throw new Error('agents.list refused');
    for (const shown of DEMO_INFO.agents) {
      const agent = agents.data.find((a) => a.name === shown.name)!;
      const agentWindow = core.openSession();
      const signedIn = await core.dispatch(
        'auth.signIn',
        { agentId: agent.id, pin: shown.pin },
        { session: agentWindow },
      );
      expect(signedIn.ok, shown.name).toBe(true);
    }
    // Opened again, the demo desk is left as it is.
    expect(await seedDemoDesk(core, clock)).toBe(false);
    log.assertNoUnexpectedErrors();
  });
});
