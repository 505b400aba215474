// Page errors reach the main log through `log.pageError`, rate-limited so an
// error loop in the page cannot flood the disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../core';
import { createMemoryLogger } from './memory-logger';
import { openTempCore, type TempCore } from '../test/temp-core';
import { PAGE_ERRORS_PER_MINUTE, PAGE_ERRORS_PER_WINDOW } from './page-errors';

let core: TempCore;
afterEach(async () => core.dispose());

const report = (n: number) => ({ kind: 'error' as const, message: `TypeError: loop ${n}` });
const pageErrors = () => core.log.entries.filter((e) => e.message.startsWith('page error'));

describe('log.pageError', () => {
  it(`logs at most ${PAGE_ERRORS_PER_WINDOW} a minute per window, then says how many it dropped`, async () => {
    core = await openTempCore();
    core.log.expectError(/^page error: TypeError: loop/);
    const window = core.openSession();
    const answers = [];
    for (let n = 0; n < 500; n++)
      answers.push(await core.dispatch('log.pageError', report(n), { session: window }));
    expect(answers.filter((a) => a.ok && a.data.logged)).toHaveLength(PAGE_ERRORS_PER_WINDOW);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(pageErrors()).toHaveLength(PAGE_ERRORS_PER_WINDOW);

    // Another window is not silenced by the first one's loop.
    const other = core.openSession();
    expect(await core.dispatch('log.pageError', report(1000), { session: other })).toEqual({
      ok: true,
      data: { logged: true },
    });

    core.clock.advance(60_000);
    expect(await core.dispatch('log.pageError', report(2000), { session: window })).toEqual({
      ok: true,
      data: { logged: true },
    });
    expect(core.log.entries.at(-2)).toMatchObject({
      level: 'warn',
      text: `page errors dropped (rate limit) count=${500 - PAGE_ERRORS_PER_WINDOW}`,
    });
  });

  it(`logs at most ${PAGE_ERRORS_PER_MINUTE} a minute from all windows together`, async () => {
    core = await openTempCore();
    core.log.expectError(/^page error: TypeError: loop/);
    let logged = 0;
    for (let w = 0; w < 10; w++) {
      const window = core.openSession();
      for (let n = 0; n < 20; n++) {
        const answer = await core.dispatch('log.pageError', report(n), { session: window });
        if (answer.ok && answer.data.logged) logged++;
      }
    }
    expect(logged).toBe(PAGE_ERRORS_PER_MINUTE);
    expect(pageErrors()).toHaveLength(PAGE_ERRORS_PER_MINUTE);
  });

  it('masks email addresses the page text may quote', async () => {
    core = await openTempCore();
    core.log.expectError(/^page /);
    const window = core.openSession();
    await core.ok('log.pageError', {
      kind: 'unhandledrejection',
      message: 'Error: no customer ana.lima@example.com',
    });
    expect(await core.dispatch('log.pageError', report(1), { session: window })).toMatchObject({ ok: true });
    const text = core.log.entries.map((e) => e.text).join('\n');
    expect(text).not.toContain('ana.lima@example.com');
    expect(text).toContain('page unhandledrejection: Error: no customer <email>');
  });

  it('works on a first run, before the supervisor passcode exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-first-run-'));
    const log = createMemoryLogger();
    const firstRun = await openCore({ dbPath: join(dir, 'desk.sqlite'), logger: log });
    try {
      const window = firstRun.openSession();
      expect(await firstRun.dispatch('agents.list', undefined, { session: window })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await firstRun.dispatch('log.pageError', report(1), { session: window })).toEqual({
        ok: true,
        data: { logged: true },
      });
      expect(log.entries.at(-1)).toMatchObject({ level: 'error', message: 'page error: TypeError: loop 1' });
    } finally {
      await firstRun.close();
      rmSync(dir, { recursive: true, force: true });
    }
    core = await openTempCore(); // for afterEach
  });

  it('a page error that is not expected fails the test that produced it', async () => {
    core = await openTempCore();
    await core.ok('log.pageError', report(1));
    expect(() => core.log.assertNoUnexpectedErrors()).toThrow(/Unexpected error-level log entries/);
    core.log.expectError(/^page error/);
  });
});
