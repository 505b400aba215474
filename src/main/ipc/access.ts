import { BEFORE_SETUP, CHANNEL_ACCESS, channelRoles, type Role } from '../../shared/access';
import type { ChannelName, ParsedInput } from '../../shared/contract';
import { deskMessage as m, deskOr } from '../../shared/i18n/desk-messages';
import type { MessageId } from '../../shared/i18n/translator';
import type { AppError } from '../../shared/result';
import type { CallContext } from '../auth/call-context';

const forbidden = (message: string): AppError => ({ code: 'FORBIDDEN', message });

/** Who a channel needs, as the refusal names them ("a signed-in agent or a supervisor"). */
const ROLE_MESSAGE = {
  desk: 'role.desk',
  agent: 'role.agent',
  supervisor: 'role.supervisor',
  display: 'role.display',
} as const satisfies Record<Role, MessageId>;

/** May this session call this channel at all? Checked before the input is even parsed. */
export function checkRole(channel: ChannelName, call: CallContext): AppError | null {
  if (!call.auth.passcodeSet && !BEFORE_SETUP.includes(channel)) {
    return forbidden(m('refusal.setUpFirst'));
  }
  const allowed = channelRoles(channel);
  if (allowed.includes(call.session.role)) return null;
  return forbidden(m('refusal.needsRole', { roles: deskOr(allowed.map((role) => m(ROLE_MESSAGE[role]))) }));
}

/** May this session act on this particular input? (An agent acts only as themselves.) */
export function checkOwnership<C extends ChannelName>(
  channel: C,
  input: ParsedInput<C>,
  call: CallContext,
): AppError | null {
  const access = CHANNEL_ACCESS[channel];
  if (call.session.role !== 'agent' || !('actsAs' in access)) return null;
  return access.actsAs(input) === call.session.agentId ? null : forbidden(m('refusal.actAsSelf'));
}
