// The bridge gives the page exactly the preload's window.api, wired to the real core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskApi, ViewName } from '../../src/shared/api';
import type { ChangeEvent } from '../../src/shared/events';
import { startDesk, type Desk } from './desk';
import { compileBridge, injectBridge } from './server';

type PageWindow = typeof globalThis & {
  api: DeskApi;
  seen: { changes: ChangeEvent[]; all: ChangeEvent[]; views: ViewName[]; stop?: () => void };
};

describe('the e2e bridge', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await startDesk();
  });
  afterEach(async () => {
    await desk.close();
  });

  it('exposes exactly invoke, onChange and onNavigate, frozen', async () => {
    const shape = await desk.page.evaluate(() => {
      const { api } = globalThis as PageWindow;
      return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api) };
    });
    expect(shape).toEqual({ keys: ['invoke', 'onChange', 'onNavigate'], frozen: true });
  });

  it('answers a call with the core’s Result, data and errors alike', async () => {
    const created = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('agents.create', { name: 'Dana Reyes' }),
    );
    expect(created).toMatchObject({ ok: true, data: { name: 'Dana Reyes', onDuty: true } });
    expect((await desk.ok('agents.list')).map((a) => a.name)).toEqual(['Dana Reyes']);

    const refused = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('agents.create', { name: '' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: 'Name is required' } },
    });

    const unknown = await desk.page.evaluate(() =>
      (globalThis as PageWindow).api.invoke('agents.drop' as 'agents.list'),
    );
    expect(unknown).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Unknown channel' } });
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
    const agent = await desk.ok('agents.create', { name: 'Sam Okafor' });
    desk.navigate('admin');

    for (const page of [desk.page, other]) {
      await page.waitForFunction(() => (globalThis as PageWindow).seen.views.length === 1);
      const seen = await page.evaluate(() => (globalThis as PageWindow).seen);
      expect(seen.changes).toEqual([{ entities: ['agents'], ids: { agents: [agent.id] } }]);
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
    desk.navigate('admin');
    await desk.page.getByRole('tab', { name: 'Admin', selected: true }).waitFor();
    await desk.page.getByRole('heading', { level: 1, name: 'Supervisor' }).waitFor();
  });
});

describe('the served index.html', () => {
  it('loads the bridge from its own origin, before the app, with no inline script', () => {
    const html = injectBridge('<head><script type="module" src="./assets/app.js"></script></head>');
    expect(html.indexOf('/__e2e/bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'));
    expect(compileBridge()).not.toMatch(/^\s*(import|export)\b/m);
  });
});
