// The window while the desk opens, on the real core: after an unclean shutdown
// the whole file is checked before the desk opens, and the window says so
// until it is done; after a clean one it says nothing of the kind.
import { act, render, screen } from '@testing-library/react';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asSupervisor } from '../../main/test/as-supervisor';
import { openCore } from '../../main/core';
import { SHUTDOWN_SETTING } from '../../main/db/shutdown-marker';
import { createMemoryLogger } from '../../main/log/memory-logger';
import { App } from './App';
import { resetStores } from './stores/reset';
import { installOpeningApi, TEST_PASSCODE, type OpeningDesk } from './test/real-api';

const CHECKING = /not closed properly last time, so it is checking the whole desk file/;
const LIVE_LOST = /lost its connection to the other counters' updates/;

let dir: string;
let opening: OpeningDesk | null = null;

beforeEach(() => {
  resetStores();
  dir = mkdtempSync(join(tmpdir(), 'returndesk-desk-state-'));
});
afterEach(async () => {
  resetStores();
  await opening?.dispose();
  opening = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A desk with a passcode, closed cleanly; `crashed` leaves its marker as a kill would: 'open'. */
async function deskFile({ crashed }: { crashed: boolean }): Promise<string> {
  const dbPath = join(dir, 'returndesk.sqlite');
  const core = await asSupervisor(await openCore({ dbPath, logger: createMemoryLogger() }), TEST_PASSCODE);
  await core.close();
  if (crashed) {
    const db = new Database(dbPath, { fileMustExist: true });
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SHUTDOWN_SETTING) as {
      value: string;
    };
    const value = { ...(JSON.parse(row.value) as Record<string, unknown>), state: 'open' };
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(value), SHUTDOWN_SETTING);
    db.close();
  }
  return dbPath;
}

describe('Opening the desk', () => {
  it('after an unclean shutdown says it is checking until the desk is open', async () => {
    opening = installOpeningApi(await deskFile({ crashed: true }));
    render(<App />);

    expect(await screen.findByRole('status')).toHaveTextContent(CHECKING);
    expect(screen.getByText('Opening ReturnDesk…')).toBeInTheDocument();
    // The check ran on the whole file before the desk opened.
    expect((await opening.opened).integrity().atOpen).toBe('full');
    expect(screen.getByRole('status')).toHaveTextContent(CHECKING);

    opening.release();
    expect(await screen.findByRole('tab', { name: 'Intake' })).toBeInTheDocument();
    expect(screen.queryByText(CHECKING)).not.toBeInTheDocument();
    expect(opening.states).toEqual(['opening', 'checking', 'open']);
  });

  it('after a clean shutdown opens without saying it checks', async () => {
    opening = installOpeningApi(await deskFile({ crashed: false }));
    render(<App />);
    expect((await opening.opened).integrity().atOpen).toBe('deferred');
    expect(screen.getByText('Opening ReturnDesk…')).toBeInTheDocument();
    expect(screen.queryByText(CHECKING)).not.toBeInTheDocument();

    opening.release();
    expect(await screen.findByRole('tab', { name: 'Intake' })).toBeInTheDocument();
    expect(opening.states).toEqual(['opening', 'open']);
  });

  it('says when a shared desk stops hearing the other counters, until it hears them again', async () => {
    opening = installOpeningApi(await deskFile({ crashed: false }));
    render(<App />);
    opening.release();
    expect(await screen.findByRole('tab', { name: 'Intake' })).toBeInTheDocument();
    expect(screen.queryByText(LIVE_LOST)).not.toBeInTheDocument();

    act(() => opening?.push('offline'));
    expect(screen.getByText(LIVE_LOST)).toBeInTheDocument();
    // The desk stays usable meanwhile: its own writes still go through.
    expect(screen.getByRole('tab', { name: 'Intake' })).toBeEnabled();

    act(() => opening?.push('open'));
    expect(screen.queryByText(LIVE_LOST)).not.toBeInTheDocument();
  });
});
