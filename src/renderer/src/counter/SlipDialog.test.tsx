import { act, screen, waitFor, within } from '@testing-library/react';
import ar from '../../../shared/i18n/messages/ar.json';
import en from '../../../shared/i18n/messages/en.json';
import { applyLanguage } from '../i18n/i18n-store';
import { renderDesk, withRealDesk } from '../test/desk';
import { untranslated } from '../test/untranslated';
import { SlipDialog } from './SlipDialog';

const desk = withRealDesk();

async function busyDesk() {
  const { core } = desk();
  await core.ok('counter.setSettings', { storeName: 'Harbour Street Store' });
  const dana = await core.ok('agents.create', { name: 'Dana Reyes', title: 'Counter 1', pin: '1357' });
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const first = await core.ok('cases.create', {
    customerId: ana.id,
    orderNumber: 'SO-1',
    product: 'Lamp',
    reason: 'damaged',
  });
  const waiting = await core.ok('cases.create', {
    customerId: ana.id,
    orderNumber: 'SO-77120',
    product: 'Kettle',
    reason: 'defective',
  });
  return { dana, first, waiting };
}

describe('the return slip dialog', () => {
  it('shows the slip with its barcode and estimate, and follows the queue live', async () => {
    const { dana, first, waiting } = await busyDesk();
    renderDesk(<SlipDialog caseId={waiting.id} reference={waiting.reference} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Return slip RMA-000002' });
    const slip = within(dialog).getByRole('article', { name: 'Return slip RMA-000002' });
    await waitFor(() => expect(slip).toHaveTextContent('Harbour Street Store'));
    expect(within(slip).getByRole('img', { name: 'Barcode RMA-000002' })).toBeInTheDocument();
    for (const fact of ['Ana Lima', 'SO-77120', 'Kettle', 'Defective']) expect(slip).toHaveTextContent(fact);
    expect(slip).toHaveTextContent('You are number 1 in the queue. Estimated wait: under 10 min.');

    // Dana resolves the first case and takes this one: the open slip says so.
    await desk().core.ok('cases.resolve', { id: first.id, agentId: dana.id, outcome: 'refund' });
    await waitFor(() =>
      expect(slip).toHaveTextContent('Dana Reyes is handling your return now at Counter 1.'),
    );
  });

  it('prints through main (dialog, then the default printer) and saves a PDF', async () => {
    const { waiting } = await busyDesk();
    const { user } = renderDesk(
      <SlipDialog caseId={waiting.id} reference={waiting.reference} onClose={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Return slip RMA-000002' });
    await within(dialog).findByRole('article');
    await user.click(within(dialog).getByRole('button', { name: 'Print' }));
    expect(await within(dialog).findByText('Sent to the printer.')).toBeInTheDocument();
    await desk().core.ok('counter.setSettings', { printDirect: true });
    await user.click(within(dialog).getByRole('button', { name: 'Print' }));
    expect(await within(dialog).findByText('Sent to the default printer.')).toBeInTheDocument();
    expect(desk().core.printed).toEqual([{ silent: false }, { silent: true }]);

    await user.click(within(dialog).getByRole('button', { name: 'Save as PDF' }));
    expect(await within(dialog).findByText(/Saved as .*RMA-000002-slip\.pdf\./)).toBeInTheDocument();
    expect(desk().core.saved.map((f) => f.name)).toEqual(['RMA-000002-slip.pdf']);
    // The copy main prints sits at the end of the page, for the print stylesheet.
    expect(document.body.lastElementChild).toHaveClass('print-slip');
  });

  it('is written in the language on screen, with nothing from outside the catalogues', async () => {
    const { waiting } = await busyDesk();
    renderDesk(<SlipDialog caseId={waiting.id} reference={waiting.reference} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Return slip RMA-000002' });
    await within(dialog).findByRole('article');

    act(() => applyLanguage('en-XA', en));
    const typed = ['Harbour Street Store', 'Ana Lima', 'SO-77120', 'Kettle'];
    expect(dialog.textContent).toContain('⟦');
    expect(untranslated(document.body, typed)).toEqual([]);

    act(() => applyLanguage('ar', ar));
    const slip = within(dialog).getByRole('article', { name: 'إيصال الإرجاع RMA-000002' });
    expect(slip).toHaveTextContent('ترتيبك 1 في قائمة الانتظار. مدة الانتظار المقدّرة: أقل من 10 د.');
  });
});
