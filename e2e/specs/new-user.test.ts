// What a new user tripped over (issue 12), as they would meet it: the keyboard at intake and
// the layout at 1280×800.
import { describe, expect, it } from 'vitest';
import { openView, unlockAdmin, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('a new user at 1280×800', () => {
  const desk = freshDesk();

  it('Enter in “Find customer” with no match starts a new customer; nothing is submitted', async () => {
    const { page } = desk();
    const intake = await openView(page, 'intake');
    const finder = intake.getByRole('combobox', { name: 'Find customer' });
    await finder.fill('Noah Smith');
    await visible(intake.getByText(/No customer matches/));
    await finder.press('Enter');
    await expect.poll(() => intake.getByLabel('Customer name').inputValue()).toBe('Noah Smith');
    expect(await intake.locator('[aria-invalid="true"]').count()).toBe(0);

    // Clear form leaves nothing behind: typing the name again does not double it.
    await intake.getByRole('button', { name: 'Clear form' }).click();
    await expect.poll(() => finder.inputValue()).toBe('');
    await finder.fill('Noah Smith');
    await visible(intake.getByText(/No customer matches/));
    await finder.press('Enter');
    await expect.poll(() => intake.getByLabel('Customer name').inputValue()).toBe('Noah Smith');
  });

  it('keeps “Log case” above the fold in new-customer mode, and a long name short', async () => {
    const { page } = desk();
    const intake = await openView(page, 'intake');
    await intake.getByRole('button', { name: 'Add new customer' }).click();
    const logCase = intake.getByRole('button', { name: 'Log case' });
    const box = await logCase.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);

    // A long name, once the customer is chosen, does not wrap the card to many lines.
    // 117 characters, within the 120 a name may have.
    const long =
      'Maximiliana Theodora Wilhelmina Bartholomew-Featherstonehaugh of Little Snoring-on-the-Marsh and Upper Wallop-Fordham';
    await desk().ok('customers.create', { name: long, email: 'max@example.com' });
    await intake.getByRole('button', { name: 'Back to customer search' }).click();
    await intake.getByRole('combobox', { name: 'Find customer' }).fill('Maximiliana');
    await intake.getByRole('option', { name: /^Maximiliana/ }).click();
    const card = await visible(intake.getByRole('group', { name: 'Selected customer' }));
    const height = (await card.boundingBox())!.height;
    expect(height).toBeLessThan(100);
  });

  it('keeps the Ctrl+1/2/3 hints while Admin is unlocked', async () => {
    const { page } = desk();
    await unlockAdmin(page, desk().passcode);
    for (const key of ['1', '2', '3']) {
      await visible(page.getByRole('tab').locator('kbd', { hasText: `Ctrl ${key}` }));
    }
  });
});
