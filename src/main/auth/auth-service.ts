import type { ParsedInput } from '../../shared/contract';
import {
  AGENT_IDLE_MINUTES,
  DEFAULT_AGENT_SIGN_OUT,
  type AgentSignOutPolicy,
  type AuthStatus,
} from '../../shared/access';
import type { AgentDto } from '../../shared/domain';
import type { MessageId, MessageValues } from '../../shared/i18n/translator';
import { SETTING_KEYS } from '../db/repositories/setting-repository';
import { DomainError, conflict } from '../domain-error';
import { getAgent } from '../services/agent-service';
import type { Repositories, Tx } from '../db/unit-of-work';
import type { CallContext } from './call-context';
import { hashSecret, verifySecret } from './secrets';
import { deskMessage as m, deskWait } from '../../shared/i18n/desk-messages';
import { afterWrongTry, fromRow, lockWaitMs, toRow, triesLeftToShow } from './sign-in-throttle';

const SUPERVISOR_KEY = 'supervisor';
const agentTarget = (id: number) => `agent:${id}`;

/**
 * The shared counter PC's rules, from the settings table. A value that is missing or not
 * one Admin could have saved (a hand-edited file) counts as the default.
 */
export function agentSignOutPolicy(repos: Repositories): AgentSignOutPolicy {
  const minutes = Number(repos.settings.get(SETTING_KEYS.agentIdleMinutes));
  const afterResolve = repos.settings.get(SETTING_KEYS.agentSignOutAfterResolve);
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
function idleLimitMs(repos: Repositories, call: CallContext): number | null {
  switch (call.session.role) {
    case 'supervisor':
      return call.auth.supervisorIdleMs;
    case 'agent':
      return agentSignOutPolicy(repos).idleMinutes * 60_000;
    default:
      return null;
  }
}

export function authStatus(repos: Repositories, call: CallContext): AuthStatus {
  const { session, auth } = call;
  const agentName = session.agentId === null ? null : (repos.agents.find(session.agentId)?.name ?? null);
  const limit = idleLimitMs(repos, call);
  return {
    setupRequired: !auth.passcodeSet,
    session: {
      role: session.role,
      agentId: session.agentId,
      agentName,
      expiresAt: limit === null ? null : new Date(session.lastActivity + limit).toISOString(),
    },
    agentSignOut: agentSignOutPolicy(repos),
  };
}

/** Whether this database has a supervisor passcode (first run until it has). */
export const hasSupervisorPasscode = (repos: Repositories): boolean =>
  repos.settings.supervisorPasscodeHash() !== undefined;

/**
 * Checks a secret, counting wrong tries on disk per sign-in target; refuses
 * outright (without checking) while that target is locked. A right secret
 * clears the count.
 */
export function checkSecret(
  repos: Repositories,
  call: CallContext,
  target: string,
  secret: string,
  stored: string,
  field: string,
  kind: 'passcode' | 'pin',
): void {
  const now = call.now.getTime();
  const row = repos.signIns.get(target);
  const state = row && fromRow(row);
  const wait = lockWaitMs(state, now);
  if (wait > 0) {
    throw new DomainError('FORBIDDEN', m('refusal.signInLocked', { wait: deskWait(wait) }), {
      [field]: m('refusal.signInLockedField', { wait: deskWait(wait) }),
    });
  }
  if (!verifySecret(secret, stored)) {
    const wrong = afterWrongTry(state, now);
    const left = triesLeftToShow(wrong);
    const error =
      wrong.lockedForMs !== null
        ? refused(field, 'refusal.wrongSecretLocked', 'refusal.wrongSecretLockedField', {
            secret: kind,
            wait: deskWait(wrong.lockedForMs),
          })
        : left !== null
          ? refused(field, 'refusal.wrongSecretTriesLeft', 'refusal.wrongSecretTriesLeftField', {
              secret: kind,
              left,
            })
          : refused(field, 'refusal.wrongSecret', 'refusal.wrongSecret', { secret: kind });
    if (wrong.lockedForMs !== null) call.log.warn('sign-in locked after wrong tries', { who: target });
    // Saved even when the refused call was a write that rolls back (changing the passcode).
    error.afterRefusal = () => repos.signIns.save(toRow(target, wrong.state));
    throw error;
  }
  if (row) repos.signIns.clear(target);
}

/** A wrong secret: the sentence, and the field's own wording of it. */
function refused(
  field: string,
  message: MessageId,
  fieldMessage: MessageId,
  values: MessageValues,
): DomainError {
  return new DomainError('FORBIDDEN', m(message, values), { [field]: m(fieldMessage, values) });
}

function startSupervisor(call: CallContext): void {
  call.session.becomeDesk();
  call.session.role = 'supervisor';
  call.session.lastActivity = call.now.getTime();
}

export function setupPasscode(tx: Tx, input: ParsedInput<'auth.setup'>, call: CallContext): AuthStatus {
  if (call.auth.passcodeSet || hasSupervisorPasscode(tx)) {
    throw conflict(m('refusal.passcodeAlreadySet'));
  }
  tx.settings.setSupervisorPasscodeHash(hashSecret(input.passcode), tx.now);
  // The window is unlocked only once the passcode is committed: a failed commit leaves it as it was.
  tx.afterCommit(() => {
    call.auth.passcodeSet = true;
    startSupervisor(call);
  });
  return {
    setupRequired: false,
    session: {
      role: 'supervisor',
      agentId: null,
      agentName: null,
      expiresAt: new Date(call.now.getTime() + call.auth.supervisorIdleMs).toISOString(),
    },
    agentSignOut: agentSignOutPolicy(tx),
  };
}

export function unlock(
  repos: Repositories,
  input: ParsedInput<'auth.unlock'>,
  call: CallContext,
): AuthStatus {
  const stored = repos.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  checkSecret(repos, call, SUPERVISOR_KEY, input.passcode, stored, 'passcode', 'passcode');
  startSupervisor(call);
  return authStatus(repos, call);
}

/**
 * The supervisor proves it again before something that cannot be undone
 * lightly (a restore), even in an unlocked Admin. Wrong tries count as at unlock.
 */
export function confirmSupervisorPasscode(repos: Repositories, call: CallContext, passcode: string): void {
  const stored = repos.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  checkSecret(repos, call, SUPERVISOR_KEY, passcode, stored, 'passcode', 'passcode');
}

export function changePasscode(
  tx: Tx,
  input: ParsedInput<'auth.changePasscode'>,
  call: CallContext,
): AuthStatus {
  const stored = tx.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  checkSecret(tx, call, SUPERVISOR_KEY, input.current, stored, 'current', 'passcode');
  tx.settings.setSupervisorPasscodeHash(hashSecret(input.passcode), tx.now);
  return authStatus(tx, call);
}

export function signIn(
  repos: Repositories,
  input: ParsedInput<'auth.signIn'>,
  call: CallContext,
): AuthStatus {
  const agent = getAgent(repos, input.agentId);
  if (agent.removedAt) throw conflict(m('refusal.agentRemoved', { name: agent.name }));
  const stored = repos.agents.pinHash(agent.id);
  if (!stored) {
    throw new DomainError('FORBIDDEN', m('refusal.noPin', { name: agent.name }), {
      pin: m('refusal.noPinField'),
    });
  }
  checkSecret(repos, call, agentTarget(agent.id), input.pin, stored, 'pin', 'pin');
  call.session.becomeDesk();
  call.session.role = 'agent';
  call.session.agentId = agent.id;
  call.session.lastActivity = call.now.getTime();
  return authStatus(repos, call);
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
 * (A supervisor resolving for an agent stays in Admin.) Only once the resolve commits.
 */
export function signOutAfterResolve(tx: Tx, call: CallContext): boolean {
  if (call.session.role !== 'agent' || !agentSignOutPolicy(tx).afterResolve) return false;
  tx.afterCommit(() => call.session.becomeDesk());
  return true;
}

/** Lock (supervisor) and sign out (agent) both leave the window at front desk. */
export function backToDesk(repos: Repositories, call: CallContext): AuthStatus {
  call.session.becomeDesk();
  return authStatus(repos, call);
}

export function setPin(tx: Tx, input: ParsedInput<'agents.setPin'>): AgentDto {
  const agent = getAgent(tx, input.id);
  if (agent.removedAt) throw conflict(m('refusal.agentRemoved', { name: agent.name }));
  tx.agents.setPinHash(agent.id, hashSecret(input.pin), tx.now);
  // A new PIN from the supervisor ends any lock on the old one.
  tx.signIns.clear(agentTarget(agent.id));
  tx.changed.add('agents', agent.id);
  return getAgent(tx, agent.id);
}
