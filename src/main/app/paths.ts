import { join } from 'node:path';

/** `--demo` on the command line (`npm start -- --demo`): the demo desk (issue 15). */
export const isDemo = (argv: readonly string[]): boolean => argv.includes('--demo');

/**
 * Where the database lives: `--db=<file>` on the command line, else the
 * RETURNDESK_DB environment variable, else the app's userData folder. The demo desk
 * (`--demo`) is always its own file there, never the store's.
 */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  if (isDemo(argv)) return join(userData, 'returndesk-demo.sqlite');
  const flag = argv.find((arg) => arg.startsWith('--db='));
  if (flag && flag.length > '--db='.length) return flag.slice('--db='.length);
  if (env.RETURNDESK_DB) return env.RETURNDESK_DB;
  return join(userData, 'returndesk.sqlite');
}
