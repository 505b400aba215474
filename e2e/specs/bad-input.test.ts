// Bad input at the intake: each problem is named beside its field, what was
// typed stays, and nothing reaches the database.
import { describe, expect, it } from 'vitest';
import { description, fillIntake, openView, unlockAdmin, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('bad input at the intake', () => {
  const desk = freshDesk({ page: false });

  it('shows field messages and creates nothing', async () => {
    await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana.lima@example.com' });
    const page = await desk().openPage();
    const intake = await openView(page, 'intake');
    const logCase = intake.getByRole('button', { name: 'Log case' });
    const field = (label: string) => intake.getByLabel(label, { exact: true });

    // Empty required fields.
    await logCase.click();
    const required = {
      'Find customer': 'Customer is required',
      'Order number': 'Order number is required',
      Product: 'Product is required',
      Reason: 'Reason is required',
    };
    for (const [label, message] of Object.entries(required)) {
      await visible(intake.getByText(message));
      expect(await field(label).getAttribute('aria-invalid'), label).toBe('true');
      expect(await description(field(label)), label).toContain(message);
    }

    // An overlong order number: nothing is cut silently; the field counts what is too many…
    await fillIntake(intake, {
      customer: 'Ana Lima',
      orderNumber: `SO-${'9'.repeat(40)}`,
      product: 'Kettle',
      reason: 'Defective',
    });
    expect(await field('Order number').inputValue()).toHaveLength(43);
    expect(await description(field('Order number'))).toContain('43 / 40 characters — 3 too many');
    // …and main refuses it, beside the field.
    await logCase.click();
    const tooLong = 'Order number must be at most 40 characters';
    await visible(intake.getByText(tooLong));
    expect(await description(field('Order number'))).toContain(tooLong);
    expect(await field('Product').inputValue()).toBe('Kettle');
    expect(await field('Product').getAttribute('aria-invalid')).toBeNull();

    // A malformed email for a new customer.
    await fillIntake(intake, {
      customer: { name: 'Marcus Chen', email: 'marcus.chen@' },
      orderNumber: 'SO-4001',
      product: 'Toaster',
      reason: 'Damaged',
    });
    await logCase.click();
    await visible(intake.getByText('Enter a valid email address'));
    expect(await description(field('Email'))).toContain('Enter a valid email address');
    expect(await field('Customer name').inputValue()).toBe('Marcus Chen');
    expect(await field('Order number').inputValue()).toBe('SO-4001');

    // Nothing was created: the Admin list is empty, and so is the database.
    const admin = await unlockAdmin(page, desk().passcode);
    await visible(admin.getByText('No cases yet'));
    expect(await admin.getByRole('table', { name: 'All cases' }).count()).toBe(0);
    expect((await desk().ok('cases.list')).total).toBe(0);
    expect((await desk().ok('customers.search', { query: '' })).map((c) => c.name)).toEqual(['Ana Lima']);
  });
});
