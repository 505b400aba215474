// Skills routing at the service level: product categories a supervisor manages, agents'
// skills, and who may take which case (see engine/eligibility.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentDto, CaseDto, CategoryDto } from '../../shared/domain';
import { addCustomer, logCase } from '../test/fixtures';
import { findInvariantViolationsBy } from '../test/invariants';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore;
let customerId: number;
beforeEach(async () => {
  core = await openTempCore();
  customerId = (await addCustomer(core)).id;
});
afterEach(async () => {
  expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  await core.dispose();
});

const category = (name: string) => core.ok('categories.create', { name });

async function agent(name: string, skills: CategoryDto[] = [], onDuty = true): Promise<AgentDto> {
  core.clock.advance(1000);
  return core.ok('agents.create', { name, pin: '1234', onDuty, skills: skills.map((k) => k.id) });
}

const logFor = (k: CategoryDto | null, extra: Record<string, unknown> = {}) =>
  logCase(core, customerId, { ...(k ? { categoryId: k.id } : {}), ...extra });

const status = async (c: CaseDto) => {
  const found = await core.ok('cases.get', { id: c.id });
  return { status: found.status, agent: found.agentName };
};

describe('product categories', () => {
  it('are unique whatever the case of their letters, accents included', async () => {
    await category('Électronique');
    for (const name of ['électronique', 'ÉLECTRONIQUE', ' Électronique ']) {
      expect(await core.dispatch('categories.create', { name })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', fields: { name: 'Électronique already exists' } },
      });
    }
    const apparel = await category('Apparel');
    expect(await core.dispatch('categories.rename', { id: apparel.id, name: 'ÉLECTRONIQUE' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // Its own name in other letters is no clash.
    expect(await core.ok('categories.rename', { id: apparel.id, name: 'APPAREL' })).toMatchObject({
      name: 'APPAREL',
    });
    expect((await core.ok('categories.list')).map((k) => k.name)).toEqual(['APPAREL', 'Électronique']);
  });

  it('keep the database backstop: lower() makes names unique among those in use', async () => {
    await category('Garden');
    // Behind the core's back, on either engine (SQLite: "UNIQUE constraint failed"; PostgreSQL:
    // "violates unique constraint").
    const insert = (name: string) =>
      core.tamper(`INSERT INTO categories (name, created_at, updated_at) VALUES ('${name}', 'x', 'x')`);
    await expect(insert('GARDEN')).rejects.toThrow(/UNIQUE constraint|unique constraint/);
    await expect(insert('')).rejects.toThrow(/CHECK constraint|check constraint/);
  });

  it('are refused for removal while an open case names them; afterwards agents lose the skill', async () => {
    const tv = await category('Electronics');
    const ana = await agent('Ana', [tv]);
    const c = await logFor(tv);
    expect(await status(c)).toEqual({ status: 'assigned', agent: 'Ana' });
    expect(await core.dispatch('categories.remove', { id: tv.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('1 open case') },
    });
    expect((await core.ok('agents.get', { id: ana.id })).skills).toEqual([tv.id]);

    await core.ok('cases.resolve', { id: c.id, agentId: ana.id, outcome: 'refund' });
    await core.ok('categories.remove', { id: tv.id });
    expect(await core.ok('categories.list')).toEqual([]);
    expect((await core.ok('agents.get', { id: ana.id })).skills).toEqual([]);
    // The resolved case still says what it was; the name is free for a new category.
    expect((await core.ok('cases.get', { id: c.id })).categoryName).toBe('Electronics');
    await category('electronics');
    // A removed category cannot be named any more, by a case or an agent.
    expect(
      await core.dispatch('cases.create', {
        customerId,
        orderNumber: 'A',
        product: 'B',
        reason: 'other',
        categoryId: tv.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { categoryId: 'Choose a category from the list' } },
    });
    expect(await core.dispatch('agents.update', { id: ana.id, skills: [tv.id] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { skills: 'Choose skills from the list' } },
    });
  });

  it('count their agents and waiting cases', async () => {
    const tv = await category('Electronics');
    await agent('Ana', [tv]);
    await logFor(tv);
    await logFor(tv);
    expect(await core.ok('categories.list')).toMatchObject([
      { name: 'Electronics', agentCount: 1, waitingCount: 1 },
    ]);
  });
});

describe('who may take a case', () => {
  it('a skills case waits while an unskilled agent is free, and goes to the skilled one when she frees up', async () => {
    const tv = await category('Electronics');
    const bea = await agent('Bea', [tv]);
    const first = await logFor(tv);
    const cal = await agent('Cal');
    const second = await logFor(tv);
    expect(await status(first)).toEqual({ status: 'assigned', agent: 'Bea' });
    expect(await status(second)).toEqual({ status: 'queued', agent: null });
    expect((await core.ok('agents.get', { id: cal.id })).currentCaseId).toBeNull();

    const { next } = await core.ok('cases.resolve', { id: first.id, agentId: bea.id, outcome: 'repair' });
    expect(next?.id).toBe(second.id);
    expect(await status(second)).toEqual({ status: 'assigned', agent: 'Bea' });
  });

  it('a case nobody free may take never blocks the cases behind it', async () => {
    const tv = await category('Electronics');
    const bea = await agent('Bea', [tv]);
    await logFor(tv); // Bea is busy with it
    const urgentTv = await logFor(tv, { priority: 'urgent' });
    const anyCase = await logFor(null);
    const clothing = await logFor(await category('Clothing'));
    await agent('Cal');
    // Cal takes the case behind the urgent one; the urgent one waits for Bea.
    expect(await status(anyCase)).toEqual({ status: 'assigned', agent: 'Cal' });
    expect(await status(urgentTv)).toEqual({ status: 'queued', agent: null });
    // Nobody has Clothing: it is open to anyone, and waits only because nobody is free.
    expect(await status(clothing)).toEqual({ status: 'queued', agent: null });
    expect(bea.skills).toEqual([tv.id]);
  });

  it('among eligible agents the longest free; among eligible cases priority, then age', async () => {
    const tv = await category('Electronics');
    const old = await logFor(tv);
    const high = await logFor(tv, { priority: 'high' });
    const plain = await logFor(null, { priority: 'urgent' });
    await agent('Ann'); // takes the urgent "any" case at once
    expect(await status(plain)).toEqual({ status: 'assigned', agent: 'Ann' });
    await agent('Dee', [tv]);
    expect(await status(high)).toEqual({ status: 'assigned', agent: 'Dee' });
    expect(await status(old)).toEqual({ status: 'queued', agent: null });

    // Two skilled agents free, one for longer: the longer-free takes the next case.
    const eve = await agent('Eve', [tv]);
    expect(await status(old)).toEqual({ status: 'assigned', agent: 'Eve' });
    await core.ok('cases.resolve', { id: old.id, agentId: eve.id, outcome: 'refund' });
    const ida = await agent('Ida', [tv]);
    const next = await logFor(tv);
    expect(await status(next)).toEqual({ status: 'assigned', agent: 'Eve' });
    expect(ida.currentCaseId).toBeNull();
  });

  it('a skill given to a free agent takes a waiting case in the same commit', async () => {
    const tv = await category('Electronics');
    await agent('Bea', [tv], false); // has the skill, off duty: the case waits for her kind
    const c = await logFor(tv);
    const cal = await agent('Cal');
    expect(await status(c)).toEqual({ status: 'queued', agent: null });
    const updated = await core.ok('agents.update', { id: cal.id, skills: [tv.id, tv.id] });
    expect(updated.skills).toEqual([tv.id]);
    expect(updated.currentCaseId).toBe(c.id);
  });

  it('a category nobody on the desk has any more opens its cases to every agent', async () => {
    const tv = await category('Electronics');
    const bea = await agent('Bea', [tv], false); // off duty: the case waits for her
    const waiting = await logFor(tv);
    await agent('Cal');
    expect(await status(waiting)).toEqual({ status: 'queued', agent: null });
    // Bea leaves: nobody has Electronics, so Cal takes the case in the same commit.
    await core.ok('agents.remove', { id: bea.id });
    expect(await status(waiting)).toEqual({ status: 'assigned', agent: 'Cal' });
  });

  it('taking the last skill away also opens the category; a case in hand stays in hand', async () => {
    const tv = await category('Electronics');
    const bea = await agent('Bea', [tv]);
    const held = await logFor(tv);
    const waiting = await logFor(tv);
    await agent('Cal');
    await core.ok('agents.update', { id: bea.id, skills: [] });
    expect(await status(held)).toEqual({ status: 'assigned', agent: 'Bea' });
    expect(await status(waiting)).toEqual({ status: 'assigned', agent: 'Cal' });
  });

  it('a supervisor cannot hand a case to an agent without its skill, nor swap it to one', async () => {
    const tv = await category('Electronics');
    const bea = await agent('Bea', [tv]);
    const tvCase = await logFor(tv);
    const cal = await agent('Cal');
    expect(await core.dispatch('cases.reassign', { id: tvCase.id, agentId: cal.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Cal does not handle Electronics' },
    });
    const calsCase = await logFor(null);
    expect(
      await core.dispatch('cases.reassign', { id: calsCase.id, agentId: bea.id, swap: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Cal does not handle Electronics, so they cannot swap' },
    });
    expect(await status(tvCase)).toEqual({ status: 'assigned', agent: 'Bea' });
  });
});
