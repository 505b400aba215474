// Admin → Database on the real core (issue 16): what the desk runs on, and main's answers to
// a shared database typed in. (The app's own port, which connects, keeps the password sealed
// and moves a desk, is tested on PostgreSQL in src/main/app.)
import { screen, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

const database = () => within(screen.getByRole('region', { name: 'Database' }));
const form = () => within(database().getByRole('form', { name: 'Shared database' }));

async function openAdmin() {
  const rendered = renderDesk(<AdminView />);
  await unlockAdmin(rendered.user);
  await screen.findByRole('region', { name: 'Database' });
  return rendered;
}

describe('Admin: database', () => {
  it("says the desk runs on this workstation's file, beside its backups", async () => {
    const { core } = desk();
    await openAdmin();
    expect(await database().findByText(core.dbPath)).toBeInTheDocument();
    expect(database().getByText(/runs on this workstation's own file/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Backups' })).toBeInTheDocument();
  });

  it('shows main’s message beside each field typed wrong, and nothing is tried', async () => {
    const { user } = await openAdmin();
    await database().findByText(/runs on this workstation's own file/);
    await user.type(form().getByLabelText('Server'), 'db store');
    await user.clear(form().getByLabelText('Port'));
    await user.type(form().getByLabelText('Port'), '70000');
    await user.type(form().getByLabelText('User'), 'desk_app');
    await user.click(form().getByRole('button', { name: 'Test connection' }));

    expect(await form().findByText('Enter a server name or address')).toBeInTheDocument();
    expect(form().getByText('Port must be a whole number from 1 to 65535')).toBeInTheDocument();
    expect(form().getByText('Database is required')).toBeInTheDocument();
    expect(form().getByLabelText('Server')).toHaveFocus();
    // Nothing tested, so nothing to use or move into yet.
    expect(form().getByRole('button', { name: 'Use this database…' })).toBeDisabled();
    expect(form().getByRole('button', { name: 'Move this desk there…' })).toBeDisabled();
  });

  it('a desk opened without a shell says its database cannot be changed here', async () => {
    const { user } = await openAdmin();
    await database().findByText(/runs on this workstation's own file/);
    await user.type(form().getByLabelText('Server'), 'db.store.lan');
    await user.type(form().getByLabelText('Database'), 'desk');
    await user.type(form().getByLabelText('User'), 'desk_app');
    await user.click(form().getByRole('button', { name: 'Test connection' }));
    expect(await database().findByText(/was chosen when it was started/)).toBeInTheDocument();
  });
});
