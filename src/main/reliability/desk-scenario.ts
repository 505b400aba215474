// A day at the desk, driven through the real core: agents come, go off duty
// and leave; cases are logged, queued, assigned, reassigned, requeued,
// resolved and cancelled. Used to fill databases for the migration fixtures.
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import type { Core } from '../core';

export interface ScenarioClock {
  advance(ms?: number): void;
}

export async function runDeskScenario(core: Core, clock: ScenarioClock): Promise<void> {
  const ok = async <C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>> => {
    clock.advance(60_000);
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} ${JSON.stringify(input)}: ${result.error.message}`);
    return result.data;
  };

  const dana = await ok('agents.create', { name: 'Dana Reyes', title: 'Returns lead', pin: '1234' });
  const eli = await ok('agents.create', { name: 'Eli Moss', pin: '1234' });
  const sam = await ok('agents.create', { name: 'Sam Okafor', title: 'Weekend', onDuty: false });
  const ana = await ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const bo = await ok('customers.create', { name: "Bo O'Neill", phone: '+44 20 7946 0000' });
  const cy = await ok('customers.create', {
    name: 'Cyrille Émond',
    email: 'cy@example.fr',
    phone: '0612345678',
  });

  const log = (customerId: number, n: number, extra: Record<string, unknown> = {}) =>
    ok('cases.create', {
      customerId,
      orderNumber: `SO-${1000 + n}`,
      product: ['Kettle 1.7 l', 'Toaster', 'Blender', 'Iron'][n % 4],
      reason: ['defective', 'damaged', 'wrong_item', 'other'][n % 4],
      purchaseDate: '2026-01-15',
      description: n % 2 ? 'Stops heating after a minute; <b>not</b> bold, =1+1 not a formula' : '',
      ...extra,
    });

  const c1 = await log(ana.id, 1); // Dana
  const c2 = await log(bo.id, 2, { priority: 'high' }); // Eli
  await ok('agents.setPin', { id: sam.id, pin: '2580' }); // on duty needs a PIN
  await ok('agents.setOnDuty', { id: sam.id, onDuty: true }); // free: the queue is empty
  await ok('cases.reassign', { id: c2.id, agentId: sam.id }); // Eli is free again
  // Two cases logged by the intake form, with its idempotency keys (IntakeKeys1765324800000);
  // the second sent twice, as after a lost answer: one case.
  const c3 = await log(cy.id, 3, { intakeKey: '2c9e7b1a-8d4f-4e3a-b5c6-0d1e2f3a4b5c' }); // Eli
  const urgent = { priority: 'urgent', intakeKey: '6f1d2c3b-4a5e-4f60-8172-93a4b5c6d7e8' };
  const c4 = await log(ana.id, 4, urgent); // waits
  if ((await log(ana.id, 4, urgent)).id !== c4.id) throw new Error('a retried intake logged a second case');
  const c5 = await log(bo.id, 5); // waits
  await ok('cases.resolve', { id: c1.id, agentId: dana.id, outcome: 'refund', note: 'Refunded to card' });
  await ok('cases.cancel', { id: c5.id, reason: 'Customer found the receipt was wrong' });
  await ok('cases.requeue', { id: c3.id, toSameAgent: true }); // nobody else is free
  await ok('agents.setOnDuty', { id: dana.id, onDuty: false });
  await ok('agents.setOnDuty', { id: dana.id, onDuty: true });
  await ok('agents.remove', { id: eli.id });
  await ok('customers.update', { id: bo.id, email: 'bo@example.co.uk' });
  await ok('agents.update', { id: sam.id, title: 'Weekdays now' });
  for (let n = 6; n < 14; n++)
    await log([ana.id, bo.id, cy.id][n % 3]!, n, { priority: n % 5 ? 'normal' : 'high' });
  for (const c of (await ok('cases.active')).cases.filter((x) => x.status === 'assigned').slice(0, 2)) {
    await ok('cases.resolve', { id: c.id, agentId: c.agentId, outcome: 'exchange' });
  }
  const held = (await ok('cases.active')).cases.find((c) => c.status === 'assigned' && c.id !== c4.id);
  if (held) await ok('cases.cancel', { id: held.id, reason: 'Duplicate of an earlier case' });

  // Skills since Skills1765152000000: categories, an agent's skills, cases that name one.
  const electronics = await ok('categories.create', { name: 'Electronics' });
  const apparel = await ok('categories.create', { name: 'Apparel' });
  const garden = await ok('categories.create', { name: 'Garden' });
  await ok('categories.rename', { id: apparel.id, name: 'Clothing' });
  await ok('agents.update', { id: dana.id, skills: [electronics.id, apparel.id] });
  await ok('categories.remove', { id: garden.id });
  await log(cy.id, 14, { categoryId: electronics.id });
  await log(ana.id, 15, { categoryId: apparel.id, priority: 'high' });

  // Wrong PINs at the counter: kept on disk since SignInThrottle1764892800000.
  await ok('agents.setPin', { id: sam.id, pin: '4821' });
  const counter = core.openSession();
  for (const pin of ['0000', '1234']) {
    clock.advance(1000);
    const refused = await core.dispatch('auth.signIn', { agentId: sam.id, pin }, { session: counter });
    if (refused.ok) throw new Error('a wrong PIN was accepted');
  }
}
