import type { AreaHandlers } from './handler';

export const backupHandlers = {
  'backup.now': { mode: 'backup', run: (backups) => backups.now() },
  'backup.list': { mode: 'backup', run: async (backups) => backups.list() },
  'backup.restore': { mode: 'backup', run: (backups, input) => backups.restore(input.name) },
} satisfies AreaHandlers<'backup'>;
