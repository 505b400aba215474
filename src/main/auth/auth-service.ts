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
export async function agentSignOutPolicy(repos: Repositories): Promise<AgentSignOutPolicy> {
  const minutes = Number(await repos.settings.get(SETTING_KEYS.agentIdleMinutes));
  const afterResolve = await repos.settings.get(SETTING_KEYS.agentSignOutAfterResolve);
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
async function idleLimitMs(repos: Repositories, call: CallContext): Promise<number | null> {
  switch (call.session.role) {
    case 'supervisor':
      return call.auth.supervisorIdleMs;
    case 'agent':
      return (await agentSignOutPolicy(repos)).idleMinutes * 60_000;
    default:
      return null;
  }
}

export async function authStatus(repos: Repositories, call: CallContext): Promise<AuthStatus> {
  const { session, auth } = call;
  const agentName =
    session.agentId === null ? null : ((await repos.agents.find(session.agentId))?.name ?? null);
  const limit = await idleLimitMs(repos, call);
  return {
    setupRequired: !auth.passcodeSet,
    session: {
      role: session.role,
      agentId: session.agentId,
      agentName,
      expiresAt: limit === null ? null : new Date(session.lastActivity + limit).toISOString(),
    },
    agentSignOut: await agentSignOutPolicy(repos),
  };
}

/** Whether this database has a supervisor passcode (first run until it has). */
export const hasSupervisorPasscode = async (repos: Repositories): Promise<boolean> =>
  (await repos.settings.supervisorPasscodeHash()) !== undefined;

/**
 * Checks a secret, counting wrong tries on disk per sign-in target; refuses
 * outright (without checking) while that target is locked. A right secret
 * clears the count.
 */
export async function checkSecret(
  repos: Repositories,
  call: CallContext,
  target: string,
  secret: string,
  stored: string,
  field: string,
  kind: 'passcode' | 'pin',
): Promise<void> {
  const now = call.now.getTime();
  const row = await repos.signIns.get(target);
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
    error.afterRefusal = (desk) => desk.signIns.save(toRow(target, wrong.state));
    throw error;
  }
  if (row) await repos.signIns.clear(target);
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

export async function setupPasscode(
  tx: Tx,
  input: ParsedInput<'auth.setup'>,
  call: CallContext,
): Promise<AuthStatus> {
  if (call.auth.passcodeSet || (await hasSupervisorPasscode(tx))) {
    throw conflict(m('refusal.passcodeAlreadySet'));
  }
  await tx.settings.setSupervisorPasscodeHash(hashSecret(input.passcode), tx.now);
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
    agentSignOut: await agentSignOutPolicy(tx),
  };
}

export async function unlock(
  repos: Repositories,
  input: ParsedInput<'auth.unlock'>,
  call: CallContext,
): Promise<AuthStatus> {
  const stored = await repos.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  await checkSecret(repos, call, SUPERVISOR_KEY, input.passcode, stored, 'passcode', 'passcode');
  startSupervisor(call);
  return authStatus(repos, call);
}

/**
 * The supervisor proves it again before something that cannot be undone
 * lightly (a restore), even in an unlocked Admin. Wrong tries count as at unlock.
 */
export async function confirmSupervisorPasscode(
  repos: Repositories,
  call: CallContext,
  passcode: string,
): Promise<void> {
  const stored = await repos.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  await checkSecret(repos, call, SUPERVISOR_KEY, passcode, stored, 'passcode', 'passcode');
}

export async function changePasscode(
  tx: Tx,
  input: ParsedInput<'auth.changePasscode'>,
  call: CallContext,
): Promise<AuthStatus> {
  const stored = await tx.settings.supervisorPasscodeHash();
  if (!stored) throw conflict(m('refusal.noPasscodeYet'));
  await checkSecret(tx, call, SUPERVISOR_KEY, input.current, stored, 'current', 'passcode');
  await tx.settings.setSupervisorPasscodeHash(hashSecret(input.passcode), tx.now);
  return authStatus(tx, call);
}

export async function signIn(
  repos: Repositories,
  input: ParsedInput<'auth.signIn'>,
  call: CallContext,
): Promise<AuthStatus> {
  const agent = await getAgent(repos, input.agentId);
  if (agent.removedAt) throw conflict(m('refusal.agentRemoved', { name: agent.name }));
  const stored = await repos.agents.pinHash(agent.id);
  if (!stored) {
    throw new DomainError('FORBIDDEN', m('refusal.noPin', { name: agent.name }), {
      pin: m('refusal.noPinField'),
    });
  }
  await checkSecret(repos, call, agentTarget(agent.id), input.pin, stored, 'pin', 'pin');
  call.session.becomeDesk();
  call.session.role = 'agent';
  call.session.agentId = agent.id;
  call.session.lastActivity = call.now.getTime();
  return authStatus(repos, call);
}

/** Admin chooses when agents are signed out on the shared counter PC. */
export async function setAgentSignOut(
  tx: Tx,
  input: ParsedInput<'auth.setAgentSignOut'>,
  call: CallContext,
): Promise<AuthStatus> {
  if (input.idleMinutes !== undefined) {
    await tx.settings.set(SETTING_KEYS.agentIdleMinutes, String(input.idleMinutes), tx.now);
  }
  if (input.afterResolve !== undefined) {
    await tx.settings.set(SETTING_KEYS.agentSignOutAfterResolve, String(input.afterResolve), tx.now);
  }
  return authStatus(tx, call);
}

/**
 * After an agent resolved their case: when the desk asks for it, the window goes back to
 * front desk so the next person at the counter cannot act as them. Says whether it did.
 * (A supervisor resolving for an agent stays in Admin.) Only once the resolve commits.
 */
export async function signOutAfterResolve(tx: Tx, call: CallContext): Promise<boolean> {
  if (call.session.role !== 'agent' || !(await agentSignOutPolicy(tx)).afterResolve) return false;
  tx.afterCommit(() => call.session.becomeDesk());
  return true;
}

/** Lock (supervisor) and sign out (agent) both leave the window at front desk. */
export async function backToDesk(repos: Repositories, call: CallContext): Promise<AuthStatus> {
  call.session.becomeDesk();
  return await authStatus(repos, call);
}

export async function setPin(tx: Tx, input: ParsedInput<'agents.setPin'>): Promise<AgentDto> {
  const agent = await getAgent(tx, input.id);
  if (agent.removedAt) throw conflict(m('refusal.agentRemoved', { name: agent.name }));
  await tx.agents.setPinHash(agent.id, hashSecret(input.pin), tx.now);
  // A new PIN from the supervisor ends any lock on the old one.
  await tx.signIns.clear(agentTarget(agent.id));
  tx.changed.add('agents', agent.id);
  return getAgent(tx, agent.id);
}
