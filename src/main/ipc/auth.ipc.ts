import {
  authStatus,
  backToDesk,
  changePasscode,
  setAgentSignOut,
  setupPasscode,
  signIn,
  unlock,
} from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const authHandlers = {
  'auth.status': { mode: 'read', run: (desk, _input, call) => authStatus(desk, call) },
  'auth.setup': { mode: 'write', run: setupPasscode },
  'auth.unlock': { mode: 'read', run: unlock },
  'auth.lock': { mode: 'read', run: (desk, _input, call) => backToDesk(desk, call) },
  'auth.signIn': { mode: 'read', run: signIn },
  'auth.signOut': { mode: 'read', run: (desk, _input, call) => backToDesk(desk, call) },
  // The router records the activity; the answer says until when Admin (or the agent) stays in.
  'auth.touch': { mode: 'read', run: (desk, _input, call) => authStatus(desk, call) },
  'auth.changePasscode': { mode: 'write', run: changePasscode },
  'auth.setAgentSignOut': { mode: 'write', run: setAgentSignOut },
} satisfies AreaHandlers<'auth'>;
