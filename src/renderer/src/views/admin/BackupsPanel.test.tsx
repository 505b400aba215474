import { screen, waitFor, within } from '@testing-library/react';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { TEST_PASSCODE } from '../../test/real-api';
import { AdminView } from './AdminView';

const desk = withRealDesk();

const region = (name: string) => screen.getByRole('region', { name });
const backups = () => within(region('Backups'));
const agentsTable = () => within(region('Agents')).getByRole('table', { name: 'Agents' });

async function openAdmin() {
  const rendered = renderDesk(<AdminView />);
  await unlockAdmin(rendered.user);
  await screen.findByRole('region', { name: 'Backups' });
  return rendered;
}

describe('Admin: backups', () => {
  it('says where backups live, and "Back up now" adds a manual one to the list', async () => {
    const { core } = desk();
    const { user } = await openAdmin();
    expect(await backups().findByText('No backups yet')).toBeInTheDocument();
    expect(backups().getByText(join(core.dir, 'backups'))).toBeInTheDocument();

    await user.click(backups().getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(backups().getByRole('status')).toHaveTextContent(/^Backup made at .+ kB\)/));

    const [made] = (await core.ok('backup.list')).backups;
    expect(made).toMatchObject({ kind: 'manual' });
    const table = await backups().findByRole('table', { name: 'Backups' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent(made!.name);
    expect(rows[0]).toHaveTextContent('Manual');
    expect(rows[0]).toHaveTextContent(/\d kB/);
    expect(backups().getByRole('status')).toHaveTextContent(made!.name);
  });

  it('lists the backups newest first', async () => {
    const { core } = desk();
    await core.ok('backup.now');
    core.clock.advance(60_000);
    await core.ok('backup.now');
    await openAdmin();
    const table = await backups().findByRole('table', { name: 'Backups' });
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getByRole('rowheader').textContent);
    const listed = (await core.ok('backup.list')).backups.map((b) => b.name);
    expect(listed).toHaveLength(2);
    expect(names.map((text) => listed.find((name) => text?.endsWith(name)))).toEqual(listed);
  });

  it('restores an earlier state after saying plainly what happens', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const backup = await core.ok('backup.now');
    core.clock.advance(60_000);
    await core.ok('agents.create', { name: 'Sam Lee', pin: '1234' });
    const { user } = await openAdmin();
    expect(
      await within(await waitFor(agentsTable)).findByRole('row', { name: /Sam Lee/ }),
    ).toBeInTheDocument();

    const row = await within(await backups().findByRole('table', { name: 'Backups' })).findByRole('row', {
      name: new RegExp(backup.name),
    });
    await user.click(within(row).getByRole('button', { name: /^Restore the backup from / }));
    const dialog = screen.getByRole('dialog', { name: /^Restore the backup from / });
    expect(dialog).toHaveAccessibleDescription(
      /The desk goes back to how it was at .+\. Cases logged since then will not be in it/,
    );
    expect(dialog).toHaveAccessibleDescription(
      /The current database is kept as a separate file .+nothing is lost/,
    );
    // The supervisor passcode is asked again, although Admin is unlocked; a wrong one changes nothing.
    const passcode = within(dialog).getByLabelText('Supervisor passcode');
    expect(passcode).toHaveFocus();
    await user.type(passcode, 'not-the-passcode');
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(passcode).toHaveAccessibleDescription(/^Wrong passcode/));
    expect(passcode).toHaveValue('');
    expect((await core.ok('agents.list')).map((a) => a.name)).toEqual(['Dana Reyes', 'Sam Lee']);
    expect(readdirSync(core.dir).filter((name) => name.includes('.replaced-'))).toEqual([]);

    await user.type(passcode, TEST_PASSCODE);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const kept = readdirSync(core.dir).filter((name) => name.startsWith('desk.sqlite.replaced-'));
    expect(kept).toHaveLength(1);
    expect(backups().getByRole('status')).toHaveTextContent(
      `The database it replaced is kept as ${join(core.dir, kept[0]!)}.`,
    );
    expect(backups().getByRole('status')).toHaveTextContent(/^Restored the backup from .+\./);
    // The change event after the restore refreshes the agents table by itself.
    await waitFor(() => expect(within(agentsTable()).queryByRole('row', { name: /Sam Lee/ })).toBeNull());
    expect(within(agentsTable()).getByRole('row', { name: /Dana Reyes/ })).toBeInTheDocument();
    expect((await core.ok('agents.list')).map((a) => a.name)).toEqual(['Dana Reyes']);
  });

  it('shows a refusal in the dialog and changes nothing', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('backup.now');
    const damaged = 'desk-2026-03-01T09-00-00-000Z-manual.sqlite';
    writeFileSync(join(core.dir, 'backups', damaged), 'not a database at all, just some text');
    const before = core.contentHash();
    const { user } = await openAdmin();

    const row = await within(await backups().findByRole('table', { name: 'Backups' })).findByRole('row', {
      name: new RegExp(damaged),
    });
    await user.click(within(row).getByRole('button', { name: /^Restore the backup from / }));
    const dialog = within(screen.getByRole('dialog', { name: /^Restore the backup from / }));
    await user.type(dialog.getByLabelText('Supervisor passcode'), TEST_PASSCODE);
    await user.click(dialog.getByRole('button', { name: 'Restore' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent(/is not a readable database: it is damaged/);
    expect(core.contentHash()).toBe(before);
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(agentsTable()).getByRole('row', { name: /Dana Reyes/ })).toBeInTheDocument();
  });
});
