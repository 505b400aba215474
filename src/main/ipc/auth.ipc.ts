import { authStatus, backToDesk, changePasscode, setupPasscode, signIn, unlock } from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const authHandlers = {
  'auth.status': { mode: 'read', run: (repos, _input, call) => authStatus(repos, call) },
  'auth.setup': { mode: 'write', run: setupPasscode },
  'auth.unlock': { mode: 'read', run: unlock },
  'auth.lock': { mode: 'read', run: (repos, _input, call) => backToDesk(repos, call) },
  'auth.signIn': { mode: 'read', run: signIn },
  'auth.signOut': { mode: 'read', run: (repos, _input, call) => backToDesk(repos, call) },
  // The router records the activity; the answer says until when Admin stays open.
  'auth.touch': { mode: 'read', run: (repos, _input, call) => authStatus(repos, call) },
  'auth.changePasscode': { mode: 'write', run: changePasscode },
} satisfies AreaHandlers<'auth'>;
