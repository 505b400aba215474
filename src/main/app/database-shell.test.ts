// Admin → Database's port as the app serves it, where no PostgreSQL answers: what it says the
// desk runs on, and every refusal (nothing saved, no restart). The paths that reach a server
// (use, move, back to the file) are in database-shell.pg.test.ts.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedDatabaseFields } from '../../shared/database';
import { createTestSecretBox } from '../test/test-secret-box';
import { choiceFilePath } from './database-choice';
import { createDatabaseShell, type OpenedDatabase } from './database-shell';

const root = mkdtempSync(join(tmpdir(), 'rd-db-shell-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A port where nothing listens: taken, then closed. */
let closedPort = 0;
beforeAll(async () => {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  closedPort = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
});

function shell(opened: OpenedDatabase | null, box = createTestSecretBox()) {
  const userData = mkdtempSync(join(root, 'user-'));
  const restarts: number[] = [];
  const port = createDatabaseShell({
    userData,
    box,
    opened: () => opened,
    probe: async () => ({ serverVersion: '15', empty: true }),
    move: async () => ({ tables: [], durationMs: 0 }),
    restart: () => restarts.push(1),
    timeoutMs: 2000,
  });
  return { port, restarts, userData };
}

const own: OpenedDatabase = { kind: 'sqlite', dbPath: '/data/returndesk.sqlite', demo: false };
const fields = (): SharedDatabaseFields => ({
  host: '127.0.0.1',
  port: closedPort,
  database: 'desk',
  user: 'desk_app',
  password: 'secret',
  tls: 'off',
});

describe("Admin → Database's port", () => {
  it("says the desk runs on this workstation's file, and whether a password could be kept", () => {
    expect(shell(own).port.status()).toEqual({
      kind: 'sqlite',
      file: '/data/returndesk.sqlite',
      canSavePassword: true,
    });
    expect(shell(own, createTestSecretBox({ unavailable: 'basic-text' })).port.status()).toMatchObject({
      canSavePassword: false,
    });
  });

  it('describes a shared desk without its password', () => {
    const status = shell({
      kind: 'postgres',
      connection: {
        host: 'db.lan',
        port: 5433,
        database: 'desk',
        user: 'app',
        password: 'pw',
        tls: { mode: 'verified' },
      },
      source: 'saved',
      liveUpdates: false,
    }).port.status();
    expect(status).toEqual({
      kind: 'postgres',
      host: 'db.lan',
      port: 5433,
      database: 'desk',
      user: 'app',
      tls: 'verified',
      source: 'saved',
      liveUpdates: false,
      canSavePassword: true,
    });
    expect(JSON.stringify(status)).not.toContain('pw');
  });

  it('a server that does not answer is the server field’s problem; nothing saved, no restart', async () => {
    const { port, restarts, userData } = shell(own);
    for (const attempt of [port.test, port.use, port.move]) {
      await expect(attempt(fields())).rejects.toMatchObject({
        code: 'VALIDATION',
        fields: { host: expect.any(String) },
      });
    }
    expect(existsSync(choiceFilePath(userData))).toBe(false);
    expect(restarts).toEqual([]);
  });

  it('a desk chosen by the flag or the environment is changed there, not here', async () => {
    for (const source of ['flag', 'env'] as const) {
      const { port, restarts } = shell({
        kind: 'postgres',
        connection: { host: 'db.lan', port: 5432, database: 'desk', user: 'app', tls: { mode: 'off' } },
        source,
        liveUpdates: true,
      });
      const where = source === 'flag' ? /--database-url/ : /RETURNDESK_DATABASE_URL/;
      await expect(port.use(fields())).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(where),
      });
      await expect(port.useLocal()).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(restarts).toEqual([]);
    }
  });

  it('the demo desk stays the demo desk', async () => {
    const { port } = shell({ kind: 'sqlite', dbPath: '/data/demo.sqlite', demo: true });
    await expect(port.use(fields())).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(port.move(fields())).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("on this workstation's own file already, going back to it is nothing to do", async () => {
    const { port, restarts, userData } = shell(own);
    expect(await port.useLocal()).toBe(false);
    expect(existsSync(choiceFilePath(userData))).toBe(false);
    expect(restarts).toEqual([]);
  });
});
