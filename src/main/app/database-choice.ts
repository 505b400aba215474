// Which database this counter opens (issue 16), decided at start, in this order:
//   1. `--demo`: the demo desk, always its own SQLite file (src/main/app/paths.ts);
//   2. `--database-url=postgres://…` on the command line;
//   3. the RETURNDESK_DATABASE_URL environment variable;
//   4. the choice saved in `<userData>/database.json` (a later Admin → Database saves it,
//      through `saveDatabaseChoice`);
//   5. the workstation's own SQLite file (`--db=`, RETURNDESK_DB, `<userData>/returndesk.sqlite`).
// A choice that cannot be used (a bad URL, a damaged file, a password this workstation cannot
// open) is a typed `DatabaseChoiceError`, never a crash and never a silent switch: the shell
// asks the person (src/main/app/open-desk.ts).
//
// The saved file holds the server's host, port, database, user and TLS mode, and the
// password only as a `SecretBox`'s sealed text (Electron's safeStorage in the app): never in
// plain text. No Electron import here.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { z } from 'zod';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { MessageId } from '../../shared/i18n/translator';
import {
  connectionFromUrl,
  DatabaseUrlError,
  describeConnection,
  pgConfig,
  connectionFromFields,
  redactUrl,
  type PgConnection,
} from '../db/postgres/connection';
import { TLS_MODES } from '../../shared/database';
import { isDemo, resolveDbPath } from './paths';
import type { SecretBox, SecretBoxUnavailable } from './secret-box';

export const DATABASE_CHOICE_FILE = 'database.json';
export const DATABASE_URL_FLAG = '--database-url=';
export const DATABASE_URL_ENV = 'RETURNDESK_DATABASE_URL';

/** Where the choice came from (logs say so; the demo and the SQLite file are `sqlite`). */
export type ChoiceSource = 'demo' | 'flag' | 'env' | 'saved' | 'sqlite';

export type SqliteChoice = { kind: 'sqlite'; dbPath: string; source: 'demo' | 'saved' | 'sqlite' };
export type PostgresChoice = { kind: 'postgres'; connection: PgConnection; source: 'flag' | 'env' | 'saved' };
export type DatabaseChoice = SqliteChoice | PostgresChoice;

export type DatabaseChoiceProblem =
  /** `--database-url=` or RETURNDESK_DATABASE_URL is not a usable PostgreSQL URL. */
  | 'bad-url'
  /** database.json exists and cannot be read (permissions, a folder in its place). */
  | 'unreadable-file'
  /** database.json is not JSON, or not a choice this version knows. */
  | 'damaged-file'
  /** A saved password, and no secret storage on this workstation to open (or save) it. */
  | 'secret-unavailable'
  /** A saved password this workstation's secret storage cannot open (another account or PC). */
  | 'secret-unreadable'
  /** `saveDatabaseChoice` was given an incomplete or wrong choice (`fields` says where). */
  | 'invalid'
  /** `saveDatabaseChoice` could not write the file. */
  | 'write-failed';

export class DatabaseChoiceError extends Error {
  override readonly name = 'DatabaseChoiceError';
  constructor(
    readonly problem: DatabaseChoiceProblem,
    message: string,
    /** Per-field messages for `invalid`, keyed by the input's field name. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type ChoiceResult<T> = { ok: true; value: T } | { ok: false; error: DatabaseChoiceError };

export type Resolution =
  | { ok: true; choice: DatabaseChoice }
  /** The choice cannot be used: `fallback` is the workstation's own desk, if the person picks it. */
  | { ok: false; error: DatabaseChoiceError; fallback: SqliteChoice };

// ---------------------------------------------------------------------------------------------
// The saved file

const name = (max: number) => z.string().trim().min(1).max(max);

/** `<userData>/database.json`, version 1. Unknown keys are refused (a plain `password` above all). */
const savedChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ version: z.literal(1), kind: z.literal('sqlite') }),
  z
    .strictObject({
      version: z.literal(1),
      kind: z.literal('postgres'),
      host: name(255),
      port: z.number().int().min(1).max(65535),
      database: name(63),
      user: name(63),
      tls: z.enum(TLS_MODES),
      caFile: name(4096).optional(),
      /** The password as the SecretBox sealed it (base64); absent when the server asks none. */
      sealedPassword: z.base64().min(1).optional(),
    })
    .refine((saved) => saved.caFile === undefined || saved.tls === 'verified', {
      message: 'caFile needs tls "verified"',
      path: ['caFile'],
    }),
]);
export type SavedDatabaseChoice = z.infer<typeof savedChoiceSchema>;

