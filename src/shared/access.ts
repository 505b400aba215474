// Who may call what. Roles are enforced in main, per window session; the
// renderer only uses this to explain a refusal or hide what cannot work.
import type { ChannelName } from './channels';
import type { ParsedInput } from './contract';

export const ROLES = ['desk', 'agent', 'supervisor', 'display'] as const;
/**
 * desk: anyone at the counter; agent: signed in as one agent; supervisor: everything;
 * display: the waiting-area screen, which reads only what it shows (issue 15).
 */
export type Role = (typeof ROLES)[number];

const ANYONE = ['desk', 'agent', 'supervisor'] as const satisfies readonly Role[];
const AGENT = ['agent', 'supervisor'] as const satisfies readonly Role[];
const SUPERVISOR = ['supervisor'] as const satisfies readonly Role[];
/** The desk's windows and the waiting-area display: what the customers' screen shows. */
const ANYONE_AND_DISPLAY = [...ANYONE, 'display'] as const satisfies readonly Role[];

/**
 * Agents and supervisors, but an agent only for themselves: `actsAs` reads from the
 * parsed input the agent the call acts as, and for an agent it must be their own id.
 */
const agentOnlyAsSelf = <C extends ChannelName>(actsAs: (input: ParsedInput<C>) => number) => ({
  roles: AGENT,
  actsAs,
});

/** Who may call a channel: a list of roles, or agents held to themselves (`agentOnlyAsSelf`). */
export type ChannelAccess<C extends ChannelName> =
  readonly Role[] | { roles: readonly Role[]; actsAs: (input: ParsedInput<C>) => number };

/** Every channel declares who may call it; a new channel does not compile without one. */
export const CHANNEL_ACCESS: { [C in ChannelName]: ChannelAccess<C> } = {
  'agents.list': ANYONE,
  'agents.get': ANYONE,
  'agents.create': SUPERVISOR,
  'agents.update': SUPERVISOR,
  'agents.setOnDuty': agentOnlyAsSelf<'agents.setOnDuty'>((input) => input.id),
  'agents.remove': SUPERVISOR,
  'agents.setPin': SUPERVISOR,
  // Intake offers the categories; only a supervisor changes them.
  'categories.list': ANYONE,
  'categories.create': SUPERVISOR,
  'categories.rename': SUPERVISOR,
  'categories.remove': SUPERVISOR,
  'customers.search': ANYONE,
  'customers.get': ANYONE,
  'customers.create': ANYONE,
  'customers.update': ANYONE,
  'cases.create': ANYONE,
  'cases.get': ANYONE,
  'cases.list': ANYONE,
  'cases.active': ANYONE,
  'cases.resolve': agentOnlyAsSelf<'cases.resolve'>((input) => input.agentId),
  'cases.cancel': SUPERVISOR,
  'cases.reassign': SUPERVISOR,
  'cases.requeue': SUPERVISOR,
  'cases.edit': SUPERVISOR,
  'cases.setPriority': SUPERVISOR,
  'cases.reopen': SUPERVISOR,
  'cases.exportCsv': SUPERVISOR,
  'reports.dashboard': SUPERVISOR,
  'reports.exportCsv': SUPERVISOR,
  'reports.setServiceLevel': SUPERVISOR,
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
  'auth.setAgentSignOut': SUPERVISOR,
  // Every window shows the desk's language, even before set-up (the display too); only a
  // supervisor changes it.
  'settings.language': ANYONE_AND_DISPLAY,
  'settings.setLanguage': SUPERVISOR,
  // Any window may report its own errors (rate-limited in main, see src/main/log/page-errors.ts).
  // The display reports its own page errors too.
  'log.pageError': ANYONE_AND_DISPLAY,
  'slips.get': ANYONE,
  'slips.print': ANYONE,
  'slips.savePdf': ANYONE,
  'counter.settings': ANYONE,
  'counter.setSettings': SUPERVISOR,
  // The one desk channel the display's own session may read (besides the language and log.pageError).
  'display.board': ANYONE_AND_DISPLAY,
  'demo.info': ANYONE,
  'demo.open': SUPERVISOR,
  // A desk's database decides who sees every case: a supervisor's choice only.
  'database.status': SUPERVISOR,
  'database.test': SUPERVISOR,
  'database.use': SUPERVISOR,
  'database.useLocal': SUPERVISOR,
  'database.move': SUPERVISOR,
};

/** The roles that may call `channel` (an agent perhaps only for themselves). */
export function channelRoles(channel: ChannelName): readonly Role[] {
  const access: readonly Role[] | { roles: readonly Role[] } = CHANNEL_ACCESS[channel];
  return 'roles' in access ? access.roles : access;
}

/** The channels that work before the supervisor passcode exists (first run). */
export const BEFORE_SETUP: readonly ChannelName[] = [
  'auth.status',
  'auth.setup',
  'settings.language',
  'log.pageError',
];

export interface SessionDto {
  role: Role;
  agentId: number | null;
  agentName: string | null;
  /**
   * When this session ends without input: an unlocked Admin locks itself, a signed-in agent is
   * signed out. Null at front desk.
   */
  expiresAt: string | null;
}

/** How the desk signs agents out on a shared counter PC (Admin sets it; main enforces it). */
export interface AgentSignOutPolicy {
  /** Minutes without input after which a signed-in agent is signed out. */
  idleMinutes: number;
  /** Also sign the agent out the moment they resolve a case. */
  afterResolve: boolean;
}

export interface AuthStatus {
  /** No supervisor passcode yet: the app asks for one before anything else. */
  setupRequired: boolean;
  session: SessionDto;
  agentSignOut: AgentSignOutPolicy;
}

export const SUPERVISOR_IDLE_MS = 10 * 60 * 1000;
/** A new desk signs an agent out after 2 minutes without input, and not after each resolve. */
export const DEFAULT_AGENT_SIGN_OUT: AgentSignOutPolicy = { idleMinutes: 2, afterResolve: false };
/** The idle time Admin may choose for agents, in whole minutes. */
export const AGENT_IDLE_MINUTES = { min: 1, max: 60 } as const;
/** Wrong tries in a row before a sign-in (the supervisor's, or one agent's) is locked. */
export const MAX_WRONG_TRIES = 5;
/** The first lock lasts 1 minute, the next 5, every later one 15 (until a right try or a quiet day). */
export const LOCKOUT_STEPS_MS = [60 * 1000, 5 * 60 * 1000, 15 * 60 * 1000] as const;
export const LOCKOUT_MS = LOCKOUT_STEPS_MS[0];
/** From this many wrong tries on, the refusal says how many are left. */
export const SHOW_TRIES_LEFT_AFTER = 3;
