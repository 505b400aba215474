import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseUrlError, type PgConnection } from '../db/postgres/connection';
import { createTestSecretBox } from '../test/test-secret-box';
import {
  choiceFilePath,
  classifyConnectionError,
  describeChoice,
  readSavedChoice,
  resolveDatabaseChoice,
  saveDatabaseChoice,
  testConnection,
  type DatabaseChoiceInput,
  type Resolution,
} from './database-choice';

const root = mkdtempSync(join(tmpdir(), 'rd-choice-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const userDataDir = () => {
  const dir = join(root, `u${(n += 1)}`);
  mkdirSync(dir);
  return dir;
};

const box = createTestSecretBox();
const server: DatabaseChoiceInput = {
  kind: 'postgres',
  host: 'db.store.lan',
  port: 5432,
  database: 'returndesk',
  user: 'returndesk_app',
  password: 'correct horse',
  tls: 'verified',
};
const resolve = (argv: string[], env: NodeJS.ProcessEnv, userData: string, withBox = box): Resolution =>
  resolveDatabaseChoice({ argv: ['electron', '.', ...argv], env, userData, box: withBox });
const chosen = (resolution: Resolution) => {
  if (!resolution.ok) throw new Error(`not resolved: ${resolution.error.message}`);
  return resolution.choice;
};
const refused = (resolution: Resolution) => {
  if (resolution.ok) throw new Error(`resolved: ${describeChoice(resolution.choice)}`);
  return resolution;
};

describe('which database opens', () => {
  it('prefers --database-url=, then RETURNDESK_DATABASE_URL, then the saved choice, then the SQLite file', () => {
    const userData = userDataDir();
    expect(saveDatabaseChoice(userData, server, box).ok).toBe(true);
    const env = { RETURNDESK_DATABASE_URL: 'postgres://env@env-host/envdb', RETURNDESK_DB: '/b.sqlite' };
    const flag = chosen(resolve(['--database-url=postgres://flag:pw@flag-host:6000/flagdb'], env, userData));
    expect(flag).toMatchObject({ kind: 'postgres', source: 'flag' });
    expect(describeChoice(flag)).toBe('postgres://flag@flag-host:6000/flagdb (TLS off)');

    expect(describeChoice(chosen(resolve([], env, userData)))).toBe(
      'postgres://env@env-host:5432/envdb (TLS off)',
    );

    const saved = chosen(resolve(['--database-url='], { RETURNDESK_DB: '/b.sqlite' }, userData));
    expect(saved).toEqual({
      kind: 'postgres',
      source: 'saved',
      connection: {
        host: 'db.store.lan',
        port: 5432,
        database: 'returndesk',
        user: 'returndesk_app',
        password: 'correct horse',
        tls: { mode: 'verified' },
      },
    });

    expect(chosen(resolve([], { RETURNDESK_DB: '/b.sqlite' }, userDataDir()))).toEqual({
      kind: 'sqlite',
      dbPath: '/b.sqlite',
      source: 'sqlite',
    });
  });

  it('opens the demo desk in its own file whatever else is given', () => {
    const userData = userDataDir();
    saveDatabaseChoice(userData, server, box);
    expect(
      chosen(
        resolve(['--demo', '--database-url=postgres://u@h/d'], { RETURNDESK_DATABASE_URL: 'x' }, userData),
      ),
    ).toEqual({ kind: 'sqlite', dbPath: join(userData, 'returndesk-demo.sqlite'), source: 'demo' });
  });

  it('a saved choice of SQLite is the SQLite file', () => {
    const userData = userDataDir();
    expect(saveDatabaseChoice(userData, { kind: 'sqlite' }, box).ok).toBe(true);
    expect(chosen(resolve([], {}, userData))).toEqual({
      kind: 'sqlite',
      dbPath: join(userData, 'returndesk.sqlite'),
      source: 'sqlite',
    });
  });

  it('a bad URL is a typed problem naming where it came from, with the own desk as the fallback', () => {
    const userData = userDataDir();
    const flag = refused(resolve(['--database-url=mysql://u:hunter2@h/d'], {}, userData));
    expect(flag.error.problem).toBe('bad-url');
    expect(flag.error.message).toMatch(/--database-url=.*postgres:\/\/ or postgresql:\/\//);
    expect(flag.error.message).not.toContain('hunter2');
    expect(flag.fallback).toEqual({
      kind: 'sqlite',
      dbPath: join(userData, 'returndesk.sqlite'),
      source: 'sqlite',
    });
    const env = refused(
      resolve([], { RETURNDESK_DATABASE_URL: 'postgres://u:hunter2@h/d?sslmode=prefer' }, userData),
    );
    expect(env.error.message).toMatch(/RETURNDESK_DATABASE_URL.*sslmode=prefer/);
    expect(env.error.message).not.toContain('hunter2');
  });
});

describe('the saved choice', () => {
  it('holds the password only sealed, in a file only this user may read', () => {
    const userData = userDataDir();
    const saved = saveDatabaseChoice(userData, { ...server, caFile: '/etc/rd/ca.pem' }, box);
    expect(saved.ok).toBe(true);
    const text = readFileSync(choiceFilePath(userData), 'utf8');
    expect(text).not.toContain('correct horse');
    expect(JSON.parse(text)).toEqual({
      version: 1,
      kind: 'postgres',
      host: 'db.store.lan',
      port: 5432,
      database: 'returndesk',
      user: 'returndesk_app',
      tls: 'verified',
      caFile: '/etc/rd/ca.pem',
      sealedPassword: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
    });
    if (process.platform !== 'win32') expect(statSync(choiceFilePath(userData)).mode & 0o777).toBe(0o600);
    expect(readSavedChoice(userData, box)).toMatchObject({
      connection: { password: 'correct horse', tls: { mode: 'verified', caFile: '/etc/rd/ca.pem' } },
    });
  });

  it('refuses to save a password without secret storage, and says why', () => {
    const userData = userDataDir();
    const noKeyring = createTestSecretBox({ unavailable: 'basic-text' });
    const result = saveDatabaseChoice(userData, server, noKeyring);
    if (result.ok) throw new Error('saved');
    expect(result.error.problem).toBe('secret-unavailable');
    expect(result.error.message).toMatch(/no keyring .*--database-url= or RETURNDESK_DATABASE_URL/);
    expect(() => readFileSync(choiceFilePath(userData))).toThrow(/ENOENT/);
    // Without a password there is nothing to protect: saved.
    const { password: _password, ...withoutPassword } = server;
    expect(saveDatabaseChoice(userData, withoutPassword, noKeyring).ok).toBe(true);
    expect(readSavedChoice(userData, noKeyring)).toMatchObject({ connection: { user: 'returndesk_app' } });
    expect(readSavedChoice(userData, noKeyring)).not.toHaveProperty('connection.password');
  });

  it('refuses an incomplete choice field by field', () => {
    const result = saveDatabaseChoice(
      userDataDir(),
      { ...server, host: ' ', port: 70000, tls: 'required', caFile: '/ca.pem' },
      box,
    );
    if (result.ok) throw new Error('saved');
    expect(result.error.problem).toBe('invalid');
    expect(Object.keys(result.error.fields).sort()).toEqual(['host', 'port']);
    const ca = saveDatabaseChoice(userDataDir(), { ...server, tls: 'required', caFile: '/ca.pem' }, box);
    expect(ca.ok || ca.error.fields).toEqual({ caFile: expect.any(String) });
  });

  const damaged = (content: string) => {
    const userData = userDataDir();
    writeFileSync(choiceFilePath(userData), content);
    return refused(resolve([], {}, userData));
  };

  it('a damaged file is a typed problem naming the wrong keys, never their values', () => {
    expect(damaged('{"version":1,"kind":"postgres"').error.problem).toBe('damaged-file');
    const plain = damaged(
      JSON.stringify({
        version: 1,
        kind: 'postgres',
        host: 'h',
        port: 5432,
        database: 'd',
        user: 'u',
        tls: 'off',
        password: 'in plain text',
      }),
    );
    expect(plain.error.problem).toBe('damaged-file');
    expect(plain.error.message).not.toContain('in plain text');
    const wrong = damaged(
      JSON.stringify({
        version: 1,
        kind: 'postgres',
        host: '',
        port: '5432',
        database: 'd',
        user: 'u',
        tls: 'maybe',
      }),
    );
    expect(wrong.error.message).toMatch(/host, port, tls/);
    expect(damaged(JSON.stringify({ version: 2, kind: 'sqlite' })).error.problem).toBe('damaged-file');
    expect(
      damaged(JSON.stringify({ version: 1, kind: 'sqlite', sealedPassword: 'eA==' })).error.problem,
    ).toBe('damaged-file');
  });

  it('an unreadable file is a typed problem too', () => {
    const userData = userDataDir();
    mkdirSync(choiceFilePath(userData));
    const result = refused(resolve([], {}, userData));
    expect(result.error.problem).toBe('unreadable-file');
    expect(result.error.message).toMatch(/EISDIR/);
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      const locked = userDataDir();
      writeFileSync(choiceFilePath(locked), '{}');
      chmodSync(choiceFilePath(locked), 0o000);
      expect(refused(resolve([], {}, locked)).error.problem).toBe('unreadable-file');
    }
  });

  it('a password this workstation cannot open, or no secret storage now, is a typed problem', () => {
    const userData = userDataDir();
    saveDatabaseChoice(userData, server, box);
    expect(refused(resolve([], {}, userData, createTestSecretBox())).error.problem).toBe('secret-unreadable');
    const gone = refused(resolve([], {}, userData, createTestSecretBox({ unavailable: 'no-encryption' })));
    expect(gone.error.problem).toBe('secret-unavailable');
    expect(gone.error.message).toMatch(/no encryption/);
  });
});

describe('connection problems', () => {
  const connection: PgConnection = {
    host: 'db.lan',
    port: 5432,
    database: 'returndesk',
    user: 'returndesk_app',
    password: 'hunter2',
    tls: { mode: 'verified' },
  };
  const withCode = (message: string, code?: string) =>
    Object.assign(new Error(message), code ? { code } : {});
  const classify = (error: unknown) => classifyConnectionError(error, connection);

  it('tells unreachable, bad password, no database, not allowed and TLS apart', () => {
    expect(classify(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')).code).toBe('unreachable');
    expect(classify(withCode('getaddrinfo ENOTFOUND db.lan', 'ENOTFOUND')).code).toBe('unreachable');
    expect(classify(new Error('Connection terminated due to connection timeout')).code).toBe('unreachable');
    expect(classify(withCode('password authentication failed for user "x"', '28P01')).code).toBe(
      'bad-credentials',
    );
    expect(classify(withCode('database "nope" does not exist', '3D000')).code).toBe('no-such-database');
    expect(
      classify(withCode('no pg_hba.conf entry for host "1.2.3.4", user "u", database "d", SSL off', '28000'))
        .code,
    ).toBe('tls');
    expect(
      classify(
        withCode('no pg_hba.conf entry for host "1.2.3.4", user "u", database "d", SSL encryption', '28000'),
      ).code,
    ).toBe('not-allowed');
    expect(classify(new Error('The server does not support SSL connections')).code).toBe('tls');
    expect(classify(withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT')).code).toBe('tls');
    expect(
      classify(withCode("Hostname/IP does not match certificate's altnames", 'ERR_TLS_CERT_ALTNAME_INVALID'))
        .code,
    ).toBe('tls');
    expect(classify(new DatabaseUrlError('The CA certificate file /x cannot be read (ENOENT).')).code).toBe(
      'tls',
    );
    expect(classify(new Error('permission denied for schema public')).code).toBe('other');
  });

  it('says what to check in the person’s words, and never shows a password', () => {
    const problem = classify(withCode('connect ECONNREFUSED', 'ECONNREFUSED'));
    expect(problem.message).toMatch(/db\.lan:5432 cannot be reached/);
    const leaky = classify(new Error('failed for postgres://returndesk_app:hunter2@db.lan/returndesk'));
    expect(leaky.detail).toBe('failed for postgres://returndesk_app:***@db.lan/returndesk');
    expect(leaky.message).not.toContain('hunter2');
  });

  it('testConnection reports a port nobody listens on as unreachable, without throwing', async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await testConnection({ ...connection, host: '127.0.0.1', port, tls: { mode: 'off' } });
    expect(result).toMatchObject({ ok: false, problem: { code: 'unreachable' } });
  });
});
