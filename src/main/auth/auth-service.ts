import type { ParsedInput } from '../../shared/contract';
import {
  AGENT_IDLE_MINUTES,
  DEFAULT_AGENT_SIGN_OUT,
  type AgentSignOutPolicy,
  type AuthStatus,
} from '../../shared/access';
import type { AgentDto } from '../../shared/domain';
import { SETTING_KEYS } from '../db/repositories/setting-repository';
import { DomainError, conflict } from '../domain-error';
import { getAgent } from '../services/agent-service';
import type { Desk, Tx } from '../services/desk';
import type { CallContext } from './call-context';
import { hashSecret, verifySecret } from './secrets';
import { afterWrongTry, formatWait, fromRow, lockWaitMs, toRow, triesLeftNote } from './sign-in-throttle';

const SUPERVISOR_KEY = 'supervisor';
const agentTarget = (id: number) => `agent:${id}`;

/**
 * The shared counter PC's rules, from the settings table. A value that is missing or not
 * one Admin could have saved (a hand-edited file) counts as the default.
 */
export function agentSignOutPolicy(desk: Desk): AgentSignOutPolicy {
  const minutes = Number(desk.settings.get(SETTING_KEYS.agentIdleMinutes));
  const afterResolve = desk.settings.get(SETTING_KEYS.agentSignOutAfterResolve);
  return {
    idleMinutes:
      Number.isInteger(minutes) && minutes >= AGENT_IDLE_MINUTES.min && minutes <= AGENT_IDLE_MINUTES.max
        ? minutes
        : DEFAULT_AGENT_SIGN_OUT.idleMinutes,
    afterResolve:
      afterResolve === 'true' ? true : afterResolve === 'false' ? false : DEFAULT_AGENT_SIGN_OUT.afterResolve,
  };
}

/** How long this session stays open without input; null when it never ends on its own (front desk). */
function idleLimitMs(desk: Desk, call: CallContext): number | null {
  switch (call.session.role) {
    case 'supervisor':
      return call.auth.supervisorIdleMs;
    case 'agent':
      return agentSignOutPolicy(desk).idleMinutes * 60_000;
    default:
      return null;
  }
}

export function authStatus(desk: Desk, call: CallContext): AuthStatus {
  const { session, auth } = call;
  const agentName = session.agentId === null ? null : (desk.agents.find(session.agentId)?.name ?? null);
  const limit = idleLimitMs(desk, call);
  return {
    setupRequired: !auth.passcodeSet,
    session: {
      role: session.role,
      agentId: session.agentId,
      agentName,
      expiresAt: limit === null ? null : new Date(session.lastActivity + limit).toISOString(),
    },
    agentSignOut: agentSignOutPolicy(desk),
  };
}

/**
 * Idle too long, back to front desk: an unlocked Admin locks itself, a signed-in agent is
 * signed out (the shared counter PC: the next person must not act as them). Input is what
 * the router records as activity: writes and `auth.touch`, never reads.
 */
export function expireIdleSession(desk: Desk, call: CallContext): void {
  const limit = idleLimitMs(desk, call);
  if (limit !== null && call.now.getTime() - call.session.lastActivity >= limit) {
    call.session.becomeDesk();
  }
}

/**
 * Checks a secret, counting wrong tries on disk per sign-in target; refuses
 * outright (without checking) while that target is locked. A right secret
 * clears the count.
 */
export function checkSecret(
  desk: Desk,
  call: CallContext,
  target: string,
  secret: string,
  stored: string,
  field: string,
  label: string,
): void {
  const now = call.now.getTime();
  const row = desk.signIns.get(target);
  const state = row && fromRow(row);
  const wait = lockWaitMs(state, now);
  if (wait > 0) {
    throw new DomainError('FORBIDDEN', `Too many wrong tries. Try again in ${formatWait(wait)}.`, {
      [field]: `Locked for ${formatWait(wait)} after too many wrong tries`,
    });
  }
  if (!verifySecret(secret, stored)) {
    const wrong = afterWrongTry(state, now);
    const note =
      wrong.lockedForMs !== null
        ? `Locked for ${formatWait(wrong.lockedForMs)} after too many wrong tries`
        : triesLeftNote(wrong);
    const error = new DomainError('FORBIDDEN', note ? `Wrong ${label}. ${note}.` : `Wrong ${label}`, {
      [field]: note ? `Wrong ${label}: ${note.charAt(0).toLowerCase()}${note.slice(1)}` : `Wrong ${label}`,
    });
    if (wrong.lockedForMs !== null) call.log.warn('sign-in locked after wrong tries', { who: target });
    // Saved even when the refused call was a write that rolls back (changing the passcode).
    error.afterRefusal = () => desk.signIns.save(toRow(target, wrong.state));
    throw error;
  }
  if (row) desk.signIns.clear(target);
}

