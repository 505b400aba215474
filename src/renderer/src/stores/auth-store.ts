// This window's standing with the desk: front desk, a signed-in agent, or an
// unlocked Admin. Main owns the session and enforces every role (and when it
// ends without input); this store only mirrors `auth.status` so views know
// which form or content to show.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import {
  DEFAULT_AGENT_SIGN_OUT,
  SUPERVISOR_IDLE_MS,
  type AgentSignOutPolicy,
  type AuthStatus,
  type SessionDto,
} from '../../../shared/access';
import type { AppError, Result } from '../../../shared/result';
import { call, callDraft, onForbidden, type Draft } from '../lib/api';
import { Latest, type LoadStatus } from './load-state';

export type AuthAction =
  'setup' | 'unlock' | 'lock' | 'signIn' | 'signOut' | 'changePasscode' | 'setAgentSignOut';

/** The window lost its role without asking: Admin locked itself, an idle agent was signed out, or removed. */
export interface Dropped {
  role: 'supervisor' | 'agent';
  /** Main's refusal that revealed it ("This needs a supervisor."), if an action did. */
  refusal: string | null;
}

interface AuthData {
  setupRequired: boolean;
  session: SessionDto;
  /** When main signs agents out on this desk (the shared counter PC). */
  agentSignOut: AgentSignOutPolicy;
  /** Of `auth.status` itself: views decide nothing until it is 'ready'. */
  status: LoadStatus;
  error: AppError | null;
  /** The last refusal of each action, until it is tried again or succeeds; fields by input key. */
  errors: Partial<Record<AuthAction, AppError>>;
  dropped: Dropped | null;
}

type AuthResult = Promise<Result<AuthStatus>>;

interface AuthActions {
  load(): Promise<void>;
  /** Asks main again, if anything on screen depends on the answer yet. */
  refresh(): Promise<void>;
  setup(passcode: string): AuthResult;
  unlock(passcode: string): AuthResult;
  lock(): AuthResult;
  signIn(draft: Draft<'auth.signIn'>): AuthResult;
  signOut(): AuthResult;
  changePasscode(current: string, passcode: string): AuthResult;
  setAgentSignOut(draft: Draft<'auth.setAgentSignOut'>): AuthResult;
  /** Main signed this window out as part of an action (a resolve, on a desk that asks for it): take it in. */
  signedOutByAction(): AuthResult;
  /** Tells main the person at this window is still here (keeps Admin open, the agent signed in). */
  touch(): AuthResult;
  /**
   * Keyboard or pointer input: a touch while Admin is unlocked or an agent is signed in, at most
   * every TOUCH_EVERY_MS (more often for an agent's shorter idle time, see `touchEveryMs`).
   */
  noteActivity(): void;
  clearError(action: AuthAction): void;
  dismissDropped(): void;
}

export type AuthState = AuthData & AuthActions;

export const DESK_SESSION: SessionDto = { role: 'desk', agentId: null, agentName: null, expiresAt: null };
export const TOUCH_EVERY_MS = 30_000;
export const IDLE_MINUTES = Math.round(SUPERVISOR_IDLE_MS / 60_000);
/** An agent's touches come six times per idle window at least, so input is never missed by much. */
export const touchEveryMs = (role: SessionDto['role'], policy: AgentSignOutPolicy): number =>
  role === 'agent' ? Math.min(TOUCH_EVERY_MS, (policy.idleMinutes * 60_000) / 6) : TOUCH_EVERY_MS;
// Main decides the moment; the re-check goes a little after it.
const CHECK_MARGIN_MS = 500;
// When the two clocks disagree and the re-check finds Admin still open, try again later, not in a loop.
const RECHECK_RETRY_MS = 30_000;
// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2 ** 31 - 1;

const initial: AuthData = {
  setupRequired: false,
  session: DESK_SESSION,
  agentSignOut: DEFAULT_AGENT_SIGN_OUT,
  status: 'idle',
  error: null,
  errors: {},
  dropped: null,
};
const latest = new Latest();
let expiryTimer: ReturnType<typeof setTimeout> | null = null;
let lastTouch = Number.NEGATIVE_INFINITY;
/** The refusal that sent us to ask main again, to explain a role that turns out lost. */
let pendingRefusal: string | null = null;

function scheduleExpiryCheck(expiresAt: string | null, previous: string | null): void {
  if (expiryTimer !== null) clearTimeout(expiryTimer);
  expiryTimer = null;
  if (expiresAt === null) return;
  const wait = Date.parse(expiresAt) - Date.now() + CHECK_MARGIN_MS;
  const floor = expiresAt === previous ? RECHECK_RETRY_MS : 0;
  expiryTimer = setTimeout(
    () => {
      expiryTimer = null;
      void useAuthStore.getState().refresh();
    },
    Math.min(MAX_TIMER_MS, Math.max(floor, wait)),
  );
}

