// Where a shared PostgreSQL desk is and how to reach it (issue 16): one value the core, the
// driver, the migrations and the change listener all connect with, built from a URL
// (`--database-url=`, RETURNDESK_DATABASE_URL, tests) or from the saved choice in
// `<userData>/database.json` (src/main/app/database-choice.ts). No Electron here.
//
// TLS has three modes, mapped to pg's `ssl` option:
// - off:      no TLS (`ssl: false`). The password and every customer's details cross the
//             network readable: only for a server on the same machine or a test cluster.
// - required: TLS, the server's certificate not checked (`rejectUnauthorized: false`), as
//             libpq's `sslmode=require`: safe from a listener, not from a machine posing as
//             the server.
// - verified: TLS, the certificate checked against the system's CAs or a CA file, and the
//             host name against the certificate (`sslmode=verify-full`), as docs/SECURITY.md asks.
//
// The URL is taken apart here rather than handed to pg as `connectionString`: pg lets the
// string's parameters override the `ssl` given beside it, and (pg 8) treats
// `sslmode=require` as verify-full. Building pg's config field by field keeps the mode the
// person chose the one that runs.
import { readFileSync } from 'node:fs';
import { DEFAULT_POSTGRES_PORT, type TlsMode } from '../../../shared/database';
import { deskMessage as m } from '../../../shared/i18n/desk-messages';

export type PgTls = { mode: 'off' } | { mode: 'required' } | { mode: 'verified'; caFile?: string };

export interface PgConnection {
  /** A host name or address (or a unix socket folder, from a URL's `host=` parameter). */
  host: string;
  port: number;
  database: string;
  user: string;
  /** Never logged, never written in plain text (the saved choice holds it sealed). */
  password?: string;
  tls: PgTls;
}

/** A URL that is not a PostgreSQL desk's, with a message that says what is wrong (and no password). */
export class DatabaseUrlError extends Error {
  override readonly name = 'DatabaseUrlError';
}

/** The parameters a URL may carry; anything else is refused rather than silently ignored. */
const URL_PARAMETERS = new Set(['sslmode', 'sslrootcert', 'host']);

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new DatabaseUrlError(m('databaseUrl.encoding'));
  }
}

function tlsFromUrl(sslmode: string | null, sslrootcert: string | null): PgTls {
  const caFile = sslrootcert ?? undefined;
  switch (sslmode) {
    case null:
    case 'disable':
      if (caFile) throw new DatabaseUrlError(m('databaseUrl.rootCertNeedsVerify'));
      return { mode: 'off' };
    case 'require':
      if (caFile) throw new DatabaseUrlError(m('databaseUrl.rootCertNeedsVerify'));
      return { mode: 'required' };
    // verify-ca is taken as verify-full (the host name is checked too): stricter, never weaker.
    case 'verify-ca':
    case 'verify-full':
      return caFile ? { mode: 'verified', caFile } : { mode: 'verified' };
    default:
      throw new DatabaseUrlError(m('databaseUrl.sslmode', { mode: sslmode }));
  }
}

/**
 * `postgres://user:password@host:port/database?sslmode=…&sslrootcert=…` (or `postgresql://`)
 * as a connection. Throws `DatabaseUrlError` with a message that names the problem and never
 * the password.
 */
