// Hostile input at the boundary: every channel gets hundreds of arbitrary
// payloads, both pure junk and near-misses built from its real field names.
// Each must come back as VALIDATION (or NOT_FOUND / CONFLICT for well-formed
// input that points at nothing) or as a real answer: never an exception, never
// INTERNAL, never a polluted prototype, and a refused call changes no row.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/contract';
import { cheapHashesForTests } from '../auth/secrets';
import { openCore, type Core } from '../core';
import { asSupervisor, TOOLS_PASSCODE } from '../test/as-supervisor';
import { TestClock } from '../test/temp-core';
import { binaryString, nastyUnicode } from '../test/unicode-arbitraries';
import { createMemoryLogger } from '../log/memory-logger';
import { contentTables } from '../reliability/sql-dump';

const RUNS_PER_CHANNEL = 300;

let dir: string;
let core: Core;
let dbPath: string;
const logged: unknown[] = [];
const clock = new TestClock();
let backupName = '';

beforeAll(async () => {
  // Every passcode and PIN payload is checked against a hash: its cost is not what this is about.
  cheapHashesForTests(2);
  dir = mkdtempSync(join(tmpdir(), 'returndesk-fuzz-'));
  dbPath = join(dir, 'returndesk.sqlite');
  core = await asSupervisor(
    await openCore({
      dbPath,
      now: clock.now,
      logError: (message, error) => logged.push([message, error]),
      // Valid `log.pageError` payloads are logged as page errors: not the console's business here.
      logger: createMemoryLogger(),
    }),
  );
  const ok = async (channel: ChannelName, input?: unknown) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data as { id: number; name: string };
  };
  // Ids 1-3 exist for agents, customers and cases, so well-formed input reaches the services.
  for (const name of ['Dana', 'Eli', 'Sam']) await ok('agents.create', { name, pin: '1234' });
  const ana = await ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  await ok('customers.create', { name: 'Bo', phone: '+1 555 0100' });
  for (let i = 0; i < 5; i++) {
    clock.advance();
    await ok('cases.create', {
      customerId: ana.id,
      orderNumber: `SO-${i}`,
      product: 'Kettle',
      reason: 'other',
    });
  }
  backupName = (await ok('backup.now')).name;
});
afterAll(async () => {
  reader?.db.close();
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Every row of every table: a refused call must leave it byte-for-byte equal.
 * `sign_in_throttle` may be left out: a wrong passcode or PIN is refused and yet
 * counted (on disk, so a restart does not reset it); that is the only write a
 * refusal makes, and only a FORBIDDEN answer may make it.
 *
 * Read as cheaply as it can be without checking less: the statements (the two pragmas
 * too) are prepared once per connection and schema, and the rows are read again only
 * when SQLite's `data_version` says another connection committed since the last read (it
 * changes on every commit by another connection; unchanged, the rows are the ones read
 * last time).
 */
interface Reader {
  db: Database.Database;
  ino: number;
  dataVersion: Database.Statement<[], number>;
  schemaVersion: Database.Statement<[], number>;
}
let reader: Reader | null = null;
let dumped: { version: number; schema: number; tables: [string, string][] } | null = null;
let statements: { schema: number; byTable: [string, Database.Statement][] } | null = null;
function contentHashes(): { all: string; withoutThrottle: string } {
  // A restore puts a new file at the path: follow it.
  const ino = statSync(dbPath).ino;
  if (!reader || reader.ino !== ino) {
    reader?.db.close();
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    reader = {
      db,
      ino,
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      schemaVersion: db.prepare<[], number>('PRAGMA schema_version').pluck(),
    };
    dumped = null;
    statements = null;
  }
  const { db } = reader;
  const version = reader.dataVersion.get();
  const schema = reader.schemaVersion.get();
  if (version === undefined || schema === undefined) throw new Error('PRAGMA answered no row');
  if (!dumped || dumped.version !== version || dumped.schema !== schema) {
    if (!statements || statements.schema !== schema) {
      statements = {
        schema,
        byTable: contentTables(db).map((name) => [
          name,
          db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`),
        ]),
      };
    }
    dumped = {
      version,
      schema,
      tables: statements.byTable.map(([name, rows]) => [name, JSON.stringify(rows.all())]),
    };
  }
  const join = (tables: [string, string][]) =>
    tables.map(([name, rows]) => `${JSON.stringify(name)}:${rows}`).join('\n');
  return {
    all: join(dumped.tables),
    withoutThrottle: join(dumped.tables.filter(([name]) => name !== 'sign_in_throttle')),
  };
}

// ---- payloads ----

const deep = (levels: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = asArray ? [value] : { a: value };
  return value;
};

const HOSTILE_CONSTANTS: unknown[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 64,
  Number.MIN_VALUE,
  null,
  undefined,
  true,
  false,
  '',
  '   ',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\u200b\u200b',
  '\u2060',
  '\ufeff',
  'Ana \u202eamil.exe',
  'Ana\u0000Lima',
  '\u001b[2J\u001b[31mred',
  'Ana\rLima',
  '2026-02-30',
  '1999-12-31',
  '2026-02-29',
  '\ud800',
  'Z\u0351\u0368\u0305a\u0350\u0344l\u0312g\u036co',
  '=HYPERLINK("http://evil.example")',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE cases; --",
  '%',
  '_%\\',
  'x'.repeat(100_000),
  '😀'.repeat(30_000),
  [],
  {},
  [1, 2, 3],
  Object.create(null),
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  { toString: 'not a function', valueOf: 'nope' },
  deep(5000, 'bottom', false),
  deep(5000, 'bottom', true),
  new Date(NaN),
  new Map([['id', 1]]),
  new Uint8Array(16),
  10n,
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyUnicode, weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS), weight: 4 },
  { arbitrary: binaryString({ maxLength: 80 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  {
    arbitrary: fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withBoxedValues: true,
      key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name')),
    }),
    weight: 2,
  },
);

/** Plausible values per field name, so near-misses reach the services and some calls succeed. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.integer({ min: 1, max: 7 }),
  customerId: fc.integer({ min: 1, max: 3 }),
  agentId: fc.integer({ min: 1, max: 4 }),
  // Now and then the name of a real backup: backup.restore then really restores it.
  name: fc.oneof(
    fc.constantFrom('Dana', '  Élodie Ø ', 'José 🚀', 'E\u0301lodie', '\u200b\u200b', 'Ana \u202eamil.exe'),
    nastyUnicode,
    fc.constant(null).map(() => backupName),
  ),
  passcode: fc.oneof(fc.constant(TOOLS_PASSCODE), fc.string()),
  customer: fc.record(
    {
      name: fc.oneof(fc.constantFrom('Walk In', '\u2060'), nastyUnicode),
      email: fc.constantFrom('', 'walk@in.co', 'x'),
      phone: fc.constantFrom('', '+1 555 0101'),
    },
    { requiredKeys: [] },
  ),
  title: fc.constantFrom('', 'Lead', '<b>Boss</b>'),
  onDuty: fc.boolean(),
  includeRemoved: fc.boolean(),
  query: fc.constantFrom('', 'Ana', '%', '_', "O'Brien"),
  limit: fc.integer({ min: 1, max: 60 }),
  offset: fc.integer({ min: 0, max: 10 }),
  email: fc.constantFrom('', 'a@b.co', 'not-an-email'),
  phone: fc.constantFrom('', '+1 555 0100', 'call me'),
  orderNumber: fc.oneof(fc.constantFrom('SO-1', '=1+1', ' ', '\u200b\u200b'), nastyUnicode),
  product: fc.oneof(fc.constantFrom('Kettle', '@SUM(A1)', '\u2060'), nastyUnicode),
  purchaseDate: fc.constantFrom('', '2026-01-01', '2999-01-01', '2026-02-30', '1999-12-31', '2024-02-29'),
  reason: fc.constantFrom('defective', 'other', 'Changed their mind'),
  description: fc.oneof(fc.constantFrom('', 'Broken lid', '<script>alert(1)</script>', 'a\nb'), nastyUnicode),
  priority: fc.constantFrom('normal', 'urgent', 'URGENT'),
  // A few keys used again and again: a repeat with other details must be refused, writing nothing.
  intakeKey: fc.constantFrom(
    '0b7c6a4e-3f1d-4c2a-9e8b-5d6f7a8b9c0d',
    '0B7C6A4E-3F1D-4C2A-9E8B-5D6F7A8B9C0D',
    '5e2f9d1c-7a3b-4e6f-8c0d-1a2b3c4d5e6f',
    '',
    'not-a-uuid',
  ),
  status: fc.constantFrom(
    'queued',
    ['queued', 'assigned'],
    ['resolved', 'resolved', 'resolved', 'resolved', 'x'],
  ),
  text: fc.constantFrom('', 'RMA-000001', 'kettle'),
  sort: fc.constantFrom('newest', 'queue', 'random'),
  outcome: fc.constantFrom('refund', 'store_credit', 'nothing'),
  note: fc.oneof(fc.constantFrom('', 'Refunded in cash'), nastyUnicode),
  thresholdMinutes: fc.oneof(fc.integer({ min: -1, max: 125 }), fc.constantFrom(2.5, '5', Number.NaN)),
};

/** The field names a channel's schema accepts (through optional/refine wrappers). */
function fieldsOf(schema: z.ZodType): string[] {
  let s: unknown = schema;
  while (s instanceof z.ZodOptional) s = s.unwrap();
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function payloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const fields = fieldsOf(contract[channel].input);
  const field = (name: string) =>
    fc.oneof({ arbitrary: plausible[name] ?? fc.string(), weight: 3 }, { arbitrary: hostile, weight: 2 });
  const nearMiss = fc.record(Object.fromEntries(fields.map((f) => [f, field(f)])), {
    requiredKeys: [],
  });
  const withExtraKey = fc
    .tuple(nearMiss, fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'id '), hostile)
    .map(([base, key, value]) => {
      const out = { ...(base as object) };
      Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
      return out;
    });
  return fc.oneof(
    { arbitrary: hostile, weight: 3 },
    { arbitrary: nearMiss, weight: fields.length > 0 ? 5 : 0 },
    { arbitrary: withExtraKey, weight: fields.length > 0 ? 2 : 0 },
    { arbitrary: nearMiss.map((p) => [p]), weight: fields.length > 0 ? 1 : 0 },
  );
}

// ---- the checks ----

const prototypes = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
];
const shapeOf = () => prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join(','));
const protoBefore = shapeOf();

const describePayload = (payload: unknown) => {
  try {
    return (
      JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(payload)
    ).slice(0, 200);
  } catch {
    return Object.prototype.toString.call(payload);
  }
};

describe('hostile input on every channel', () => {
  it.each(CHANNEL_NAMES)('%s', async (channel) => {
    const tally = { tried: 0, ok: 0, VALIDATION: 0, NOT_FOUND: 0, CONFLICT: 0, FORBIDDEN: 0 };
    const loggedBefore = logged.length; // one channel's failure should not fail the next
    // Sign-in calls change the calling window's standing: each payload gets its own window.
    // A wrong secret, a lockout or a missing role are legitimate answers there.
    const signInChannel =
      channel.startsWith('auth.') && channel !== 'auth.changePasscode' && channel !== 'auth.setAgentSignOut';
    const mayBeForbidden = channel.startsWith('auth.') || channel === 'backup.restore';
    await fc.assert(
      fc.asyncProperty(payloads(channel), async (payload) => {
        const before = contentHashes();
        const changes: unknown[] = [];
        const unsubscribe = core.onChange((event) => changes.push(event));
        let result: Awaited<ReturnType<Core['dispatch']>>;
        try {
          result = await core.dispatch(
            channel,
            payload,
            signInChannel ? { session: core.openSession() } : undefined,
          );
        } catch (error) {
          throw new Error(`exception escaped dispatch for ${describePayload(payload)}: ${String(error)}`, {
            cause: error,
          });
        } finally {
          unsubscribe();
        }
        tally.tried++;
        // What crosses IPC must survive structured cloning.
        expect(() => structuredClone(result)).not.toThrow();
        if (result.ok) {
          tally.ok++;
        } else {
          const expected = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', ...(mayBeForbidden ? ['FORBIDDEN'] : [])];
          if (!expected.includes(result.error.code)) {
            throw new Error(`${result.error.code} for ${describePayload(payload)}: ${result.error.message}`);
          }
          tally[result.error.code as 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN']++;
          expect(typeof result.error.message).toBe('string');
          if (result.error.code === 'FORBIDDEN') {
            expect(contentHashes().withoutThrottle).toBe(before.withoutThrottle);
          } else {
            expect(contentHashes().all).toBe(before.all);
          }
          expect(changes).toEqual([]);
        }
        expect(shapeOf()).toEqual(protoBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    console.log(
      `fuzz ${channel}: ${tally.tried} payloads → ${tally.ok} ok, ${tally.VALIDATION} VALIDATION, ` +
        `${tally.NOT_FOUND} NOT_FOUND, ${tally.CONFLICT} CONFLICT, ${tally.FORBIDDEN} FORBIDDEN, 0 exceptions`,
    );
    expect(tally.tried).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
    expect(tally.VALIDATION).toBeGreaterThan(0);
    expect(logged.slice(loggedBefore)).toEqual([]);
  });
});