function startSupervisor(call: CallContext): void {
  call.session.becomeDesk();
  call.session.role = 'supervisor';
  call.session.lastActivity = call.now.getTime();
}

export function setupPasscode(tx: Tx, input: ParsedInput<'auth.setup'>, call: CallContext): AuthStatus {
  if (call.auth.passcodeSet || tx.settings.get(SETTING_KEYS.supervisorPasscode)) {
    throw conflict('A supervisor passcode is already set');
  }
  tx.settings.set(SETTING_KEYS.supervisorPasscode, hashSecret(input.passcode), tx.now);
  call.auth.passcodeSet = true;
  startSupervisor(call);
  return authStatus(tx, call);
}

export function unlock(desk: Desk, input: ParsedInput<'auth.unlock'>, call: CallContext): AuthStatus {
  const stored = desk.settings.get(SETTING_KEYS.supervisorPasscode);
  if (!stored) throw conflict('No supervisor passcode is set yet');
  checkSecret(desk, call, SUPERVISOR_KEY, input.passcode, stored, 'passcode', 'passcode');
  startSupervisor(call);
  return authStatus(desk, call);
}

/**
 * The supervisor proves it again before something that cannot be undone
 * lightly (a restore), even in an unlocked Admin. Wrong tries count as at unlock.
 */
export function confirmSupervisorPasscode(desk: Desk, call: CallContext, passcode: string): void {
  const stored = desk.settings.get(SETTING_KEYS.supervisorPasscode);
  if (!stored) throw conflict('No supervisor passcode is set yet');
  checkSecret(desk, call, SUPERVISOR_KEY, passcode, stored, 'passcode', 'passcode');
}

export function changePasscode(
  tx: Tx,
  input: ParsedInput<'auth.changePasscode'>,
  call: CallContext,
): AuthStatus {
  const stored = tx.settings.get(SETTING_KEYS.supervisorPasscode)!;
  checkSecret(tx, call, SUPERVISOR_KEY, input.current, stored, 'current', 'passcode');
  tx.settings.set(SETTING_KEYS.supervisorPasscode, hashSecret(input.passcode), tx.now);
  return authStatus(tx, call);
}

export function signIn(desk: Desk, input: ParsedInput<'auth.signIn'>, call: CallContext): AuthStatus {
  const agent = getAgent(desk, input.agentId);
  if (agent.removedAt) throw conflict(`${agent.name} has been removed`);
  const stored = desk.agents.pinHash(agent.id);
  if (!stored) {
    throw new DomainError('FORBIDDEN', `${agent.name} has no PIN yet. A supervisor sets it in Admin.`, {
      pin: 'No PIN set yet',
    });
  }
  checkSecret(desk, call, agentTarget(agent.id), input.pin, stored, 'pin', 'PIN');
  call.session.becomeDesk();
  call.session.role = 'agent';
  call.session.agentId = agent.id;
  call.session.lastActivity = call.now.getTime();
  return authStatus(desk, call);
}

/** Admin chooses when agents are signed out on the shared counter PC. */
export function setAgentSignOut(
  tx: Tx,
  input: ParsedInput<'auth.setAgentSignOut'>,
  call: CallContext,
): AuthStatus {
  if (input.idleMinutes !== undefined) {
    tx.settings.set(SETTING_KEYS.agentIdleMinutes, String(input.idleMinutes), tx.now);
  }
  if (input.afterResolve !== undefined) {
    tx.settings.set(SETTING_KEYS.agentSignOutAfterResolve, String(input.afterResolve), tx.now);
  }
  return authStatus(tx, call);
}

/**
 * After an agent resolved their case: when the desk asks for it, the window goes back to
 * front desk so the next person at the counter cannot act as them. Says whether it did.
 * (A supervisor resolving for an agent stays in Admin.)
 */
export function signOutAfterResolve(desk: Desk, call: CallContext): boolean {
  if (call.session.role !== 'agent' || !agentSignOutPolicy(desk).afterResolve) return false;
  call.session.becomeDesk();
  return true;
}

/** Lock (supervisor) and sign out (agent) both leave the window at front desk. */
export function backToDesk(desk: Desk, call: CallContext): AuthStatus {
  call.session.becomeDesk();
  return authStatus(desk, call);
}

export function setPin(tx: Tx, input: ParsedInput<'agents.setPin'>): AgentDto {
  const agent = getAgent(tx, input.id);
  if (agent.removedAt) throw conflict(`${agent.name} has been removed`);
  tx.agents.setPinHash(agent.id, hashSecret(input.pin), tx.now);
  // A new PIN from the supervisor ends any lock on the old one.
  tx.signIns.clear(agentTarget(agent.id));
  tx.changed.add('agents', agent.id);
  return getAgent(tx, agent.id);
}
