import type { Core, DispatchContext } from '../core';
import type { Dispatch } from '../ipc/router';

/** The passcode in-process tools (tests, benchmarks, seeding, the E2E harness) set on a new desk. */
export const TOOLS_PASSCODE = 'counter-passcode';

/**
 * The same core, with `dispatch` acting as an unlocked supervisor unless a
 * session is given: for code that drives the desk in-process, never for a
 * window. A new desk gets `passcode` as its supervisor passcode.
 */
export async function asSupervisor<C extends Core>(core: C, passcode = TOOLS_PASSCODE): Promise<C> {
  const session = core.openSession();
  const status = await core.dispatch('auth.status', undefined, { session });
  const setup = status.ok && status.data.setupRequired;
  const opened = await core.dispatch(setup ? 'auth.setup' : 'auth.unlock', { passcode }, { session });
  if (!opened.ok) throw new Error(`Cannot act as supervisor: ${opened.error.message}`);
  const dispatch = ((channel: unknown, input: unknown, ctx?: DispatchContext) =>
    core.dispatch(channel, input, ctx ?? { session })) as Dispatch;
  return { ...core, dispatch };
}
