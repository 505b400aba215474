// Who may call what. Roles are enforced in main, per window session; the
// renderer only uses this to explain a refusal or hide what cannot work.
import type { ChannelName } from './channels';

export const ROLES = ['desk', 'agent', 'supervisor'] as const;
/** desk: anyone at the counter; agent: signed in as one agent; supervisor: everything. */
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  desk: 'front desk',
  agent: 'a signed-in agent',
  supervisor: 'a supervisor',
};

const ANYONE = ['desk', 'agent', 'supervisor'] as const satisfies readonly Role[];
const AGENT = ['agent', 'supervisor'] as const satisfies readonly Role[];
const SUPERVISOR = ['supervisor'] as const satisfies readonly Role[];

/** Every channel declares the roles allowed to call it; a new channel does not compile without one. */
export const CHANNEL_ROLES: Record<ChannelName, readonly Role[]> = {
  'agents.list': ANYONE,
  'agents.get': ANYONE,
  'agents.create': SUPERVISOR,
  'agents.update': SUPERVISOR,
  'agents.setOnDuty': AGENT, // an agent only for themselves
  'agents.remove': SUPERVISOR,
  'agents.setPin': SUPERVISOR,
  'customers.search': ANYONE,
  'customers.get': ANYONE,
  'customers.create': ANYONE,
  'customers.update': ANYONE,
  'cases.create': ANYONE,
  'cases.get': ANYONE,
  'cases.list': ANYONE,
  'cases.active': ANYONE,
  'cases.resolve': AGENT, // an agent only their own case
  'cases.cancel': SUPERVISOR,
  'cases.reassign': SUPERVISOR,
  'cases.requeue': SUPERVISOR,
  'cases.edit': SUPERVISOR,
  'cases.setPriority': SUPERVISOR,
  'cases.reopen': SUPERVISOR,
  'cases.exportCsv': SUPERVISOR,
  'reports.dashboard': SUPERVISOR,
  'reports.exportCsv': SUPERVISOR,
  'backup.now': SUPERVISOR,
  'backup.list': SUPERVISOR,
  'backup.restore': SUPERVISOR,
  'auth.status': ANYONE,
  'auth.setup': ANYONE,
  'auth.unlock': ANYONE,
  'auth.lock': ANYONE,
  'auth.signIn': ANYONE,
  'auth.signOut': ANYONE,
  'auth.touch': ANYONE,
  'auth.changePasscode': SUPERVISOR,
  // Any window may report its own errors (rate-limited in main, see src/main/log/page-errors.ts).
  'log.pageError': ANYONE,
};

/** The channels that work before the supervisor passcode exists (first run). */
export const BEFORE_SETUP: readonly ChannelName[] = ['auth.status', 'auth.setup', 'log.pageError'];

export interface SessionDto {
  role: Role;
  agentId: number | null;
  agentName: string | null;
  /** When an unlocked Admin locks itself again without input; null for other roles. */
  expiresAt: string | null;
}

export interface AuthStatus {
  /** No supervisor passcode yet: the app asks for one before anything else. */
  setupRequired: boolean;
  session: SessionDto;
}

export const SUPERVISOR_IDLE_MS = 10 * 60 * 1000;
/** Wrong tries in a row before a sign-in (the supervisor's, or one agent's) is locked. */
export const MAX_WRONG_TRIES = 5;
/** The first lock lasts 1 minute, the next 5, every later one 15 (until a right try or a quiet day). */
export const LOCKOUT_STEPS_MS = [60 * 1000, 5 * 60 * 1000, 15 * 60 * 1000] as const;
export const LOCKOUT_MS = LOCKOUT_STEPS_MS[0];
/** From this many wrong tries on, the refusal says how many are left. */
export const SHOW_TRIES_LEFT_AFTER = 3;
