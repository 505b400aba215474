import { screen, waitFor, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../../test/desk';
import { IntakeView } from '../../intake/IntakeView';
import { AdminView } from '../AdminView';

const desk = withRealDesk();

const region = (name: string) => screen.getByRole('region', { name });
const categoriesTable = () => within(region('Skills')).getByRole('table', { name: 'Categories' });

describe('Admin: skills', () => {
  it('adds, renames and removes categories; main refuses a clash and a category still in use', async () => {
    const { core } = desk();
    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    expect(await within(region('Skills')).findByText('No categories yet')).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Add category' }));
    const name = form.getByLabelText('New category');

    await user.type(name, 'Electronics{Enter}');
    expect(await within(categoriesTable()).findByRole('row', { name: /Electronics/ })).toHaveTextContent(
      'None: open to anyone',
    );
    await waitFor(() => expect(name).toHaveValue(''));

    // Case does not make a new name.
    await user.type(name, 'ELECTRONICS{Enter}');
    await waitFor(() => expect(name).toHaveAccessibleDescription('Electronics already exists'));
    await waitFor(() => expect(name).toHaveFocus());

    await user.click(within(categoriesTable()).getByRole('button', { name: 'Rename Electronics' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Rename Electronics' }));
    await user.clear(dialog.getByLabelText('Name'));
    await user.type(dialog.getByLabelText('Name'), 'Audio & TV');
    await user.click(dialog.getByRole('button', { name: 'Rename' }));
    expect(await within(categoriesTable()).findByRole('row', { name: /Audio & TV/ })).toBeInTheDocument();

    // A waiting case names it: removal is refused, and says why.
    const [audio] = await core.ok('categories.list');
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Radio',
      reason: 'defective',
      categoryId: audio!.id,
    });
    await waitFor(() =>
      expect(within(categoriesTable()).getByRole('row', { name: /Audio & TV/ })).toHaveTextContent('1'),
    );
    await user.click(within(categoriesTable()).getByRole('button', { name: 'Remove Audio & TV' }));
    const remove = within(await screen.findByRole('dialog', { name: 'Remove Audio & TV?' }));
    await user.click(remove.getByRole('button', { name: 'Remove category' }));
    expect(await remove.findByRole('alert')).toHaveTextContent('Audio & TV is named by 1 open case');
    expect(await core.ok('categories.list')).toHaveLength(1);
  });

  it('gives an agent skills when adding and editing them, and intake can name a category', async () => {
    const { core } = desk();
    const tv = await core.ok('categories.create', { name: 'Electronics' });
    await core.ok('categories.create', { name: 'Furniture' });
    const { user } = renderDesk(
      <>
        <AdminView />
        <IntakeView />
      </>,
    );
    await unlockAdmin(user);
    const form = within(screen.getByRole('form', { name: 'Add agent' }));
    await user.type(form.getByLabelText('Name'), 'Bea Stone');
    await user.type(form.getByLabelText('PIN'), '1357');
    await user.type(form.getByLabelText('Confirm PIN'), '1357');
    await user.click(await form.findByRole('checkbox', { name: 'Electronics' }));
    await user.click(form.getByRole('button', { name: 'Add agent' }));
    const row = await within(region('Agents')).findByRole('row', { name: /Bea Stone/ });
    expect(row).toHaveTextContent('Electronics');
    const [bea] = await core.ok('agents.list');
    expect(bea!.skills).toEqual([tv.id]);

    await user.click(within(row).getByRole('button', { name: 'Edit Bea Stone' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Bea Stone' }));
    expect(dialog.getByRole('checkbox', { name: 'Electronics' })).toBeChecked();
    await user.click(dialog.getByRole('checkbox', { name: 'Furniture' }));
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(within(region('Agents')).getByRole('row', { name: /Bea Stone/ })).toHaveTextContent(
        'Electronics, Furniture',
      ),
    );

    // Intake offers the categories, "Any agent" first.
    const category = await screen.findByLabelText(/Category/);
    expect(
      within(category)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any agent', 'Electronics', 'Furniture']);
  });
});