/** What a later Admin → Database panel (over IPC) hands `saveDatabaseChoice`. */
export const databaseChoiceInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite') }),
  z.strictObject({
    kind: z.literal('postgres'),
    host: name(255),
    port: z.number().int().min(1).max(65535),
    database: name(63),
    user: name(63),
    /** Empty or absent: no password (a server that trusts this workstation another way). */
    password: z.string().max(1024).optional(),
    tls: z.enum(TLS_MODES),
    caFile: name(4096).optional(),
  }),
]);
export type DatabaseChoiceInput = z.input<typeof databaseChoiceInputSchema>;

export const choiceFilePath = (userData: string): string => join(userData, DATABASE_CHOICE_FILE);

const errorCode = (error: unknown): string =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';

const secretWhy = (reason: SecretBoxUnavailable | null): string =>
  reason === 'basic-text' ? m('secretStorage.basicText') : m('secretStorage.noEncryption');

/**
 * The saved choice (null when none was saved), its password opened with `box`.
 * Throws `DatabaseChoiceError` for a file that cannot be read or used; never returns a half.
 */
export function readSavedChoice(userData: string, box: SecretBox): DatabaseChoice | null {
  const path = choiceFilePath(userData);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new DatabaseChoiceError(
      'unreadable-file',
      m('databaseChoice.unreadableFile', { path, reason: errorCode(error) }),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DatabaseChoiceError(
      'damaged-file',
      m('databaseChoice.damagedFile', { path, problem: m('databaseChoice.notJson') }),
    );
  }
  const parsed = savedChoiceSchema.safeParse(json);
  if (!parsed.success) {
    // Which keys are wrong, never their values (one of them could be a password).
    const where = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'kind'))].join(', ');
    throw new DatabaseChoiceError('damaged-file', m('databaseChoice.damagedFile', { path, problem: where }));
  }
  const saved = parsed.data;
  if (saved.kind === 'sqlite') return null;
  let password: string | undefined;
  if (saved.sealedPassword !== undefined) {
    if (!box.available())
      throw new DatabaseChoiceError(
        'secret-unavailable',
        m('databaseChoice.secretUnavailable', { why: secretWhy(box.unavailableReason()) }),
      );
    try {
      password = box.open(saved.sealedPassword);
    } catch {
      throw new DatabaseChoiceError('secret-unreadable', m('databaseChoice.secretUnreadable'));
    }
  }
  return {
    kind: 'postgres',
    source: 'saved',
    connection: connectionFromFields({ ...saved, password }),
  };
}

/**
 * Saves the choice for the next start (atomically, readable by this user only). A password is
 * sealed with `box`; with no real secret storage (`box.available()` false) a choice with a
 * password is refused, saying why: the flag and the environment variable still work.
 */
export function saveDatabaseChoice(
  userData: string,
  input: unknown,
  box: SecretBox,
): ChoiceResult<SavedDatabaseChoice> {
  const parsed = databaseChoiceInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      fields[issue.path.join('.') || 'kind'] = m('databaseChoice.fieldInvalid');
    return {
      ok: false,
      error: new DatabaseChoiceError(
        'invalid',
        m('databaseChoice.invalid', { fields: Object.keys(fields).join(', ') }),
        fields,
      ),
    };
  }
  const choice = parsed.data;
  let saved: SavedDatabaseChoice;
  if (choice.kind === 'sqlite') {
    saved = { version: 1, kind: 'sqlite' };
  } else {
    if (choice.caFile !== undefined && choice.tls !== 'verified') {
      const fields = { caFile: m('databaseChoice.fieldInvalid') };
      return {
        ok: false,
        error: new DatabaseChoiceError('invalid', m('databaseChoice.invalid', { fields: 'caFile' }), fields),
      };
    }
    let sealedPassword: string | undefined;
    if (choice.password) {
      if (!box.available())
        return {
          ok: false,
          error: new DatabaseChoiceError(
            'secret-unavailable',
            m('databaseChoice.passwordRefused', { why: secretWhy(box.unavailableReason()) }),
          ),
        };
      sealedPassword = box.seal(choice.password);
    }
    saved = {
      version: 1,
      kind: 'postgres',
      host: choice.host,
      port: choice.port,
      database: choice.database,
      user: choice.user,
      tls: choice.tls,
      ...(choice.caFile !== undefined && { caFile: choice.caFile }),
      ...(sealedPassword !== undefined && { sealedPassword }),
    };
  }
  const path = choiceFilePath(userData);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(userData, { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    return {
      ok: false,
      error: new DatabaseChoiceError(
        'write-failed',
        m('databaseChoice.writeFailed', { reason: errorCode(error) }),
      ),
    };
  }
  return { ok: true, value: saved };
}

// ---------------------------------------------------------------------------------------------
// Resolution at start

