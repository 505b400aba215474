import { confirmSupervisorPasscode } from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const backupHandlers = {
  'backup.now': { mode: 'backup', activity: true, run: (backups) => backups.now() },
  'backup.list': { mode: 'backup', activity: true, run: async (backups) => backups.list() },
  'backup.restore': {
    mode: 'backup',
    activity: true,
    run: async (backups, input, { desk, call }) => {
      // Asked again even in an unlocked Admin: a restore replaces the whole desk.
      // A write: a wrong passcode counts, a right one clears the count.
      await desk.write(call, (tx) => confirmSupervisorPasscode(tx, call, input.passcode));
      return backups.restore(input.name);
    },
  },
} satisfies AreaHandlers<'backup'>;
