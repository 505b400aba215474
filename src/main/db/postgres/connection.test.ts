import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  connectionFromUrl,
  DatabaseUrlError,
  describeConnection,
  pgConfig,
  pgSsl,
  redactUrl,
  type PgConnection,
} from './connection';

const dir = mkdtempSync(join(tmpdir(), 'rd-connection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refused = (url: string): string => {
  try {
    connectionFromUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseUrlError);
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`accepted ${url}`);
};

describe('connectionFromUrl', () => {
  it('takes a URL apart, decoding its parts, TLS off without sslmode', () => {
    expect(connectionFromUrl('postgres://desk:p%40ss%2Fw0rd@db.store.lan:6543/return%20desk')).toEqual({
      host: 'db.store.lan',
      port: 6543,
      database: 'return desk',
      user: 'desk',
      password: 'p@ss/w0rd',
      tls: { mode: 'off' },
    });
    expect(connectionFromUrl('postgresql://desk@10.0.0.5/returndesk')).toEqual({
      host: '10.0.0.5',
      port: 5432,
      database: 'returndesk',
      user: 'desk',
      tls: { mode: 'off' },
    });
    expect(connectionFromUrl('postgres://desk@[::1]:5433/rd').host).toBe('::1');
    expect(connectionFromUrl('postgres://desk@x/rd?host=/run/postgresql').host).toBe('/run/postgresql');
  });

  it('honours sslmode= and sslrootcert=', () => {
    const tls = (query: string) => connectionFromUrl(`postgres://u@h/d${query}`).tls;
    expect(tls('?sslmode=disable')).toEqual({ mode: 'off' });
    expect(tls('?sslmode=require')).toEqual({ mode: 'required' });
    expect(tls('?sslmode=verify-full')).toEqual({ mode: 'verified' });
    // verify-ca is taken as the stricter verify-full.
    expect(tls('?sslmode=verify-ca')).toEqual({ mode: 'verified' });
    expect(tls('?sslmode=verify-full&sslrootcert=/etc/rd/ca.pem')).toEqual({
      mode: 'verified',
      caFile: '/etc/rd/ca.pem',
    });
  });

  it('refuses what is not a PostgreSQL desk, saying why and never the password', () => {
    expect(refused('mysql://u:secret@h/d')).toMatch(/postgres:\/\/ or postgresql:\/\//);
    expect(refused('not a url secret')).toMatch(/not a URL/);
    expect(refused('postgres://u:secret@h/')).toMatch(/no database/);
    expect(refused('postgres://:secret@h/d')).toMatch(/no user/);
    expect(refused('postgres://u:secret@h/d?sslmode=prefer')).toMatch(/sslmode=prefer is not supported/);
    expect(refused('postgres://u:secret@h/d?sslmode=require&sslrootcert=/ca')).toMatch(/verify-full/);
    expect(refused('postgres://u:secret@h/d?password=x')).toMatch(/“password” is not supported/);
    expect(refused('postgres://u:secret@h/d/e')).toMatch(/more than one path/);
    expect(refused('postgres://u:%E0%A4%A@h/d')).toMatch(/not valid percent-encoding/);
    for (const url of ['mysql://u:secret@h/d', 'postgres://u:secret@h/', 'postgres://u:secret@h/d?sslmode=x'])
      expect(refused(url)).not.toContain('secret');
  });
});

describe('TLS modes as pg options', () => {
  it('maps off, required and verified', () => {
    expect(pgSsl({ mode: 'off' }, 'db.lan')).toBe(false);
    expect(pgSsl({ mode: 'required' }, 'db.lan')).toEqual({ rejectUnauthorized: false });
    expect(pgSsl({ mode: 'verified' }, 'db.lan')).toEqual({ rejectUnauthorized: true, servername: 'db.lan' });
    // An address is checked against the certificate's IP entries; no SNI name is sent.
    expect(pgSsl({ mode: 'verified' }, '10.0.0.5')).toEqual({ rejectUnauthorized: true });
  });

  it('reads the CA file for verified, and says so when it cannot', () => {
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nstand-in\n-----END CERTIFICATE-----\n');
    expect(pgSsl({ mode: 'verified', caFile: ca }, 'db.lan')).toEqual({
      rejectUnauthorized: true,
      ca: '-----BEGIN CERTIFICATE-----\nstand-in\n-----END CERTIFICATE-----\n',
      servername: 'db.lan',
    });
    expect(() => pgSsl({ mode: 'verified', caFile: join(dir, 'missing.pem') }, 'db.lan')).toThrow(
      /CA certificate file .*missing\.pem cannot be read \(ENOENT\)/,
    );
  });

  it('gives pg fields, never a connection string whose sslmode could override them', () => {
    const config = pgConfig(connectionFromUrl('postgres://u:pw@h:5/d?sslmode=require'));
    expect(config).toEqual({
      host: 'h',
      port: 5,
      database: 'd',
      user: 'u',
      password: 'pw',
      ssl: { rejectUnauthorized: false },
    });
    expect(config).not.toHaveProperty('connectionString');
  });
});

describe('what logs may show', () => {
  const connection: PgConnection = {
    host: 'db.lan',
    port: 5432,
    database: 'returndesk',
    user: 'returndesk_app',
    password: 'hunter2',
    tls: { mode: 'verified', caFile: '/etc/ca.pem' },
  };

  it('describes a connection without its password', () => {
    expect(describeConnection(connection)).toBe(
      'postgres://returndesk_app@db.lan:5432/returndesk (TLS verified, CA /etc/ca.pem)',
    );
    expect(describeConnection({ ...connection, host: '::1', tls: { mode: 'off' } })).toBe(
      'postgres://returndesk_app@[::1]:5432/returndesk (TLS off)',
    );
  });

  it('redacts passwords in URLs, in any text', () => {
    expect(redactUrl('postgres://u:hunter2@h:5432/d')).toBe('postgres://u:***@h:5432/d');
    expect(redactUrl('failed: postgresql://u:a@b@h/d and POSTGRES://x:y@z/w')).toBe(
      'failed: postgresql://u:***@h/d and POSTGRES://x:***@z/w',
    );
    expect(redactUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
    expect(redactUrl('--database-url=postgres://u:p%40ss@h/d')).toBe('--database-url=postgres://u:***@h/d');
  });
});
