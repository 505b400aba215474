// The bridge gives the page exactly the preload's window.api, wired to the real core
// with the page's own session, as the shell gives each window one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeskApi, ViewName } from '../../src/shared/api';
import type { ChannelName } from '../../src/shared/contract';
import type { ChangeEvent } from '../../src/shared/events';
import { BRIDGE_ROUTES } from './bridge-protocol';
import { startDesk, type Desk } from './desk';
import { compileBridge, injectBridge } from './server';

type PageWindow = typeof globalThis & {
  api: DeskApi;
  seen: { changes: ChangeEvent[]; all: ChangeEvent[]; views: ViewName[]; stop?: () => void };
  __e2ePush?: (name: string, data: string) => void;
  cdpPushes: number;
};

describe('the e2e bridge', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await startDesk();
  });
  afterEach(async () => {
    await desk.close();
  });

  it('exposes exactly invoke, onChange, onNavigate and onDeskState, frozen', async () => {
    const shape = await desk.page.evaluate(() => {
      const { api } = globalThis as PageWindow;
      return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api) };
    });
    expect(shape).toEqual({ keys: ['invoke', 'onChange', 'onDeskState', 'onNavigate'], frozen: true });
  });

  it('answers a call with the core’s Result, data and errors alike', async () => {
    const created = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('customers.create', {
        name: 'Ana Lima',
        phone: '+351 912 345 678',
      }),
    );
    expect(created).toMatchObject({ ok: true, data: { name: 'Ana Lima' } });
    expect((await desk.ok('customers.search', { query: '' })).map((c) => c.name)).toEqual(['Ana Lima']);

    const refused = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('customers.create', { name: '' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: expect.any(String) } },
    });

    const unknown = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('agents.drop' as 'agents.list'),
    );
    expect(unknown).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel' } });
  });

  it('gives each page its own session, front desk until it unlocks; a forged session is refused', async () => {
    const other = await desk.openPage();
    const call = (page: Page, channel: ChannelName, input?: unknown) =>
      page.evaluate(([c, i]) => (globalThis as PageWindow).api.invoke(c as 'auth.status', i as undefined), [
        channel,
        input,
      ] as const);
    const addAgent = (page: Page, name: string) => call(page, 'agents.create', { name, pin: '1234' });

    expect(await addAgent(desk.page, 'Dana Reyes')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(desk.page, 'auth.unlock', { passcode: desk.passcode })).toMatchObject({
      ok: true,
      data: { session: { role: 'supervisor' } },
    });
    expect(await addAgent(desk.page, 'Dana Reyes')).toMatchObject({ ok: true, data: { name: 'Dana Reyes' } });

    // Unlocking one window unlocked nothing in the other.
    expect(await call(other, 'auth.status')).toMatchObject({ ok: true, data: { session: { role: 'desk' } } });
    expect(await addAgent(other, 'Sam Okafor')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Calls with no session, or an id the harness never handed out, reach dispatch without one.
    const forged = await other.evaluate(async (route) => {
      const post = (body: unknown) =>
        fetch(route, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }).then((response) => response.json() as Promise<unknown>);
      const input = { name: 'Sam Okafor' };
      return [
        await post({ channel: 'agents.create', input }),
        await post({ channel: 'agents.create', input, session: 'f'.repeat(32) }),
      ];
    }, BRIDGE_ROUTES.invoke);
    for (const result of forged) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await desk.ok('agents.list')).map((a) => a.name)).toEqual(['Dana Reyes']);

    // The page keeps its session id to its bridge: nothing of it on window.
    const exposed = await other.evaluate(() =>
      JSON.stringify((globalThis as unknown as { __e2eBridge: unknown }).__e2eBridge),
    );
    expect(exposed).toBe('{"connected":true}');
  });

  it('pushes each committed write to every page until it unsubscribes', async () => {
    const other = await desk.openPage();
    for (const page of [desk.page, other]) {
      await page.evaluate(() => {
        const w = globalThis as PageWindow;
        w.seen = { changes: [], all: [], views: [] };
        w.seen.stop = w.api.onChange((change) => w.seen.changes.push(change));
        w.api.onChange((change) => w.seen.all.push(change));
        w.api.onNavigate((view) => w.seen.views.push(view));
      });
    }
    const agent = await desk.ok('agents.create', { name: 'Sam Okafor', pin: '1234' });
    desk.navigate('admin');

    for (const page of [desk.page, other]) {
      await page.waitForFunction(() => (globalThis as PageWindow).seen.views.length === 1);
      const seen = await page.evaluate(() => (globalThis as PageWindow).seen);
      expect(seen.changes).toEqual([
        {
          seq: expect.any(Number),
          entities: ['agents'],
          ids: { agents: [agent.id] },
          rows: { cases: [], customers: [], agents: [agent] },
        },
      ]);
      expect(seen.views).toEqual(['admin']);
    }

    await other.evaluate(() => (globalThis as PageWindow).seen.stop?.());
    await desk.ok('agents.setOnDuty', { id: agent.id, onDuty: false });
    // The listener still subscribed on the same page proves the change arrived there.
    await other.waitForFunction(() => (globalThis as PageWindow).seen.all.length === 2);
    expect(await other.evaluate(() => (globalThis as PageWindow).seen.changes.length)).toBe(1);
    await desk.page.waitForFunction(() => (globalThis as PageWindow).seen.changes.length === 2);
  });

  it('carries an application-menu navigation to the app', async () => {
    // As a person would: the menu is used once the window shows the app (its listener is set
    // when the app mounts, after the bridge connects and the catalogue loads).
    await desk.page.getByRole('tab', { name: 'Intake', selected: true }).waitFor();
    desk.navigate('admin');
    await desk.page.getByRole('tab', { name: 'Admin', selected: true }).waitFor();
    await desk.page.getByRole('heading', { level: 1, name: 'Supervisor' }).waitFor();
    await desk.page.getByRole('form', { name: 'Admin is locked' }).waitFor();
  });
});

