// Shared setup for component tests: a real desk per test, fresh stores, and
// teardown in the right order (unmount, then close the database).
import { cleanup, render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { useLiveDesk } from '../stores/live';
import { resetStores } from '../stores/reset';
import {
  installFirstRunApi,
  installRealApi,
  TEST_PASSCODE,
  type FirstRunDesk,
  type RealDesk,
  type RealDeskOptions,
} from './real-api';

function LiveDesk({ children }: { children: ReactNode }) {
  useLiveDesk();
  return <>{children}</>;
}

function withDesk<D extends { dispose(): Promise<void> }>(install: () => Promise<D>): () => D {
  let desk: D | null = null;
  beforeEach(async () => {
    resetStores();
    desk = await install();
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

/** Opens a real core before each test and closes it after; returns a getter for it. */
export function withRealDesk(options: RealDeskOptions = {}): () => RealDesk {
  return withDesk(() => installRealApi(options));
}

/** The same, on a desk that has never been set up (no supervisor passcode). */
export function withFirstRunDesk(): () => FirstRunDesk {
  return withDesk(installFirstRunApi);
}

/**
 * Renders views as the app does: with the live change subscription mounted
 * (`live: false` for the App, which mounts its own).
 */
export function renderDesk(
  ui: ReactElement,
  { live = true }: { live?: boolean } = {},
): RenderResult & { user: UserEvent } {
  // Keys and clicks one after another, as a fast typist's, without a timer between each
  // (user-event's default waits one per key): what a test waits for, it awaits with waitFor.
  const user = userEvent.setup({ delay: null });
  return { user, ...render(live ? <LiveDesk>{ui}</LiveDesk> : ui) };
}

/** Unlocks Admin as a supervisor would: the passcode typed into the locked Admin's form. */
export async function unlockAdmin(user: UserEvent, passcode = TEST_PASSCODE): Promise<void> {
  const form = within(await screen.findByRole('form', { name: 'Admin is locked' }));
  await user.type(form.getByLabelText('Supervisor passcode'), passcode);
  await user.click(form.getByRole('button', { name: 'Unlock Admin' }));
}

/** Signs an agent in at the agent desk: a tap on their name in the list, then the PIN. */
export async function signIn(user: UserEvent, name: string, pin: string): Promise<void> {
  const form = within(await screen.findByRole('form', { name: 'Sign in' }));
  await user.click(await form.findByRole('button', { name }));
  await user.type(form.getByLabelText('PIN'), pin);
  await user.click(form.getByRole('button', { name: 'Sign in' }));
}