export function connectionFromUrl(text: string): PgConnection {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new DatabaseUrlError(m('databaseUrl.notUrl'));
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(m('databaseUrl.scheme', { scheme: `${url.protocol}//` }));
  }
  for (const key of url.searchParams.keys()) {
    if (!URL_PARAMETERS.has(key)) throw new DatabaseUrlError(m('databaseUrl.parameter', { name: key }));
  }
  const socketHost = url.searchParams.get('host');
  const host = socketHost ?? decoded(url.hostname).replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new DatabaseUrlError(m('databaseUrl.noHost'));
  const port = url.port ? Number(url.port) : DEFAULT_POSTGRES_PORT;
  const user = decoded(url.username);
  if (!user) throw new DatabaseUrlError(m('databaseUrl.noUser'));
  const database = decoded(url.pathname.replace(/^\//, ''));
  if (!database) throw new DatabaseUrlError(m('databaseUrl.noDatabase'));
  if (database.includes('/')) throw new DatabaseUrlError(m('databaseUrl.path'));
  const password = url.password ? decoded(url.password) : undefined;
  const tls = tlsFromUrl(url.searchParams.get('sslmode'), url.searchParams.get('sslrootcert'));
  return { host, port, database, user, tls, ...(password !== undefined && { password }) };
}

/** The TLS options pg (and TypeORM, for the migrations) is given: a subset of Node's. */
export interface PgSslOptions {
  rejectUnauthorized: boolean;
  /** The CA certificate(s), PEM, from the CA file. */
  ca?: string;
  /** The name sent (SNI) and checked against the certificate. */
  servername?: string;
}

/** The fields pg's Client and Pool (and TypeORM) take for a connection. */
export interface PgClientFields {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  ssl: false | PgSslOptions;
}

/** What a connection's TLS option is for pg (`ssl`); a CA file is read here. */
export function pgSsl(tls: PgTls, host: string): false | PgSslOptions {
  switch (tls.mode) {
    case 'off':
      return false;
    case 'required':
      return { rejectUnauthorized: false };
    case 'verified': {
      // Node checks the host name against the certificate when it verifies; `servername`
      // (SNI, and the name checked) is the host unless that is an address.
      const ssl: PgSslOptions = { rejectUnauthorized: true };
      if (tls.caFile) {
        try {
          ssl.ca = readFileSync(tls.caFile, 'utf8');
        } catch (error) {
          const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
          throw new DatabaseUrlError(m('databaseUrl.caFile', { path: tls.caFile, reason }));
        }
      }
      if (!/^[\d.]+$|:/.test(host)) ssl.servername = host;
      return ssl;
    }
  }
}

/** The fields pg's Client and Pool take for this connection (no `connectionString`). */
export function pgConfig(connection: PgConnection): PgClientFields {
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password ?? '',
    ssl: pgSsl(connection.tls, connection.host),
  };
}

/** A connection as logs and dialogs may show it: never the password. */
export function describeConnection(connection: PgConnection): string {
  const host = connection.host.includes(':') ? `[${connection.host}]` : connection.host;
  const ca =
    connection.tls.mode === 'verified' && connection.tls.caFile ? `, CA ${connection.tls.caFile}` : '';
  return `postgres://${connection.user}@${host}:${connection.port}/${connection.database} (TLS ${connection.tls.mode}${ca})`;
}

/**
 * A URL, or any text holding one, with its password replaced by `***`: for logs and error
 * messages. Works on text that is not a valid URL too (user:password@ before a host).
 */
export function redactUrl(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*):\S*@/gi, '$1:***@');
}

/** A TLS mode and CA file as typed or saved (the CA file only counts when verifying). */
export function tlsFrom(fields: { tls: TlsMode; caFile?: string | undefined }): PgTls {
  if (fields.tls !== 'verified') return { mode: fields.tls };
  return fields.caFile ? { mode: 'verified', caFile: fields.caFile } : { mode: 'verified' };
}

/** A connection from its fields as a person types them (Admin) or the saved choice holds them. */
export function connectionFromFields(fields: {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string | undefined;
  tls: TlsMode;
  caFile?: string | undefined;
}): PgConnection {
  return {
    host: fields.host,
    port: fields.port,
    database: fields.database,
    user: fields.user,
    ...(fields.password && { password: fields.password }),
    tls: tlsFrom(fields),
  };
}

/** Where to connect: a connection, or a URL (tests, benchmarks, `--database-url=`). */
export type PgTarget = PgConnection | string;

export const connectionOf = (target: PgTarget): PgConnection =>
  typeof target === 'string' ? connectionFromUrl(target) : target;
