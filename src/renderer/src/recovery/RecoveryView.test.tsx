// The recovery page on the real start-up restore (src/main/backup/recovery.ts)
// over a real damaged desk file: what main's recovery window would answer.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecoveryApi } from '../../../shared/recovery';
import { asSupervisor } from '../../../main/test/as-supervisor';
import { openCore } from '../../../main/core';
import { createMemoryLogger } from '../../../main/log/memory-logger';
import { recoveryChoices, restoreForRecovery } from '../../../main/backup/recovery';
import { TEST_PASSCODE } from '../test/real-api';
import { RecoveryView } from './RecoveryView';

let dir: string;
let dbPath: string;
let cancelled = 0;

/** Shaped like IPC: every answer is structured-cloned. */
const api: RecoveryApi = {
  choices: async () => structuredClone({ ok: true, data: recoveryChoices(dbPath, 'The file is damaged.') }),
  restore: async (input) => structuredClone(await restoreForRecovery(dbPath, input, { at: new Date() })),
  cancel: async () => {
    cancelled++;
  },
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-recovery-page-'));
  dbPath = join(dir, 'returndesk.sqlite');
  cancelled = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function damagedDeskWithBackup(): Promise<void> {
  const core = await asSupervisor(await openCore({ dbPath, logger: createMemoryLogger() }), TEST_PASSCODE);
  const backup = await core.dispatch('backup.now', {});
  if (!backup.ok) throw new Error(backup.error.message);
  await core.close();
  const bytes = readFileSync(dbPath);
  bytes.fill(0x42, 0, 100);
  writeFileSync(dbPath, bytes);
}

describe('Recovery window', () => {
  it('asks for the backup’s passcode: a wrong one is refused beside the field and changes nothing', async () => {
    await damagedDeskWithBackup();
    const damaged = readFileSync(dbPath);
    const user = userEvent.setup();
    render(<RecoveryView api={api} />);

    expect(await screen.findByText(/The file is damaged\./)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Backup/ })).toHaveDisplayValue(/Manual/);
    const passcode = screen.getByLabelText(/Supervisor passcode of this backup/);
    await user.type(passcode, 'not-the-passcode');
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));

    expect(
      await screen.findByText('That is not the supervisor passcode of this backup. Nothing was changed.'),
    ).toBeInTheDocument();
    expect(passcode).toHaveAttribute('aria-invalid', 'true');
    expect(passcode).toHaveValue('');
    expect(readFileSync(dbPath)).toEqual(damaged);

    await user.type(passcode, TEST_PASSCODE);
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Restored .+\. The desk is opening…$/);
    const core = await openCore({ dbPath, logger: createMemoryLogger() });
    await core.close();
  });

  it('an empty passcode is asked for by name, before anything is tried', async () => {
    await damagedDeskWithBackup();
    const user = userEvent.setup();
    render(<RecoveryView api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Restore this backup' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Supervisor passcode of this backup/)).toHaveAttribute(
        'aria-invalid',
        'true',
      ),
    );
    expect(screen.getByText('Passcode is required')).toBeInTheDocument();
  });

  it('with no backups says where they would be, and Back goes back', async () => {
    const user = userEvent.setup();
    render(<RecoveryView api={api} />);
    expect(await screen.findByText('No backups found')).toBeInTheDocument();
    expect(screen.getByText(join(dir, 'backups'))).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(cancelled).toBe(1);
  });
});
