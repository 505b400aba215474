// A counter pointed at a shared PostgreSQL through its saved choice (issue 16): the choice is
// saved (password sealed), read back at "start", tried, and the desk opens on it; the
// connection test tells a wrong password, a missing database and a TLS mismatch apart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cheapHashesForTests } from '../auth/secrets';
import { openCore, type Core } from '../core';
import { connectionFromUrl, type PgConnection } from '../db/postgres/connection';
import { createTestDatabase, type TestDatabase } from '../db/postgres/test-database';
import { createMemoryLogger } from '../log/memory-logger';
import { createTestSecretBox } from '../test/test-secret-box';
import { choiceFilePath, resolveDatabaseChoice, saveDatabaseChoice, testConnection } from './database-choice';

cheapHashesForTests(2);

let database: TestDatabase;
let server: PgConnection;
let userData: string;
const cores: Core[] = [];
const box = createTestSecretBox();

beforeAll(async () => {
  database = await createTestDatabase();
  server = connectionFromUrl(database.url);
  userData = mkdtempSync(join(tmpdir(), 'rd-choice-pg-'));
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});
afterAll(async () => {
  await database.drop();
  rmSync(userData, { recursive: true, force: true });
});

describe('a desk on the saved choice', () => {
  it('opens through the saved choice with TLS off, its password sealed in the file', async () => {
    const { password, ...where } = server;
    expect(password).toBeTruthy();
    const saved = saveDatabaseChoice(userData, { kind: 'postgres', ...where, password, tls: 'off' }, box);
    expect(saved.ok).toBe(true);
    expect(readFileSync(choiceFilePath(userData), 'utf8')).not.toContain(password);

    const resolution = resolveDatabaseChoice({ argv: ['electron', '.'], env: {}, userData, box });
    if (!resolution.ok || resolution.choice.kind !== 'postgres')
      throw new Error('no saved PostgreSQL choice');
    const { connection } = resolution.choice;
    expect(connection).toEqual(server);
    expect(await testConnection(connection)).toEqual({ ok: true });

    const logger = createMemoryLogger();
    const core = await openCore({ database: connection, logger });
    cores.push(core);
    expect(core.dialect).toBe('postgres');
    expect(core.location).toBe(
      `postgres://${server.user}@${server.host}:${server.port}/${server.database} (TLS off)`,
    );
    // A new desk: migrated at open, the first-run screen next.
    const status = await core.dispatch('auth.status', undefined, { session: core.openSession() });
    expect(status).toMatchObject({ ok: true, data: { setupRequired: true } });
    // The log says which database opened, never with its password.
    const opened = logger.entries.find((entry) => entry.message === 'database opened');
    expect(opened?.text).toContain(`postgres="${core.location}"`);
    expect(JSON.stringify(logger.entries)).not.toContain(password);
  });
});

describe('testConnection against the cluster', () => {
  it('tells a wrong password, a missing database and a TLS mismatch apart', async () => {
    const problem = async (connection: PgConnection) => {
      const result = await testConnection(connection, { timeoutMs: 5000 });
      if (result.ok) throw new Error('connected');
      expect(result.problem.message).not.toContain(server.password ?? '');
      return result.problem.code;
    };
    expect(await problem({ ...server, password: 'not the password' })).toBe('bad-credentials');
    expect(await problem({ ...server, database: 'no_such_desk' })).toBe('no-such-database');
    // The test cluster has no TLS: a counter that requires it must not fall back to plain text.
    expect(await problem({ ...server, tls: { mode: 'required' } })).toBe('tls');
    expect(await problem({ ...server, tls: { mode: 'verified' } })).toBe('tls');
  });
});
