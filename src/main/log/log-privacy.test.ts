// After a scripted day at the counter the log file holds the events a helper needs
// (start, checks, migrations, backups, restores, refusals, lockouts, internal errors
// with their stacks) and none of the personal data typed that day.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../core';
import { knownMigrationNames } from '../db/database-file';
import { TestClock } from '../test/temp-core';
import { personalData, scriptedDay } from '../test/scripted-day';
import { createFileLogger } from './file-logger';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let dir: string;
let log: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-day-'));
  const dbPath = join(dir, 'returndesk.sqlite');
  const logger = createFileLogger({ dir: join(dir, 'logs') });
  const clock = new TestClock();
  const core = await openCore({ dbPath, now: clock.now, logger });
  try {
    await scriptedDay(core, clock, dbPath);
  } finally {
    await core.close();
  }
  log = readFileSync(logger.file, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the log after a day at the counter', () => {
  it('holds the events', () => {
    const migrations = knownMigrationNames();
    const expected = [
      /\[info\]\s+database file checked quickCheck="new desk"/,
      new RegExp(`\\[info\\]\\s+migrations run count=${migrations.length} names="${migrations.join(',')}"`),
      /\[info\]\s+database opened file="returndesk.sqlite" firstRun=true/,
      /\[warn\]\s+sign-in locked after wrong tries who="agent:2"/,
      /\[info\]\s+backup written name="returndesk-[^"]+-manual.sqlite" kind="manual" bytes=\d+/,
      /\[warn\]\s+restore refused name="returndesk-2026-01-01T00-00-00-000Z-manual.sqlite" kind="corrupt"/,
      /\[info\]\s+database file checked quickCheck="ok"/,
      /\[info\]\s+migrations run count=0/,
      /\[info\]\s+restore done from="returndesk-[^"]+-manual.sqlite" replaced="returndesk.sqlite.replaced-[^"]+"/,
      /\[error\]\s+change listener failed\nError: listener broke on purpose\n\s+at /,
    ];
    for (const pattern of expected) expect(log).toMatch(pattern);
  });

  it('holds no name, email, phone, PIN or passcode typed that day', () => {
    const leaks = personalData().filter((value) => log.toLowerCase().includes(value.toLowerCase()));
    expect(leaks).toEqual([]);
    expect(personalData().length).toBeGreaterThanOrEqual(20);
  });
});
