// Shared setup for component tests: a real desk per test, fresh stores, and
// teardown in the right order (unmount, then close the database).
import { cleanup, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { useLiveDesk } from '../stores/live';
import { resetStores } from '../stores/reset';
import { installRealApi, type RealDesk } from './real-api';

function LiveDesk({ children }: { children: ReactNode }) {
  useLiveDesk();
  return <>{children}</>;
}

/** Opens a real core before each test and closes it after; returns a getter for it. */
export function withRealDesk(): () => RealDesk {
  let desk: RealDesk | null = null;
  beforeEach(async () => {
    resetStores();
    desk = await installRealApi();
  });
  afterEach(async () => {
    cleanup();
    resetStores();
    await desk?.dispose();
    desk = null;
  });
  return () => {
    if (!desk) throw new Error('The desk is open only inside a test');
    return desk;
  };
}

/**
 * Renders views as the app does: with the live change subscription mounted
 * (`live: false` for the App, which mounts its own).
 */
export function renderDesk(
  ui: ReactElement,
  { live = true }: { live?: boolean } = {},
): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  const user = userEvent.setup();
  return { user, ...render(live ? <LiveDesk>{ui}</LiveDesk> : ui) };
}
