import { join } from 'node:path';

/**
 * Where the database lives: `--db=<file>` on the command line, else the
 * RETURNDESK_DB environment variable, else the app's userData folder.
 */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = argv.find((arg) => arg.startsWith('--db='));
  if (flag && flag.length > '--db='.length) return flag.slice('--db='.length);
  if (env.RETURNDESK_DB) return env.RETURNDESK_DB;
  return join(userData, 'returndesk.sqlite');
}
