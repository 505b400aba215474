// Skills routing, as the desk lives it: a case that needs a skill waits while an agent
// without it is free, and goes to the skilled agent the moment she frees up, who is told so.
import { describe, expect, it } from 'vitest';
import { fillIntake, openView, resolveMyCase, signIn, textOf, unlockAdmin, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('skills routing', () => {
  const desk = freshDesk();

  it('a skills case waits while an unskilled agent is free and goes to the skilled one when she frees up', async () => {
    const page = desk().page;
    const admin = await unlockAdmin(page, desk().passcode);

    // The supervisor adds a category, then Bea with that skill.
    const skills = admin.getByRole('region', { name: 'Skills' });
    await skills.getByLabel('New category').fill('Electronics');
    await skills.getByRole('button', { name: 'Add category' }).click();
    await visible(skills.getByRole('row', { name: /Electronics/ }));
    const addAgent = admin.getByRole('form', { name: 'Add agent' });
    await addAgent.getByLabel('Name').fill('Bea Stone');
    await addAgent.getByLabel('PIN', { exact: true }).fill('1357');
    await addAgent.getByLabel('Confirm PIN').fill('1357');
    await addAgent.getByRole('checkbox', { name: 'Electronics' }).check();
    await addAgent.getByRole('button', { name: 'Add agent' }).click();
    await visible(admin.getByRole('table', { name: 'Agents' }).getByRole('row', { name: /Bea Stone/ }));

    // Bea is busy with a case for anyone; then Cal, with no skill, comes on duty, free.
    const ana = await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const first = await desk().ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'defective',
    });
    expect(first.agentName).toBe('Bea Stone');
    const cal = await desk().ok('agents.create', { name: 'Cal Ortiz', pin: '2468' });

    // At the counter: a radio, for Electronics. It waits, though Cal is free.
    const intake = await openView(page, 'intake');
    await fillIntake(intake, {
      customer: 'Ana Lima',
      orderNumber: 'SO-2',
      product: 'Radio',
      reason: 'Defective',
    });
    await intake.getByLabel(/Category/).selectOption({ label: 'Electronics' });
    await intake.getByRole('button', { name: 'Log case' }).click();
    const logged = await textOf(await visible(intake.getByRole('status').filter({ hasText: /logged for/ })));
    expect(logged).toContain('Queued');
    const radio = await desk().ok('cases.get', { id: 2 });
    expect(radio).toMatchObject({ status: 'queued', categoryName: 'Electronics', queuePosition: 1 });
    expect((await desk().ok('agents.get', { id: cal.id })).currentCaseId).toBeNull();

    // Bea, at the agent desk in another window, resolves her case: the radio comes to her.
    const counter = await desk().openPage();
    const agent = await openView(counter, 'agent');
    await signIn(agent, 'Bea Stone', '1357');
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000001' }));
    expect(await resolveMyCase(agent, 'Repair')).toContain('Resolved RMA-000001 — next: RMA-000002');
    expect(await textOf(await visible(agent.getByRole('alert')))).toContain('New case for you: RMA-000002');
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000002' }));
    expect(await desk().ok('cases.get', { id: 2 })).toMatchObject({
      status: 'assigned',
      agentName: 'Bea Stone',
    });
    expect((await desk().ok('agents.get', { id: cal.id })).currentCaseId).toBeNull();
  });
});
