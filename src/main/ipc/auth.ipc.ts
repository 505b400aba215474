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
  'auth.status': { mode: 'read', activity: false, run: (repos, _input, call) => authStatus(repos, call) },
  'auth.setup': { mode: 'write', activity: true, run: setupPasscode },
  // Writes: a wrong try is counted (and a right one clears the count) on disk.
  'auth.unlock': { mode: 'write', activity: false, run: unlock },
  'auth.lock': { mode: 'read', activity: false, run: (repos, _input, call) => backToDesk(repos, call) },
  'auth.signIn': { mode: 'write', activity: false, run: signIn },
  'auth.signOut': { mode: 'read', activity: false, run: (repos, _input, call) => backToDesk(repos, call) },
  // Input from the person, though it reads: the answer says until when Admin (or the agent) stays in.
  'auth.touch': { mode: 'read', activity: true, run: (repos, _input, call) => authStatus(repos, call) },
  'auth.changePasscode': { mode: 'write', activity: true, run: changePasscode },
  'auth.setAgentSignOut': { mode: 'write', activity: true, run: setAgentSignOut },
} satisfies AreaHandlers<'auth'>;
