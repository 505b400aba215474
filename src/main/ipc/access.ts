import { BEFORE_SETUP, CHANNEL_ACCESS, ROLE_LABELS, channelRoles } from '../../shared/access';
import type { ChannelName, ParsedInput } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import type { CallContext } from '../auth/call-context';

const forbidden = (message: string): AppError => ({ code: 'FORBIDDEN', message });

/** May this session call this channel at all? Checked before the input is even parsed. */
export function checkRole(channel: ChannelName, call: CallContext): AppError | null {
  if (!call.auth.passcodeSet && !BEFORE_SETUP.includes(channel)) {
    return forbidden('Set the supervisor passcode first.');
  }
  const allowed = channelRoles(channel);
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
  const access = CHANNEL_ACCESS[channel];
  if (call.session.role !== 'agent' || !('actsAs' in access)) return null;
  return access.actsAs(input) === call.session.agentId
    ? null
    : forbidden('Agents can only act for themselves.');
}
