import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCore, testDriver, type TempCore } from '../test/temp-core';
import { contract, type ChannelInput } from '../../shared/contract';
import { listCases } from '../services/case-service';
import { createRepositories, readOnly } from './unit-of-work';
import { CaseRepository, searchTerms } from './repositories/case-repository';
import type { SqlReader } from './sql-driver';

// Runs on both engines (CORE_SUITES of vitest.postgres.config.mts): FTS5's trigram search on
// SQLite, pg_trgm on PostgreSQL, with the same expectations.

let core: TempCore;
beforeEach(async () => {
  core = await openTempCore();
});
afterEach(async () => {
  await core.dispose();
});

const refs = async (text: string, extra: Record<string, unknown> = {}) =>
  (await core.ok('cases.list', { text, ...extra })).items.map((c) => c.reference).sort();

describe('case search (FTS5 trigram on SQLite, pg_trgm on PostgreSQL)', () => {
  it('finds cases by surname, phone, email, product word, order number and reference', async () => {
    const maria = await core.ok('customers.create', {
      name: 'Maria Lopez',
      email: 'maria.l@shop.test',
      phone: '+44 (20) 555-0101',
    });
    const bo = await core.ok('customers.create', { name: 'Bo Berg', email: 'bo@example.com' });
    const add = (customerId: number, orderNumber: string, product: string) =>
      core.ok('cases.create', { customerId, orderNumber, product, reason: 'other' });
    await add(maria.id, 'SO-4411', 'Kettle 1.7 l, steel');
    await add(bo.id, 'WEB-9000', 'Toaster');
    await add(maria.id, 'SO-7788', 'Desk lamp');

    expect(await refs('Lopez')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('lopez')).toEqual(['RMA-000001', 'RMA-000003']);
    // The phone as typed in part, or as digits only.
    expect(await refs('555-0101')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('205550101')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('maria.l@shop')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('kettle')).toEqual(['RMA-000001']);
    expect(await refs('steel')).toEqual(['RMA-000001']);
    expect(await refs('9000')).toEqual(['RMA-000002']);
    // Every word must match: surname and product together.
    expect(await refs('Lopez lamp')).toEqual(['RMA-000003']);
    expect(await refs('RMA-000002')).toEqual(['RMA-000002']);
    // Short text still finds by reference and by prefix.
    expect(await refs('2')).toEqual(['RMA-000002']);
    expect(await refs('Bo')).toEqual(['RMA-000002']);
    // FTS syntax is just text.
    expect(await refs('"lopez" OR *')).toEqual([]);
    // Combined with other filters.
    await core.ok('cases.cancel', { id: 1, reason: 'Duplicate' });
    expect(await refs('Lopez', { status: 'queued' })).toEqual(['RMA-000003']);
  });

  it('finds the same on both engines: short words, wildcards and quotes literally, letters folded', async () => {
    const people = [
      { name: 'Ángel Núñez', email: 'angel@example.com', phone: '+34 (91) 555-0101' },
      { name: 'Zoë 100% Wool', email: 'zoe_w@example.com' },
      { name: 'Иван Петров', email: 'ivan@example.com' },
      { name: 'Ab "Quoted" Co', email: 'ab@example.com' },
    ];
    const products = ['Kettle 1.7 L', 'Scarf_blue', 'Чайник', 'Lamp'];
    for (const [i, person] of people.entries()) {
      const customer = await core.ok('customers.create', person);
      await core.ok('cases.create', {
        customerId: customer.id,
        orderNumber: `SO-${i + 1}`,
        product: products[i],
        reason: 'other',
      });
    }
    const expected: [string, string[]][] = [
      ['kett', ['RMA-000001']],
      ['0101', ['RMA-000001']], // inside a phone number
      ['34915550101', ['RMA-000001']], // digits only
      ['example.com', ['RMA-000001', 'RMA-000002', 'RMA-000003', 'RMA-000004']],
      ['example ivan', ['RMA-000003']],
      ['example nobody', []],
      // Letters folded in every alphabet, accents kept apart.
      ['ÁNGEL', ['RMA-000001']],
      ['núñez', ['RMA-000001']],
      ['nunez', []],
      ['ZOË', ['RMA-000002']],
      ['ИВАН', ['RMA-000003']],
      ['чайник', ['RMA-000003']],
      // LIKE wildcards and FTS syntax are just characters.
      ['100%', ['RMA-000002']],
      ['%%%', []],
      ['kett_e', []],
      ['rf_b', ['RMA-000002']],
      ['zoe_w', ['RMA-000002']],
      ['"quoted"', ['RMA-000004']],
      ['"lopez" OR *', []],
      ['ang*', []],
      // Words under three characters are not searched inside text: reference and prefixes.
      ['L', []],
      ['Zo', ['RMA-000002']],
      ['zo', ['RMA-000002']],
      ['so-', ['RMA-000001', 'RMA-000002', 'RMA-000003', 'RMA-000004']],
      ['3', ['RMA-000003']],
      ['el ez', []],
    ];
    const actual: [string, string[]][] = [];
    for (const [text] of expected) actual.push([text, await refs(text)]);
    expect(actual).toEqual(expected);
    // The queue order's path (search as a condition, not walked) finds the same.
    for (const [text, refsFound] of expected) {
      const queued = (await core.ok('cases.list', { text, sort: 'queue' })).items.map((c) => c.reference);
      expect(queued.sort(), text).toEqual(refsFound);
    }
  });

  it('differs on one point only: a Greek final sigma (ς) is not σ on PostgreSQL', async () => {
    // FTS5 folds ς (U+03C2) to σ; PostgreSQL's lower() keeps them apart and turns a Σ at the
    // end of a word into ς. Searches typed in capitals or as written agree; "νίκοσ" (σ where ς
    // is written) finds the case on SQLite only. Folding both sides alike needs the search
    // index's expression changed (a migration).
    const nikos = await core.ok('customers.create', { name: 'Νίκος Παππάς', email: 'nikos@example.com' });
    await core.ok('cases.create', {
      customerId: nikos.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    expect(await refs('ΝΊΚΟΣ')).toEqual(['RMA-000001']);
    expect(await refs('νίκος')).toEqual(['RMA-000001']);
    expect(await refs('παππάς')).toEqual(['RMA-000001']);
    expect(await refs('νίκοσ')).toEqual(testDriver() === 'sqlite' ? ['RMA-000001'] : []);
  });

  it('follows a customer’s new details and new cases in the same commit', async () => {
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    expect(await refs('Lima')).toEqual(['RMA-000001']);

    await core.ok('customers.update', { id: ana.id, name: 'Ana Moreau', phone: '0612 345 678' });
    expect(await refs('Lima')).toEqual([]);
    expect(await refs('Moreau')).toEqual(['RMA-000001']);
    expect(await refs('0612345678')).toEqual(['RMA-000001']);

    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-2',
      product: 'Heater',
      reason: 'other',
    });
    expect(await refs('moreau')).toEqual(['RMA-000001', 'RMA-000002']);
    expect((await core.ok('cases.list', { text: 'moreau' })).total).toBe(2);
  });

  it('is open to the front desk, read-only', async () => {
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    const desk = core.openSession();
    const found = await core.dispatch('cases.list', { text: 'Lima' }, { session: desk });
    expect(found).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await core.dispatch('cases.cancel', { id: 1, reason: 'x' }, { session: desk })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  describe('order and paging (issue 12: pages stop early instead of sorting every match)', () => {
    /** Nine kettles a minute apart: even ids steel, odd glass; every third for Bo Berg, the rest Ana Lima. */
    async function seed() {
      const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
      const bo = await core.ok('customers.create', { name: 'Bo Berg', email: 'bo@example.com' });
      for (let i = 1; i <= 9; i++) {
        core.clock.advance(60_000);
        await core.ok('cases.create', {
          customerId: i % 3 === 0 ? bo.id : ana.id,
          orderNumber: `SO-${i}`,
          product: i % 2 === 0 ? 'Kettle, steel' : 'Kettle, glass',
          reason: 'other',
        });
      }
    }
    /**
     * One page through dispatch (few found: read all, then sorted), checked against the same page
     * from the path that walks the index backwards (taken from `SORT_FOUND_BELOW` found on).
     */
    const page = async (input: NonNullable<ChannelInput<'cases.list'>>) => {
      const found = await core.ok('cases.list', input);
      const walking = await core.read((reader) => {
        const sql = readOnly(reader);
        return listCases(
          { ...createRepositories(sql), cases: new CaseRepository(sql, 0) },
          contract['cases.list'].input.parse(input),
        );
      });
      // The same page; its seq is each repositories' own count of commits.
      expect({ ...walking, seq: found.seq }).toEqual(found);
      return { ids: found.items.map((c) => c.id), total: found.total };
    };

    it('finds newest first by case number (oldest first on request), pages without gaps, counts all', async () => {
      await seed();
      expect(await page({ text: 'kettle' })).toEqual({ ids: [9, 8, 7, 6, 5, 4, 3, 2, 1], total: 9 });
      expect(await page({ text: 'kettle', sort: 'oldest' })).toEqual({
        ids: [1, 2, 3, 4, 5, 6, 7, 8, 9],
        total: 9,
      });
      const pages = [];
      for (let offset = 0; offset < 9; offset += 4)
        pages.push(await page({ text: 'kettle', limit: 4, offset }));
      expect(pages).toEqual([
        { ids: [9, 8, 7, 6], total: 9 },
        { ids: [5, 4, 3, 2], total: 9 },
        { ids: [1], total: 9 },
      ]);
      expect(await page({ text: 'kettle', limit: 2, offset: 1, sort: 'oldest' })).toEqual({
        ids: [2, 3],
        total: 9,
      });
      // Every word, other filters too: the total counts only what the filters keep.
      expect(await page({ text: 'lima steel' })).toEqual({ ids: [8, 4, 2], total: 3 });
      await core.ok('cases.cancel', { id: 8, reason: 'Duplicate' });
      await core.ok('cases.cancel', { id: 2, reason: 'Duplicate' });
      expect(await page({ text: 'lima steel', status: 'queued' })).toEqual({ ids: [4], total: 1 });
      expect(await page({ text: 'kettle', status: 'cancelled', limit: 1 })).toEqual({ ids: [8], total: 2 });
      expect(await page({ text: 'kettle', status: ['queued', 'cancelled'], offset: 7 })).toEqual({
        ids: [2, 1],
        total: 9,
      });
      expect(await page({ text: 'kettle', customerId: 2 })).toEqual({ ids: [9, 6, 3], total: 3 });
      expect(await page({ text: 'kettle', offset: 20 })).toEqual({ ids: [], total: 9 });
      // The queue keeps its serving order, text or not.
      expect(await page({ text: 'glass', status: 'queued', sort: 'queue' })).toEqual({
        ids: [1, 3, 5, 7, 9],
        total: 5,
      });
    });

    it('orders by case number even where the clock went back between two cases (documented)', async () => {
      await seed();
      // A clock set back (a time-zone or NTP fix) logs case 10 "before" case 9.
      core.clock.advance(-10 * 60_000);
      const bo = (await core.ok('customers.search', { query: 'Berg' }))[0]!;
      await core.ok('cases.create', {
        customerId: bo.id,
        orderNumber: 'SO-10',
        product: 'Kettle',
        reason: 'other',
      });
      expect((await page({ text: 'kettle', limit: 3 })).ids).toEqual([10, 9, 8]);
      // Lists without text still sort by when a case was logged.
      expect((await page({ limit: 3 })).ids).toEqual([9, 8, 7]);
    });

    it('counts matches only up to a cap past the page, says so, and pages on past it', async () => {
      await seed();
      // A cap of 4 instead of 1,000, on both paths (read all and sort; walk the index).
      for (const sortFoundBelow of [1000, 0]) {
        await core.read((reader) => capped(new CaseRepository(readOnly(reader), sortFoundBelow, 4)));
      }
      // Through dispatch, at the real cap of 1,000: exact.
      expect(await core.ok('cases.list', { text: 'kettle', limit: 2 })).toMatchObject({
        total: 9,
        totalCapped: false,
      });
    });

    async function capped(cases: CaseRepository) {
      {
        const list = async (filter: Parameters<CaseRepository['list']>[0], limit: number, offset: number) => {
          const { items, total, totalCapped } = await cases.list(filter, 'newest', limit, offset);
          return { ids: items.map((c) => c.id), total, totalCapped };
        };
        const kettle = { text: 'kettle' };
        // Nine match: counted up to 4 (the first step beyond the page), "4 or more".
        expect(await list(kettle, 2, 0)).toEqual({ ids: [9, 8], total: 4, totalCapped: true });
        // A page that ends on the step counts to the next one: "8 or more", so Next stays open.
        expect(await list(kettle, 4, 0)).toEqual({ ids: [9, 8, 7, 6], total: 8, totalCapped: true });
        // Past the cap the page still comes, and the count moves to the next step (8).
        expect(await list(kettle, 2, 4)).toEqual({ ids: [5, 4], total: 8, totalCapped: true });
        // The step past the last page holds them all: exact again.
        expect(await list(kettle, 4, 6)).toEqual({ ids: [3, 2, 1], total: 9, totalCapped: false });
        // Below the cap, and exactly at it: exact.
        expect(await list({ text: 'lima steel' }, 2, 0)).toEqual({
          ids: [8, 4],
          total: 3,
          totalCapped: false,
        });
        expect(await list({ text: 'steel' }, 2, 0)).toEqual({ ids: [8, 6], total: 4, totalCapped: false });
        // With another filter, counted the same way.
        const queued = { text: 'kettle', statuses: ['queued' as const] };
        expect(await list(queued, 2, 0)).toEqual({ ids: [9, 8], total: 4, totalCapped: true });
        expect(await list({ ...queued, customerId: 2 }, 2, 0)).toEqual({
          ids: [9, 6],
          total: 3,
          totalCapped: false,
        });
        // Lists without text count exactly.
        expect(await list({}, 2, 0)).toEqual({ ids: [9, 8], total: 9, totalCapped: false });
      }
    }

    it('walks the search index in order and stops at the page: no sort of all matches', async () => {
      await seed();
      await core.read(async (inner) => {
        const seen: { text: string; params: Record<string, unknown> | undefined }[] = [];
        const recording: SqlReader = {
          dialect: inner.dialect,
          get: (text, params) => inner.get(text, params),
          all: (text, params) => {
            seen.push({ text, params });
            return inner.all(text, params);
          },
        };
        // Walking: as from SORT_FOUND_BELOW found on.
        const cases = new CaseRepository(readOnly(recording), 0);
        for (const statuses of [undefined, ['resolved' as const]]) {
          for (const sort of ['newest', 'oldest'] as const) {
            seen.length = 0;
            await cases.list({ text: 'kettle', statuses }, sort, 50, 0);
            const { text, params } = seen[0]!;
            if (inner.dialect === 'sqlite') {
              expect(params).toMatchObject({ match: searchTerms('kettle') });
              const plan = (await inner.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, params))
                .map((row) => row.detail)
                .join('\n');
              expect(plan, `${sort} ${statuses ?? ''}`).not.toMatch(/TEMP B-TREE/);
              expect(plan).toMatch(/SCAN cases_fts VIRTUAL TABLE/);
            } else {
              // PostgreSQL has no walk in rowid order: the search is served by its trigram
              // index, or, behind a more selective filter (no case resolved yet), checked per
              // case by primary key. Never a whole table read (a desk this small would be).
              await inner.all('SET LOCAL enable_seqscan = off');
              const plan = (await inner.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params))
                .map((row) => row['QUERY PLAN'])
                .join('\n');
              expect(plan, `${sort} ${statuses ?? ''}`).not.toMatch(/Seq Scan/);
              expect(plan).toMatch(statuses ? /idx_cases_fts_text|cases_fts_pkey/ : /idx_cases_fts_text/);
            }
          }
        }
      });
    });
  });
});
