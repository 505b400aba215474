// Which database the desk runs on (issue 16): Admin → Database, through the shell's port.
import type { AreaHandlers } from './handler';

export const databaseHandlers = {
  'database.status': {
    mode: 'shell',
    activity: false,
    run: async (_desk, _input, _call, ports) => ports.database.status(),
  },
  'database.test': {
    mode: 'shell',
    activity: true,
    run: (_desk, input, _call, ports) => ports.database.test(input),
  },
  'database.use': {
    mode: 'shell',
    activity: true,
    run: async (_desk, input, _call, ports) => ({ restarting: await ports.database.use(input) }),
  },
  'database.useLocal': {
    mode: 'shell',
    activity: true,
    run: async (_desk, _input, _call, ports) => ({ restarting: await ports.database.useLocal() }),
  },
  // The desk's writes wait while it is copied: the copy is the desk as of one moment, with
  // no intake half in it and none left behind.
  'database.move': {
    mode: 'shell',
    activity: true,
    run: (desk, input, call, ports) => desk.write(call, () => ports.database.move(input)),
  },
} satisfies AreaHandlers<'database'>;
