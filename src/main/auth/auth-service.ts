import type { ParsedInput } from '../../shared/contract';
import type { AuthStatus } from '../../shared/access';
import type { AgentDto } from '../../shared/domain';
import { SETTING_KEYS } from '../db/repositories/setting-repository';
import { DomainError, conflict } from '../domain-error';
import { getAgent } from '../services/agent-service';
import type { Desk, Tx } from '../services/desk';
import type { CallContext } from './call-context';
import { hashSecret, verifySecret } from './secrets';

const SUPERVISOR_KEY = 'supervisor';

export function authStatus(desk: Desk, call: CallContext): AuthStatus {
  const { session, auth } = call;
  const agentName = session.agentId === null ? null : (desk.agents.find(session.agentId)?.name ?? null);
  return {
    setupRequired: !auth.passcodeSet,
    session: {
      role: session.role,
      agentId: session.agentId,
      agentName,
      expiresAt:
        session.role === 'supervisor'
          ? new Date(session.lastActivity + auth.supervisorIdleMs).toISOString()
          : null,
    },
  };
}

/** A supervisor who has been idle too long is back to front desk. */
export function expireIdleSupervisor(call: CallContext): void {
  const { session, auth, now } = call;
  if (session.role === 'supervisor' && now.getTime() - session.lastActivity >= auth.supervisorIdleMs) {
    session.becomeDesk();
  }
}

/** Checks a secret, counting wrong tries; refuses outright while locked out. */
function checkSecret(
  call: CallContext,
  key: string,
  secret: string,
  stored: string,
  field: string,
  label: string,
) {
  const now = call.now.getTime();
  const wait = call.auth.throttle.waitMs(key, now);
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new DomainError('FORBIDDEN', `Too many wrong tries. Try again in ${seconds} s.`, {
      [field]: `Locked for ${seconds} s after too many wrong tries`,
    });
  }
  if (!verifySecret(secret, stored)) {
    call.auth.throttle.fail(key, now);
    if (call.auth.throttle.waitMs(key, now) > 0)
      call.log.warn('sign-in locked after wrong tries', { who: key });
    throw new DomainError('FORBIDDEN', `Wrong ${label}`, { [field]: `Wrong ${label}` });
  }
  call.auth.throttle.succeed(key);
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
  checkSecret(call, SUPERVISOR_KEY, input.passcode, stored, 'passcode', 'passcode');
  startSupervisor(call);
  return authStatus(desk, call);
}

export function changePasscode(
  tx: Tx,
  input: ParsedInput<'auth.changePasscode'>,
  call: CallContext,
): AuthStatus {
  const stored = tx.settings.get(SETTING_KEYS.supervisorPasscode)!;
  checkSecret(call, SUPERVISOR_KEY, input.current, stored, 'current', 'passcode');
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
  checkSecret(call, `agent:${agent.id}`, input.pin, stored, 'pin', 'PIN');
  call.session.becomeDesk();
  call.session.role = 'agent';
  call.session.agentId = agent.id;
  return authStatus(desk, call);
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
  tx.changed.add('agents', agent.id);
  return getAgent(tx, agent.id);
}
