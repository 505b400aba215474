import { BEFORE_SETUP, CHANNEL_ROLES, ROLE_LABELS } from '../../shared/access';
import type { ChannelName, ParsedInput } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import type { CallContext } from '../auth/call-context';

/** For an agent, the agent a call acts as: it must be themselves. */
const ACTS_AS_AGENT: { [C in ChannelName]?: (input: ParsedInput<C>) => number } = {
  'cases.resolve': (input) => input.agentId,
  'agents.setOnDuty': (input) => input.id,
};

const forbidden = (message: string): AppError => ({ code: 'FORBIDDEN', message });

/** May this session call this channel at all? Checked before the input is even parsed. */
export function checkRole(channel: ChannelName, call: CallContext): AppError | null {
  if (!call.auth.passcodeSet && !BEFORE_SETUP.includes(channel)) {
    return forbidden('Set the supervisor passcode first.');
  }
  const allowed = CHANNEL_ROLES[channel];
  if (allowed.includes(call.session.role)) return null;
  const needed = allowed.map((role) => ROLE_LABELS[role]).join(' or ');
  return forbidden(`This needs ${needed}.`);
}

/** May this session act on this particular input? (An agent acts only as themselves.) */
export function checkOwnership<C extends ChannelName>(
  channel: C,
  input: ParsedInput<C>,
  call: CallContext,
): AppError | null {
  const actsAs = ACTS_AS_AGENT[channel] as ((input: ParsedInput<C>) => number) | undefined;
  if (call.session.role !== 'agent' || !actsAs) return null;
  return actsAs(input) === call.session.agentId ? null : forbidden('Agents can only act for themselves.');
}
