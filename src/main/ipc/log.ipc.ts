import type { AreaHandlers } from './handler';

export const logHandlers = {
  // A read: it touches no table, and an error loop is not input from the person (no idle-lock reset).
  'log.pageError': {
    mode: 'read',
    activity: false,
    run: async (_desk, input, call) => ({ logged: call.pageErrors.report(call.session, input, call.now) }),
  },
} satisfies AreaHandlers<'log'>;