const urlChoice = (text: string, source: 'flag' | 'env'): PostgresChoice => {
  try {
    return { kind: 'postgres', source, connection: connectionFromUrl(text) };
  } catch (error) {
    if (!(error instanceof DatabaseUrlError)) throw error;
    const where = source === 'flag' ? DATABASE_URL_FLAG : DATABASE_URL_ENV;
    throw new DatabaseChoiceError('bad-url', m('databaseChoice.badUrl', { where, problem: error.message }));
  }
};

/** Which database to open at start (see the top of this file for the order). */
export function resolveDatabaseChoice(input: {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  userData: string;
  box: SecretBox;
}): Resolution {
  const { argv, env, userData } = input;
  const own: SqliteChoice = {
    kind: 'sqlite',
    dbPath: resolveDbPath(argv, env, userData),
    source: isDemo(argv) ? 'demo' : 'sqlite',
  };
  if (isDemo(argv)) return { ok: true, choice: own };
  try {
    const flag = argv.find(
      (arg) => arg.startsWith(DATABASE_URL_FLAG) && arg.length > DATABASE_URL_FLAG.length,
    );
    if (flag) return { ok: true, choice: urlChoice(flag.slice(DATABASE_URL_FLAG.length), 'flag') };
    const fromEnv = env[DATABASE_URL_ENV];
    if (fromEnv) return { ok: true, choice: urlChoice(fromEnv, 'env') };
    const saved = readSavedChoice(userData, input.box);
    if (saved) return { ok: true, choice: saved };
    return { ok: true, choice: own };
  } catch (error) {
    if (!(error instanceof DatabaseChoiceError)) throw error;
    return { ok: false, error, fallback: own };
  }
}

/** A choice as logs and Help → About show it: the file's path, or the server without the password. */
export function describeChoice(choice: DatabaseChoice): string {
  return choice.kind === 'sqlite' ? choice.dbPath : describeConnection(choice.connection);
}

// ---------------------------------------------------------------------------------------------
// Trying a connection

export type ConnectionProblemCode =
  'unreachable' | 'bad-credentials' | 'not-allowed' | 'no-such-database' | 'tls' | 'other';

export interface ConnectionProblem {
  code: ConnectionProblemCode;
  /** For the person, in the desk's language. */
  message: string;
  /** The driver's own words, any URL's password redacted: for the log. */
  detail: string;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'ENOENT', // a unix socket folder with no server in it
]);

const PROBLEM_MESSAGES: Record<ConnectionProblemCode, MessageId> = {
  unreachable: 'connectionProblem.unreachable',
  'bad-credentials': 'connectionProblem.badCredentials',
  'not-allowed': 'connectionProblem.notAllowed',
  'no-such-database': 'connectionProblem.noSuchDatabase',
  tls: 'connectionProblem.tls',
  other: 'connectionProblem.other',
};

/** What went wrong connecting to (or opening) a PostgreSQL desk, for the person and the log. */
export function classifyConnectionError(error: unknown, connection: PgConnection): ConnectionProblem {
  const detail = redactUrl(error instanceof Error ? error.message : String(error));
  const code = errorCode(error);
  const problem = (kind: ConnectionProblemCode): ConnectionProblem => {
    const values = {
      host: connection.host,
      port: connection.port,
      user: connection.user,
      database: connection.database,
      detail,
    };
    return { code: kind, message: m(PROBLEM_MESSAGES[kind], values), detail };
  };
  if (error instanceof DatabaseUrlError) return problem('tls'); // the CA file could not be read
  // PostgreSQL's own SQLSTATEs.
  if (code === '28P01') return problem('bad-credentials');
  if (code === '3D000') return problem('no-such-database');
  if (code === '28000') {
    // pg_hba.conf: "no pg_hba.conf entry for host …, user …, database …, no encryption".
    return problem(/no encryption|SSL off/i.test(detail) ? 'tls' : 'not-allowed');
  }
  if (UNREACHABLE.has(code) || /connection timeout|timeout expired/i.test(detail))
    return problem('unreachable');
  if (
    /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_)/.test(code) ||
    /does not support SSL|SSL|TLS|certificate/i.test(detail)
  )
    return problem('tls');
  return problem('other');
}

/**
 * Connects once with a short timeout and runs `SELECT 1`: whether a choice works before it is
 * saved or opened. Never throws; the password never reaches the problem's text.
 */
export async function testConnection(
  connection: PgConnection,
  options: { timeoutMs?: number } = {},
): Promise<{ ok: true } | { ok: false; problem: ConnectionProblem }> {
  const timeoutMs = options.timeoutMs ?? 5000;
  let client: pg.Client | null = null;
  try {
    client = new pg.Client({
      ...pgConfig(connection),
      application_name: 'ReturnDesk connection test',
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
    });
    // An error after the answer (the server going away) must not be an uncaught one.
    client.on('error', () => undefined);
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: classifyConnectionError(error, connection) };
  } finally {
    await client?.end().catch(() => undefined);
  }
}
