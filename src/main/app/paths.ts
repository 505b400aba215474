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

/**
 * The better-sqlite3 binary built for Electron's ABI. In development it is the
 * one `npm start` fetched into `.electron-native/`; packaged, electron-builder
 * copies it into resources. The Node build in node_modules is never used by Electron.
 */
export function electronNativeBinding(app: {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
}): string {
  return app.isPackaged
    ? join(app.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.appPath, '.electron-native', 'better_sqlite3.node');
}
