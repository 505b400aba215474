// Admin → Database's port on a real server (issue 16): a desk on this workstation's file is
// tried against an empty shared database, moved into it, chosen (the password sealed in the
// saved choice), and the app's next start opens the moved desk; then back to the file. The
// file is never written.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDatabaseFields } from '../../shared/database';
import { cheapHashesForTests } from '../auth/secrets';
import { openCore } from '../core';
import { connectionFromUrl } from '../db/postgres/connection';
import { createTestDatabase, type TestDatabase } from '../db/postgres/test-database';
import { createMemoryLogger } from '../log/memory-logger';
import { asSupervisor } from '../test/as-supervisor';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, TEST_PASSCODE, type TempCore } from '../test/temp-core';
import { createTestSecretBox } from '../test/test-secret-box';
import { choiceFilePath, resolveDatabaseChoice } from './database-choice';
import { createDatabaseShell, moveDesk, probeDatabase, type OpenedDatabase } from './database-shell';

cheapHashesForTests(2);

let target: TestDatabase;
let desk: TempCore;
let userData: string;
const box = createTestSecretBox();
const restarts: string[] = [];
let opened: OpenedDatabase | null = null;
const port = () =>
  createDatabaseShell({
    userData,
    box,
    opened: () => opened ?? { kind: 'sqlite', dbPath: desk.dbPath, demo: false },
    probe: probeDatabase,
    move: (from, to) => moveDesk(from, to),
    restart: () => restarts.push('restart'),
  });
const fields = (): SharedDatabaseFields => {
  const { host, port: at, database, user, password } = connectionFromUrl(target.url);
  return { host, port: at, database, user, password: password ?? '', tls: 'off' };
};
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  target = await createTestDatabase();
  userData = mkdtempSync(join(tmpdir(), 'rd-db-shell-pg-'));
  // This workstation's own desk: a SQLite file (a folder given: SQLite whatever the run's
  // driver), with the app's port behind its channels.
  desk = await openTempCore({ dir: mkdtempSync(join(tmpdir(), 'rd-own-desk-')), databasePort: port() });
  await addAgents(desk, 'Dana', 'Eli');
  const customer = await addCustomer(desk);
  for (let i = 0; i < 3; i++) await logCase(desk, customer.id);
});
afterAll(async () => {
  await desk.dispose();
  await target.drop();
  rmSync(userData, { recursive: true, force: true });
});

describe("Admin → Database's port on a real server", () => {
  it('a wrong password is the password field’s problem, and nothing is saved', async () => {
    await expect(port().test({ ...fields(), password: 'not it' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { password: expect.any(String) },
    });
    await expect(port().use({ ...fields(), password: 'not it' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(() => readFileSync(choiceFilePath(userData))).toThrow();
    expect(restarts).toEqual([]);
  });

  it('moves the desk into the empty database, chooses it, and the next start opens it', async () => {
    expect(await port().test(fields())).toEqual({
      serverVersion: expect.stringMatching(/^\d+/),
      empty: true,
    });
    const before = sha256(desk.dbPath);
    const cases = (await desk.ok('cases.active')).cases.map((c) => [c.reference, c.status, c.agentName]);

    // Through the channel, which holds the desk's writes while it is copied.
    const report = await desk.ok('database.move', fields());
    expect(report.tables.find((t) => t.name === 'cases')).toEqual({ name: 'cases', rows: 3 });
    expect(sha256(desk.dbPath)).toBe(before);
    expect(await port().test(fields())).toMatchObject({ empty: false });
    // A second move finds a desk there already.
    await expect(port().move(fields())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: /already holds a desk/,
    });

    expect(await port().use(fields())).toBe(true);
    expect(restarts).toEqual(['restart']);
    const file = readFileSync(choiceFilePath(userData), 'utf8');
    expect(file).not.toContain(fields().password);

    // The next start: the saved choice, its password opened, the moved desk.
    const resolution = resolveDatabaseChoice({ argv: ['electron', '.'], env: {}, userData, box });
    if (!resolution.ok || resolution.choice.kind !== 'postgres')
      throw new Error('no saved PostgreSQL choice');
    const shared = await asSupervisor(
      await openCore({ database: resolution.choice.connection, logger: createMemoryLogger() }),
      TEST_PASSCODE,
    );
    try {
      const moved = await shared.dispatch('cases.active', undefined);
      expect(moved.ok && moved.data.cases.map((c) => [c.reference, c.status, c.agentName])).toEqual(cases);
    } finally {
      await shared.close();
    }

    // On the shared desk, Admin says so; going back to the file saves that and starts again.
    opened = {
      kind: 'postgres',
      connection: resolution.choice.connection,
      source: 'saved',
      liveUpdates: true,
    };
    expect(port().status()).toMatchObject({ kind: 'postgres', source: 'saved', database: fields().database });
    await expect(port().move(fields())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await port().useLocal()).toBe(true);
    expect(restarts).toEqual(['restart', 'restart']);
    const back = resolveDatabaseChoice({ argv: ['electron', '.'], env: {}, userData, box });
    expect(back.ok && back.choice.kind).toBe('sqlite');
  });
});
