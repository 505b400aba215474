import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/events';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, testDriver, TEST_PASSCODE, TEST_PDF, type TempCore } from '../test/temp-core';

let core: TempCore;
// What each change touched; its seq and rows are checked in core.changes.test.ts.
let changes: Pick<ChangeEvent, 'entities' | 'ids'>[];
beforeEach(async () => {
  core = await openTempCore();
  changes = [];
  core.onChange(({ entities, ids }) => changes.push({ entities, ids }));
});
afterEach(async () => core.dispose());

const SHARED_DATABASE = {
  host: 'db.store.lan',
  port: 5432,
  database: 'desk',
  user: 'desk_app',
  password: 'secret',
  tls: 'verified',
} as const;

async function expectFixed(channel: ChannelName, input?: unknown): Promise<void> {
  expect(await core.dispatch(channel, input)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringMatching(/chosen when it was started/) },
  });
}

/** The success path of every channel; the Record type makes a new channel fail to compile here. */
const successPaths: Record<ChannelName, () => Promise<void>> = {
  'agents.list': async () => {
    await addAgents(core, 'Zoe', 'adam');
    expect((await core.ok('agents.list')).map((a) => a.name)).toEqual(['adam', 'Zoe']);
  },
  'agents.get': async () => {
    const [dana] = await addAgents(core, 'Dana');
    expect(await core.ok('agents.get', { id: dana!.id })).toEqual(dana);
  },
  'agents.create': async () => {
    const agent = await core.ok('agents.create', {
      name: '  Dana Reyes ',
      title: 'Returns lead',
      pin: '1234',
    });
    expect(agent).toEqual({
      id: 1,
      name: 'Dana Reyes',
      title: 'Returns lead',
      onDuty: true,
      freeSince: core.clock.now().toISOString(),
      currentCaseId: null,
      removedAt: null,
      createdAt: core.clock.now().toISOString(),
      hasPin: true,
      skills: [],
    });
    expect(changes).toEqual([{ entities: ['agents'], ids: { agents: [1] } }]);
    // On duty (the default) without a PIN would hand them a case they cannot open: refused, nothing written.
    changes.length = 0;
    expect(await core.dispatch('agents.create', { name: 'Sam Lee' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { pin: 'Set a PIN to put them on duty now' } },
    });
    expect(changes).toEqual([]);
    expect(await core.ok('agents.create', { name: 'Sam Lee', onDuty: false })).toMatchObject({
      onDuty: false,
      hasPin: false,
    });
  },
  'agents.update': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const updated = await core.ok('agents.update', { id: dana!.id, name: 'Dana R.', title: 'Lead' });
    expect(updated).toMatchObject({ name: 'Dana R.', title: 'Lead' });
    expect(await core.ok('agents.update', { id: dana!.id, title: '' })).toMatchObject({
      name: 'Dana R.',
      title: '',
    });
  },
  'agents.setOnDuty': async () => {
    const [dana] = await addAgents(core, 'Dana');
    expect(await core.ok('agents.setOnDuty', { id: dana!.id, onDuty: false })).toMatchObject({
      onDuty: false,
      freeSince: null,
    });
    changes.length = 0;
    // Asking for the state it is already in is answered, and writes nothing.
    await core.ok('agents.setOnDuty', { id: dana!.id, onDuty: false });
    expect(changes).toEqual([]);
    // No PIN, no duty: main refuses, whatever the page shows.
    const sam = await core.ok('agents.create', { name: 'Sam Lee', onDuty: false });
    expect(await core.dispatch('agents.setOnDuty', { id: sam.id, onDuty: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Sam Lee has no PIN yet') },
    });
    expect(await core.ok('agents.get', { id: sam.id })).toMatchObject({ onDuty: false });
    await core.ok('agents.setPin', { id: sam.id, pin: '2580' });
    expect(await core.ok('agents.setOnDuty', { id: sam.id, onDuty: true })).toMatchObject({ onDuty: true });
  },
  'agents.remove': async () => {
    const [dana] = await addAgents(core, 'Dana');
    expect(await core.ok('agents.remove', { id: dana!.id })).toMatchObject({ removedAt: expect.any(String) });
    expect(await core.ok('agents.list')).toEqual([]);
  },
  'agents.setPin': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const updated = await core.ok('agents.setPin', { id: dana!.id, pin: '4821' });
    expect(updated.hasPin).toBe(true);
    expect(JSON.stringify(updated)).not.toContain('4821');
  },
  'categories.list': async () => {
    await core.ok('categories.create', { name: 'furniture' });
    await core.ok('categories.create', { name: 'Electronics' });
    expect((await core.ok('categories.list')).map((k) => k.name)).toEqual(['Electronics', 'furniture']);
  },
  'categories.create': async () => {
    changes.length = 0;
    expect(await core.ok('categories.create', { name: '  Apparel ' })).toEqual({
      id: 1,
      name: 'Apparel',
      createdAt: core.clock.now().toISOString(),
      agentCount: 0,
      waitingCount: 0,
    });
    expect(changes).toEqual([{ entities: ['categories'], ids: { categories: [1] } }]);
  },
  'categories.rename': async () => {
    const apparel = await core.ok('categories.create', { name: 'Apparel' });
    expect(await core.ok('categories.rename', { id: apparel.id, name: 'Clothing' })).toMatchObject({
      name: 'Clothing',
    });
  },
  'categories.remove': async () => {
    const apparel = await core.ok('categories.create', { name: 'Apparel' });
    expect(await core.ok('categories.remove', { id: apparel.id })).toMatchObject({ name: 'Apparel' });
    expect(await core.ok('categories.list')).toEqual([]);
  },
  'customers.search': async () => {
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@shop.test' });
    await core.ok('customers.create', { name: 'Bruno Diaz', phone: '+351 912 345 678' });
    await core.ok('customers.create', { name: 'Joana Ana', email: 'joana@shop.test' });
    const names = async (query: string) => (await core.ok('customers.search', { query })).map((c) => c.name);
    expect(await names('ana')).toEqual(['Ana Lima', 'Joana Ana']);
    expect(await names('912')).toEqual(['Bruno Diaz']);
    expect(await names('JOANA@')).toEqual(['Joana Ana']);
    expect(await names('%')).toEqual([]);
    expect(await names('')).toHaveLength(3);
  },
  'customers.get': async () => {
    const ana = await addCustomer(core);
    expect(await core.ok('customers.get', { id: ana.id })).toEqual(ana);
  },
  'customers.create': async () => {
    const ana = await core.ok('customers.create', { name: 'Ana', email: ' ana@shop.test ', phone: '' });
    expect(ana).toMatchObject({ name: 'Ana', email: 'ana@shop.test', phone: null });
  },
  'customers.update': async () => {
    const ana = await addCustomer(core);
    const updated = await core.ok('customers.update', { id: ana.id, phone: '020 7946 0000' });
    expect(updated).toMatchObject({ name: ana.name, email: ana.email, phone: '020 7946 0000' });
  },
  'cases.create': async () => {
    const ana = await addCustomer(core);
    changes.length = 0;
    const created = await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: ' SO-77 ',
      product: 'Blender',
      purchaseDate: '2026-02-20',
      reason: 'not_as_described',
      description: 'Lid does not fit',
      priority: 'high',
    });
    expect(created).toMatchObject({
      reference: 'RMA-000001',
      customerName: ana.name,
      orderNumber: 'SO-77',
      purchaseDate: '2026-02-20',
      priority: 'high',
      status: 'queued',
      queuePosition: 1,
    });
    expect(changes).toEqual([{ entities: ['cases'], ids: { cases: [created.id] } }]);
  },
  'cases.get': async () => {
    await addAgents(core, 'Dana');
    const ana = await addCustomer(core);
    const created = await logCase(core, ana.id);
    const detail = await core.ok('cases.get', { id: created.id });
    expect(detail.customer).toEqual(ana);
    expect(detail.timeline.map((e) => [e.type, e.agentName])).toEqual([
      ['created', null],
      ['assigned', 'Dana'],
    ]);
  },
  'cases.list': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const ana = await addCustomer(core, 'Ana Lima');
    const bo = await addCustomer(core, 'Bo Chen');
    const a = await logCase(core, ana.id, { orderNumber: 'SO-100' });
    const b = await logCase(core, bo.id, { orderNumber: 'WEB-200' });
    const c = await logCase(core, ana.id, { orderNumber: 'SO-300' });
    const ids = async (input: object) => {
      const page = await core.ok('cases.list', input);
      return [page.items.map((x) => x.id), page.total];
    };
    expect(await ids({})).toEqual([[c.id, b.id, a.id], 3]);
    expect(await ids({ sort: 'oldest', limit: 2 })).toEqual([[a.id, b.id], 3]);
    expect(await ids({ sort: 'oldest', limit: 2, offset: 2 })).toEqual([[c.id], 3]);
    expect(await ids({ status: 'assigned' })).toEqual([[a.id], 1]);
    expect(await ids({ status: ['queued', 'assigned'], sort: 'queue', limit: 2 })).toEqual([[a.id, b.id], 3]);
    expect(await ids({ agentId: dana!.id })).toEqual([[a.id], 1]);
    expect(await ids({ customerId: ana.id })).toEqual([[c.id, a.id], 2]);
    expect(await ids({ text: 'so-' })).toEqual([[c.id, a.id], 2]);
    expect(await ids({ text: 'bo c' })).toEqual([[b.id], 1]);
    expect(await ids({ text: 'RMA-000002' })).toEqual([[b.id], 1]);
    expect(await ids({ text: '%' })).toEqual([[], 0]);
    const queued = (await core.ok('cases.list', { status: 'queued', sort: 'queue' })).items;
    expect(queued.map((x) => x.queuePosition)).toEqual([1, 2]);
  },
  'cases.active': async () => {
    await addAgents(core, 'Dana');
    const ana = await addCustomer(core);
    const held = await logCase(core, ana.id);
    const waiting = await logCase(core, ana.id, { priority: 'urgent' });
    const done = await logCase(core, ana.id);
    await core.ok('cases.cancel', { id: done.id, reason: 'dup' });
    expect((await core.ok('cases.active')).cases.map((c) => [c.id, c.status, c.queuePosition])).toEqual([
      [waiting.id, 'queued', 1],
      [held.id, 'assigned', null],
    ]);
  },
  'cases.resolve': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const held = await logCase(core, (await addCustomer(core)).id);
    changes.length = 0;
    const result = await core.ok('cases.resolve', {
      id: held.id,
      agentId: dana!.id,
      outcome: 'store_credit',
    });
    expect(result).toMatchObject({
      resolved: { status: 'resolved', outcome: 'store_credit', note: null },
      next: null,
    });
    expect(changes).toEqual([
      { entities: ['cases', 'agents'], ids: { cases: [held.id], agents: [dana!.id] } },
    ]);
  },
  'cases.cancel': async () => {
    const held = await logCase(core, (await addCustomer(core)).id);
    expect(await core.ok('cases.cancel', { id: held.id, reason: 'Customer kept it' })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Customer kept it',
      cancelledAt: core.clock.now().toISOString(),
    });
  },
  'cases.reassign': async () => {
    const [, eli] = await addAgents(core, 'Dana', 'Eli');
    const held = await logCase(core, (await addCustomer(core)).id);
    expect(await core.ok('cases.reassign', { id: held.id, agentId: eli!.id })).toMatchObject({
      agentName: 'Eli',
    });
  },
  'cases.requeue': async () => {
    const [dana, eli] = await addAgents(core, 'Dana', 'Eli');
    const held = await logCase(core, (await addCustomer(core)).id);
    expect(held.agentId).toBe(dana!.id);
    expect(await core.ok('cases.requeue', { id: held.id })).toMatchObject({ agentId: eli!.id });
  },
  'cases.edit': async () => {
    const logged = await logCase(core, (await addCustomer(core)).id, { purchaseDate: '2026-02-01' });
    changes.length = 0;
    core.clock.advance(1000);
    const edited = await core.ok('cases.edit', { id: logged.id, product: 'Toaster', purchaseDate: '' });
    expect(edited).toMatchObject({ product: 'Toaster', purchaseDate: null, orderNumber: logged.orderNumber });
    expect(changes).toEqual([{ entities: ['cases'], ids: { cases: [logged.id] } }]);
    const last = (await core.ok('cases.get', { id: logged.id })).timeline.at(-1);
    expect(last).toMatchObject({
      type: 'edited',
      actor: 'supervisor',
      detail: null,
      messages: [
        { id: 'timeline.detailChanged', values: { field: 'product', from: 'Kettle 1.7 l', to: 'Toaster' } },
        { id: 'timeline.detailChanged', values: { field: 'purchaseDate', from: '2026-02-01', to: null } },
      ],
    });
    // The same values again: nothing to record.
    changes.length = 0;
    await core.ok('cases.edit', { id: logged.id, product: 'Toaster' });
    expect(changes).toEqual([]);
    expect(await core.dispatch('cases.edit', { id: logged.id, purchaseDate: '2030-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { purchaseDate: 'The purchase date cannot be in the future' } },
    });
  },
  'cases.setPriority': async () => {
    const customer = await addCustomer(core);
    const first = await logCase(core, customer.id);
    const second = await logCase(core, customer.id);
    changes.length = 0;
    const moved = await core.ok('cases.setPriority', { id: second.id, priority: 'urgent' });
    expect(moved).toMatchObject({ priority: 'urgent', queuePosition: 1 });
    expect(await core.ok('cases.get', { id: first.id })).toMatchObject({ queuePosition: 2 });
    expect((await core.ok('cases.get', { id: second.id })).timeline.at(-1)).toMatchObject({
      type: 'priority_changed',
      actor: 'supervisor',
      detail: null,
      messages: [{ id: 'timeline.detailPriority', values: { from: 'normal', to: 'urgent' } }],
    });
    expect(changes).toEqual([{ entities: ['cases'], ids: { cases: [second.id] } }]);
  },
  'cases.reopen': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const logged = await logCase(core, (await addCustomer(core)).id);
    await core.ok('cases.resolve', {
      id: logged.id,
      agentId: dana!.id,
      outcome: 'refund',
      note: 'Paid back',
    });
    core.clock.advance(1000);
    // Dana is free: the reopened case goes back into the queue and straight to her, in one commit.
    const reopened = await core.ok('cases.reopen', { id: logged.id, reason: 'Card declined' });
    expect(reopened).toMatchObject({
      status: 'assigned',
      agentId: dana!.id,
      outcome: null,
      resolvedAt: null,
    });
    const types = (await core.ok('cases.get', { id: logged.id })).timeline.map((e) => e.type);
    expect(types).toEqual(['created', 'assigned', 'resolved', 'reopened', 'assigned']);
    expect((await core.ok('cases.get', { id: logged.id })).timeline[3]).toMatchObject({
      actor: 'supervisor',
      detail: 'Card declined',
      messages: [{ id: 'timeline.detailWasResolvedNote', values: { outcome: 'refund', note: 'Paid back' } }],
    });
    expect(await core.dispatch('cases.reopen', { id: logged.id, reason: 'Again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  },
  'cases.exportCsv': async () => {
    const [dana] = await addAgents(core, 'Dana');
    const customer = await core.ok('customers.create', { name: 'Zoë "Z" Ng', email: 'z@example.com' });
    const first = await logCase(core, customer.id, { product: '=HYPERLINK("x")', description: 'two\nlines' });
    await logCase(core, customer.id, { orderNumber: 'SO-2' });
    changes.length = 0;
    const result = await core.ok('cases.exportCsv', { status: 'queued' });
    expect(result).toEqual({
      fileName: 'returndesk-cases-2026-03-02.csv',
      rows: 1,
      bytes: core.saved[0]!.content.byteLength,
      saved: true,
      path: join(core.dir, 'returndesk-cases-2026-03-02.csv'),
    });
    const text = Buffer.from(core.saved[0]!.content).toString('utf8');
    expect(text.startsWith('\uFEFF"Reference","Status"')).toBe(true);
    expect(text).toContain('"RMA-000002","Queued","Normal","Zoë ""Z"" Ng","SO-2"');
    expect(changes).toEqual([]);
    // The formula is neutralised and the line break kept inside its quoted cell.
    await core.ok('cases.exportCsv', { status: 'assigned', agentId: dana!.id });
    const assigned = Buffer.from(core.saved[1]!.content).toString('utf8');
    expect(assigned).toContain(`"${first.reference}","Assigned","Normal"`);
    expect(assigned).toContain(`"'=HYPERLINK(""x"")","Defective","","two\nlines","Dana"`);
    expect(assigned.split('\r\n')).toHaveLength(3); // header, one case, and the final line end
  },
  'reports.exportCsv': async () => {
    await addAgents(core, 'Dana');
    const result = await core.ok('reports.exportCsv', { from: '2026-03-01', to: '2026-03-02' });
    expect(result).toMatchObject({ fileName: 'returndesk-report-2026-03-01-to-2026-03-02.csv', saved: true });
    const lines = Buffer.from(core.saved[0]!.content).toString('utf8').split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      '\uFEFF"Figure","Value"',
      '"From","2026-03-01"',
      '"To","2026-03-02"',
      '"Created",0',
    ]);
    expect(lines).toContain('"Average wait (ms)",""');
    expect(lines.filter((l) => /^"\d{4}-\d\d-\d\dT/.test(l))).toHaveLength(48);
  },
  'reports.dashboard': async () => {
    // The test clock starts at 2026-03-02T09:00Z; the desk is empty, so every figure is zero.
    await addAgents(core, 'Dana');
    changes.length = 0;
    const today = await core.ok('reports.dashboard');
    expect(today.from).toBe(today.to);
    expect(today.hourly).toHaveLength(24);
    expect(today.now).toEqual({ queued: 0, inProgress: 0, agentsOnDuty: 1, agentsFree: 1, longestWaitMs: 0 });
    expect(today.period).toMatchObject({
      created: 0,
      avgWaitMs: null,
      avgHandleMs: null,
      serviceLevelPct: null,
    });
    expect(
      (await core.ok('reports.dashboard', { from: '2026-02-28', to: '2026-03-01' })).hourly,
    ).toHaveLength(48);
    expect(changes).toEqual([]);
  },
  'reports.setServiceLevel': async () => {
    changes.length = 0;
    expect(await core.ok('reports.setServiceLevel', { thresholdMinutes: 3 })).toEqual({
      thresholdMs: 180_000,
    });
    // Every open dashboard is told to recompute, and it reads the new threshold.
    expect(changes).toEqual([{ entities: ['settings'], ids: { settings: [] } }]);
    expect((await core.ok('reports.dashboard')).period.serviceLevelThresholdMs).toBe(180_000);
    const saved = await core.query(`SELECT value FROM settings WHERE key = 'service_level_threshold_ms'`);
    expect(saved).toEqual([{ value: '180000' }]);
  },
  'slips.get': async () => {
    await core.ok('counter.setSettings', { storeName: 'Harbour Street Store' });
    const customer = await addCustomer(core, 'Ana Lima');
    const waiting = await logCase(core, customer.id, { orderNumber: 'SO-77', product: 'Kettle' });
    const slip = await core.ok('slips.get', { id: waiting.id });
    expect(slip).toMatchObject({
      storeName: 'Harbour Street Store',
      reference: waiting.reference,
      customerName: 'Ana Lima',
      orderNumber: 'SO-77',
      product: 'Kettle',
      reason: 'defective',
      status: 'queued',
      queuePosition: 1,
      agentName: null,
      // Nobody on duty: no estimate rather than a made-up one.
      estimate: null,
      agentsOnDuty: 0,
    });
    const [dana] = await addAgents(core, 'Dana');
    await core.ok('agents.update', { id: dana!.id, title: 'Counter 2' });
    expect(await core.ok('slips.get', { id: waiting.id })).toMatchObject({
      status: 'assigned',
      queuePosition: null,
      agentName: 'Dana',
      counter: 'Counter 2',
      estimate: null,
    });
    const next = await logCase(core, customer.id);
    // One agent, no resolved case yet: the default 10 minutes per case, position 1.
    expect((await core.ok('slips.get', { id: next.id })).estimate).toEqual({
      lowMinutes: 0,
      highMinutes: 10,
    });
    expect(changes.some((c) => c.entities.includes('settings'))).toBe(true);
  },
  'slips.print': async () => {
    const customer = await addCustomer(core);
    const logged = await logCase(core, customer.id);
    expect(await core.ok('slips.print', { id: logged.id })).toEqual({
      printed: true,
      direct: false,
      reason: null,
    });
    await core.ok('counter.setSettings', { printDirect: true });
    expect(await core.ok('slips.print', { id: logged.id })).toEqual({
      printed: true,
      direct: true,
      reason: null,
    });
    expect(core.printed).toEqual([{ silent: false }, { silent: true }]);
    expect(await core.dispatch('slips.print', { id: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(core.printed).toHaveLength(2);
  },
  'slips.savePdf': async () => {
    const customer = await addCustomer(core);
    const logged = await logCase(core, customer.id);
    const result = await core.ok('slips.savePdf', { id: logged.id });
    expect(result).toMatchObject({ fileName: `${logged.reference}-slip.pdf`, saved: true });
    expect(new TextDecoder().decode(core.saved[0]!.content)).toBe(TEST_PDF);
    expect(result.bytes).toBe(TEST_PDF.length);
  },
  'counter.settings': async () => {
    expect(await core.ok('counter.settings')).toEqual({ storeName: 'Returns desk', printDirect: false });
  },
  'counter.setSettings': async () => {
    changes.length = 0;
    expect(
      await core.ok('counter.setSettings', { storeName: '  Harbour Street  ', printDirect: true }),
    ).toEqual({
      storeName: 'Harbour Street',
      printDirect: true,
    });
    expect(changes).toEqual([{ entities: ['settings'], ids: { settings: [] } }]);
    // A part left out stays as it was.
    expect(await core.ok('counter.setSettings', { printDirect: false })).toEqual({
      storeName: 'Harbour Street',
      printDirect: false,
    });
  },
  'display.board': async () => {
    const [dana] = await addAgents(core, 'Dana');
    await core.ok('agents.update', { id: dana!.id, title: 'Counter 1' });
    const customer = await addCustomer(core, 'Secret Name');
    const served = await logCase(core, customer.id);
    const first = await logCase(core, customer.id);
    const second = await logCase(core, customer.id, { priority: 'urgent' });
    const board = await core.ok('display.board');
    expect(board).toMatchObject({
      storeName: 'Returns desk',
      nowServing: [{ reference: served.reference, agentName: 'Dana', counter: 'Counter 1' }],
      waiting: [
        { reference: second.reference, position: 1 },
        { reference: first.reference, position: 2 },
      ],
      waitingTotal: 2,
      agentsOnDuty: 1,
    });
    expect(board.waiting[0]!.estimate).not.toBeNull();
    // References only: no customer's name, email or order anywhere on the board.
    expect(JSON.stringify(board)).not.toMatch(/Secret|example\.com|SO-1001/);
  },
  'demo.info': async () => {
    expect(await core.ok('demo.info')).toEqual({ demo: false, passcode: null, agents: [] });
  },
  'demo.open': async () => {
    // The temp core has no shell to start the demo desk in.
    expect(await core.ok('demo.open')).toEqual({ opening: false });
  },
  'database.status': async () => {
    const status = await core.ok('database.status');
    if (core.databaseUrl) {
      expect(status).toMatchObject({ kind: 'postgres', tls: 'off', liveUpdates: true });
      expect(JSON.stringify(status)).not.toContain(new URL(core.databaseUrl).password);
    } else {
      expect(status).toEqual({ kind: 'sqlite', file: core.dbPath, canSavePassword: false });
    }
  },
  // Without a shell the desk's database is fixed: the app's own port is tested in
  // src/main/app (choosing, saving, moving), here only that the channels reach it.
  'database.test': async () => {
    await expectFixed('database.test', SHARED_DATABASE);
  },
  'database.use': async () => {
    await expectFixed('database.use', SHARED_DATABASE);
  },
  'database.useLocal': async () => {
    await expectFixed('database.useLocal');
  },
  'database.move': async () => {
    await addAgents(core, 'Dana');
    changes.length = 0;
    await expectFixed('database.move', SHARED_DATABASE);
    expect(changes).toEqual([]);
  },
  'backup.now': async () => {
    await addAgents(core, 'Dana');
    changes.length = 0;
    if (await refusedOnServer('backup.now')) return;
    expect(await core.ok('backup.now')).toMatchObject({ kind: 'manual', sizeBytes: expect.any(Number) });
    expect(changes).toEqual([]);
  },
  'backup.list': async () => {
    if (await refusedOnServer('backup.list')) return;
    const made = await core.ok('backup.now');
    expect(await core.ok('backup.list')).toEqual({ folder: join(core.dir, 'backups'), backups: [made] });
  },
  'backup.restore': async () => {
    await addAgents(core, 'Dana');
    if (await refusedOnServer('backup.restore', { name: 'any.sqlite', passcode: TEST_PASSCODE })) return;
    const { name } = await core.ok('backup.now');
    await addAgents(core, 'Eli');
    await core.ok('backup.restore', { name, passcode: TEST_PASSCODE });
    expect((await core.ok('agents.list')).map((a) => a.name)).toEqual(['Dana']);
  },
  'auth.status': async () => {
    expect(await core.dispatch('auth.status', undefined, { session: core.openSession() })).toEqual({
      ok: true,
      data: {
        setupRequired: false,
        session: { role: 'desk', agentId: null, agentName: null, expiresAt: null },
        agentSignOut: { idleMinutes: 2, afterResolve: false },
      },
    });
  },
  'auth.setup': async () => {
    const fresh = await openTempCore();
    // openTempCore already set the passcode through auth.setup; a second setup is refused.
    const again = await fresh.dispatch(
      'auth.setup',
      { passcode: 'another-one' },
      { session: fresh.openSession() },
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await fresh.dispose();
  },
  'auth.unlock': async () => {
    const session = core.openSession();
    const unlocked = await core.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, { session });
    expect(unlocked).toMatchObject({
      ok: true,
      data: { session: { role: 'supervisor', expiresAt: expect.any(String) } },
    });
  },
  'auth.lock': async () => {
    const locked = await core.ok('auth.lock');
    expect(locked.session.role).toBe('desk');
  },
  'auth.signIn': async () => {
    const [dana] = await addAgents(core, 'Dana');
    await core.ok('agents.setPin', { id: dana!.id, pin: '4821' });
    const session = core.openSession();
    expect(await core.dispatch('auth.signIn', { agentId: dana!.id, pin: '4821' }, { session })).toMatchObject(
      {
        ok: true,
        data: { session: { role: 'agent', agentId: dana!.id, agentName: 'Dana' } },
      },
    );
  },
  'auth.signOut': async () => {
    expect((await core.ok('auth.signOut')).session.role).toBe('desk');
  },
  'auth.touch': async () => {
    core.clock.advance(5000);
    const touched = await core.ok('auth.touch');
    expect(touched.session.expiresAt).toBe(
      new Date(core.clock.now().getTime() + 365 * 24 * 3600 * 1000).toISOString(),
    );
  },
  'auth.changePasscode': async () => {
    await core.ok('auth.changePasscode', { current: TEST_PASSCODE, passcode: 'new-passcode' });
    const session = core.openSession();
    expect(await core.dispatch('auth.unlock', { passcode: 'new-passcode' }, { session })).toMatchObject({
      ok: true,
    });
  },
  'auth.setAgentSignOut': async () => {
    expect((await core.ok('auth.status')).agentSignOut).toEqual({ idleMinutes: 2, afterResolve: false });
    expect((await core.ok('auth.setAgentSignOut', { idleMinutes: 5 })).agentSignOut).toEqual({
      idleMinutes: 5,
      afterResolve: false,
    });
    expect((await core.ok('auth.setAgentSignOut', { afterResolve: true })).agentSignOut).toEqual({
      idleMinutes: 5,
      afterResolve: true,
    });
    const saved = await core.query(`SELECT key, value FROM settings WHERE key LIKE 'agent_%' ORDER BY key`);
    expect(saved).toEqual([
      { key: 'agent_idle_minutes', value: '5' },
      { key: 'agent_sign_out_after_resolve', value: 'true' },
    ]);
  },
  'settings.language': async () => {
    // A new desk follows the workstation, which TempCore leaves unset: English.
    expect(await core.ok('settings.language')).toEqual({ setting: 'system', language: 'en' });
    expect(changes).toEqual([]);
  },
  'settings.setLanguage': async () => {
    expect(await core.ok('settings.setLanguage', { language: 'es' })).toEqual({
      setting: 'es',
      language: 'es',
    });
    // Every window is told, and reloads the language.
    expect(changes).toEqual([{ entities: ['settings'], ids: { settings: [] } }]);
    expect(await core.ok('settings.language')).toEqual({ setting: 'es', language: 'es' });
    // Main's own messages follow at once: a refusal says why in Spanish.
    expect(await core.dispatch('agents.create', { name: '', pin: '1234' })).toMatchObject({
      ok: false,
      error: { fields: { name: 'El campo «Nombre» es obligatorio' } },
    });
    expect(await core.ok('settings.setLanguage', { language: 'system' })).toEqual({
      setting: 'system',
      language: 'en',
    });
    expect(await core.dispatch('agents.create', { name: '', pin: '1234' })).toMatchObject({
      error: { fields: { name: 'Name is required' } },
    });
    expect(await core.query(`SELECT value FROM settings WHERE key = 'language'`)).toEqual([
      { value: 'system' },
    ]);
  },
  'log.pageError': async () => {
    core.log.expectError(/^page error: TypeError: boom/);
    const report = {
      kind: 'error',
      message: 'TypeError: boom',
      stack: 'at App (index.js:1:2)',
      source: 'index.js:1',
    };
    expect(await core.ok('log.pageError', report)).toEqual({ logged: true });
    expect(core.log.entries.at(-1)).toEqual({
      level: 'error',
      message: 'page error: TypeError: boom (index.js:1)\nat App (index.js:1:2)',
      text: 'page error: TypeError: boom (index.js:1)\nat App (index.js:1:2)',
    });
    expect(changes).toEqual([]);
  },
};

/**
 * On PostgreSQL, a backup channel's well-formed call is refused (backups of a shared desk are
 * the server's job), changing nothing: true when it was. On SQLite, false: the test goes on.
 */
async function refusedOnServer(channel: ChannelName, input?: unknown): Promise<boolean> {
  if (testDriver() === 'sqlite') return false;
  const before = await core.snapshot();
  changes.length = 0;
  expect(await core.dispatch(channel, input)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: expect.stringContaining('pg_dump') },
  });
  expect(await core.snapshot()).toBe(before);
  expect(changes).toEqual([]);
  return true;
}

describe('every channel', () => {
  it.each(CHANNEL_NAMES)('%s succeeds on well-formed input', async (channel) => {
    await successPaths[channel]();
  });
});
