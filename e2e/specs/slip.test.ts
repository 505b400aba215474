// The return slip (issue 15): logged at intake while everyone is busy, the banner gives the
// place in the queue and the estimated wait; the slip's PDF, as Chromium prints it with the
// print stylesheet, holds the reference and the facts, and its barcode decodes from the pixels.
import { describe, expect, it } from 'vitest';
import { decodeCode128, pdfPages, pdfText } from '../harness/pdf';
import { logCase, openView, textOf, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('the return slip', () => {
  const desk = freshDesk();

  it('saves as a PDF that shows the reference, the facts and a barcode that decodes', async () => {
    await desk().ok('counter.setSettings', { storeName: 'Harbour Street Store' });
    await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1357' });
    const ana = await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana.lima@example.com' });
    // Dana is busy with the first case: the next one queues.
    await desk().ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Lamp',
      reason: 'damaged',
    });
    const intake = await openView(desk().page, 'intake');
    const banner = await logCase(intake, {
      customer: 'Ana Lima',
      orderNumber: 'SO-77120',
      product: 'Espresso machine Barista Pro',
      reason: 'Defective',
    });
    expect(banner).toContain('RMA-000002 logged for Ana Lima. Queued — position 1');
    // Main's estimate follows in the banner: a range, never one number.
    const status = intake.getByRole('status').filter({ hasText: /logged for/ });
    await expect
      .poll(async () => textOf(status))
      .toMatch(/Queued — position 1 Estimated wait: (under \d+|about \d+–\d+) min\./);

    await intake.getByRole('button', { name: 'Return slip…' }).click();
    const dialog = await visible(desk().page.getByRole('dialog', { name: 'Return slip RMA-000002' }));
    await visible(dialog.getByRole('img', { name: 'Barcode RMA-000002' }));
    await dialog.getByRole('button', { name: 'Save as PDF' }).click();
    await visible(dialog.getByText(/Saved as .*RMA-000002-slip\.pdf/));

    const [file] = desk().saved;
    expect(file?.name).toBe('RMA-000002-slip.pdf');
    const text = pdfText(file!.path);
    console.info(`slip PDF text:\n${text}`);
    expect(text).toContain('RMA-000002');
    for (const fact of [
      'Harbour Street Store',
      'Ana Lima',
      'SO-77120',
      'Espresso machine Barista Pro',
      'Defective',
    ])
      expect(text).toContain(fact);
    expect(text).toMatch(/You are number 1 in the queue\.\s+Estimated wait:/);
    // The print stylesheet leaves the slip alone on the page: none of the app around it.
    expect(text).not.toMatch(/Log case|Latest cases|Intake/);
    expect(pdfPages(file!.path)).toBe(1);
    // Read back from Chromium's PDF rendered to pixels, not from the markup.
    expect(decodeCode128(file!.path)).toBe('RMA-000002');
  });
});