describe("the e2e bridge over CDP (the click timing's carrier)", () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await startDesk({ carrier: 'cdp' });
  });
  afterEach(async () => {
    await desk.close();
  });

  it('answers calls and hands each push over once, with the fetch route closed', async () => {
    // Any call that still went by fetch would fail.
    await desk.page.route(`**${BRIDGE_ROUTES.invoke}`, (route) => route.abort());
    await desk.page.evaluate(() => {
      const w = globalThis as PageWindow;
      w.seen = { changes: [], all: [], views: [] };
      w.api.onChange((change) => w.seen.changes.push(change));
      // Counts the pushes that came over CDP into the bridge's own hook (the stream's do not pass here).
      const hook = w.__e2ePush;
      w.cdpPushes = 0;
      if (hook)
        w.__e2ePush = (name, data) => {
          w.cdpPushes += 1;
          hook(name, data);
        };
    });
    const created = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('customers.create', {
        name: 'Ana Lima',
        phone: '+351 912 345 678',
      }),
    );
    expect(created).toMatchObject({ ok: true, data: { name: 'Ana Lima' } });
    const refused = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('customers.create', { name: '' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await desk.ok('customers.create', { name: 'Sam Okafor', phone: '+44 20 7946 0000' });
    // Both changes, each once: the stream's copies are not read as well.
    await desk.page.waitForFunction(() => (globalThis as PageWindow).seen.changes.length >= 2);
    await desk.ok('customers.create', { name: 'Noor Haddad', phone: '+971 4 000 0000' });
    await desk.page.waitForFunction(() => (globalThis as PageWindow).seen.changes.length >= 3);
    const seqs = await desk.page.evaluate(() => (globalThis as PageWindow).seen.changes.map((c) => c.seq));
    expect(seqs).toHaveLength(3);
    expect(new Set(seqs).size).toBe(3);
    expect(await desk.page.evaluate(() => (globalThis as PageWindow).cdpPushes)).toBe(3);
    expect(desk.pageErrors).toEqual([]);
  });
});

describe('the served index.html', () => {
  it('loads the bridge from its own origin, before the app, with no inline script', () => {
    const html = injectBridge('<head><script type="module" src="./assets/app.js"></script></head>');
    expect(html.indexOf('/__e2e/bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(compileBridge()).not.toMatch(/^\s*(import|export)\b/m);
  });
});