export const useAuthStore = create<AuthState>()((set, get) => {
  /**
   * Takes main's answer. `asked`: the person changed their standing on purpose
   * (unlock, sign in, lock…); otherwise a lost role is explained on screen.
   */
  const apply = (next: AuthStatus, asked: boolean) => {
    const before = get().session;
    // Only these two are explained on screen (a display window has no form to say it in).
    const lostRole =
      !asked && next.session.role === 'desk' && (before.role === 'supervisor' || before.role === 'agent')
        ? before.role
        : null;
    const refusal = pendingRefusal;
    pendingRefusal = null;
    if (
      next.session.role !== before.role ||
      (next.session.role === 'agent' && next.session.agentId !== before.agentId)
    )
      lastTouch = Number.NEGATIVE_INFINITY;
    let dropped = asked ? null : get().dropped;
    if (lostRole) dropped = { role: lostRole, refusal };
    // Noticed first by a touch or the timer, then an action refused for it: that explains it best.
    else if (dropped && refusal && !dropped.refusal && next.session.role === 'desk')
      dropped = { ...dropped, refusal };
    set({
      setupRequired: next.setupRequired,
      session: next.session,
      agentSignOut: next.agentSignOut,
      status: 'ready',
      error: null,
      dropped,
      ...(asked && { errors: {} }),
    });
    scheduleExpiryCheck(next.session.expiresAt, before.expiresAt);
  };

  /** An action that answers the new status: its refusal is kept in `errors[action]`. */
  const act = async (action: AuthAction, run: () => AuthResult): AuthResult => {
    // A new try voids any status answer still in flight: this one is newer.
    latest.ticket('status');
    const { [action]: _previous, ...others } = get().errors;
    set({ errors: others });
    const result = await run();
    if (result.ok) apply(result.data, true);
    else set({ errors: { ...get().errors, [action]: result.error } });
    return result;
  };

  return {
    ...initial,
    // Not `loadInto`: the answer is applied (roles lost, timers, touches), not stored as a slice,
    // actions share its ticket, and a failed re-check must leave a known standing 'ready'.
    async load() {
      const isLatest = latest.ticket('status');
      if (get().status !== 'ready') set({ status: 'loading', error: null });
      const result = await call('auth.status');
      if (!isLatest()) return;
      if (result.ok) apply(result.data, false);
      // Once known, the standing stays on screen: a failed re-check changes nobody's role.
      else set({ status: get().status === 'ready' ? 'ready' : 'error', error: result.error });
    },
    async refresh() {
      if (get().status !== 'idle') await get().load();
    },
    setup: (passcode) => act('setup', () => call('auth.setup', { passcode })),
    unlock: (passcode) => act('unlock', () => call('auth.unlock', { passcode })),
    lock: () => act('lock', () => call('auth.lock')),
    signIn: (draft) => act('signIn', () => callDraft('auth.signIn', draft)),
    signOut: () => act('signOut', () => call('auth.signOut')),
    changePasscode: (current, passcode) =>
      act('changePasscode', () => call('auth.changePasscode', { current, passcode })),
    setAgentSignOut: (draft) => act('setAgentSignOut', () => callDraft('auth.setAgentSignOut', draft)),
    signedOutByAction: () => act('signOut', () => call('auth.status')),
    async touch() {
      const isLatest = latest.ticket('status');
      const result = await call('auth.touch');
      if (result.ok && isLatest()) apply(result.data, false);
      return result;
    },
    noteActivity() {
      const { session, agentSignOut } = get();
      if (session.role === 'desk') return;
      const now = Date.now();
      if (now - lastTouch < touchEveryMs(session.role, agentSignOut)) return;
      lastTouch = now;
      void get().touch();
    },
    clearError(action) {
      const { [action]: _cleared, ...others } = get().errors;
      set({ errors: others });
    },
    dismissDropped() {
      set({ dropped: null });
    },
  };
});

// Any refusal anywhere may mean this window's role changed under it (Admin
// locked itself while a dialog was open): ask main, and keep the refusal to explain.
// A refusal with field messages is about a secret typed (wrong PIN, lockout), not the role.
onForbidden((error, channel) => {
  if (channel === 'auth.status' || error.fields) return;
  pendingRefusal = error.message;
  void useAuthStore.getState().refresh();
});

export function resetAuthStore(): void {
  latest.reset();
  if (expiryTimer !== null) clearTimeout(expiryTimer);
  expiryTimer = null;
  lastTouch = Number.NEGATIVE_INFINITY;
  pendingRefusal = null;
  useAuthStore.setState(initial);
}

/** The window's standing, asked of main on first use; kept fresh by actions, refusals and a timer. */
export function useAuth(): Pick<AuthState, 'session' | 'setupRequired' | 'status' | 'error' | 'load'> {
  const slice = useAuthStore(
    useShallow((s) => ({
      session: s.session,
      setupRequired: s.setupRequired,
      status: s.status,
      error: s.error,
      load: s.load,
    })),
  );
  const { status, load } = slice;
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  return slice;
}

/** Keyboard and pointer input anywhere in the window keep an unlocked Admin open and an agent signed in. Mount once. */
export function useActivityTouch(): void {
  useEffect(() => {
    const onInput = () => useAuthStore.getState().noteActivity();
    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', onInput, options);
    window.addEventListener('pointerdown', onInput, options);
    return () => {
      window.removeEventListener('keydown', onInput, options);
      window.removeEventListener('pointerdown', onInput, options);
    };
  }, []);
}
