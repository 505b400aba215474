// The desk's log file: electron-log's file transport (its Node entry), pointed at
// `<userData>/logs/main.log` and rotated by size and count. The Node entry is used
// in the app too, on purpose: electron-log's `main` entry also listens on its own
// IPC channel (`__ELECTRON_LOG__`), which would let the page write to the log past
// the contract, the sender check and the rate limit. Page errors reach this log
// only through the `log.pageError` channel.
import { renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import electronLog from 'electron-log/node';
import { errorCode } from '../error-code';
import { formatEntry, type Logger } from './logger';

/** 5 files of at most 5 MB: about 25 MB of history, a few months of a busy desk. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_MAX_FILES = 5;
export const LOG_FILE_NAME = 'main.log';

export interface FileLoggerOptions {
  /** The folder (`<userData>/logs`); created on first write. */
  dir: string;
  /** Rotate when the current file exceeds this many bytes (default 5 MB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 5). */
  maxFiles?: number;
  /** Also print entries at or above this level to the console (default: none). */
  consoleLevel?: 'error' | 'warn' | 'info' | false;
}

export interface FileLogger extends Logger {
  /** The file being written now. */
  readonly file: string;
  readonly dir: string;
}

/** `main.log` → `main.1.log` → … → `main.<maxFiles-1>.log`, the oldest dropped. */
export function rotateLogFiles(current: string, maxFiles: number): void {
  const { dir, name, ext } = parse(current);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(maxFiles - 1), { force: true });
  for (let n = maxFiles - 2; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  if (maxFiles > 1) renameSync(current, numbered(1));
  else rmSync(current, { force: true });
}

let instances = 0;

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = join(options.dir, LOG_FILE_NAME);
  const maxFiles = Math.max(1, options.maxFiles ?? LOG_MAX_FILES);
  const log = electronLog.create({ logId: `returndesk-${++instances}` });
  log.transports.file.setAppName('ReturnDesk');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.level = 'info';
  log.transports.file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (old) => rotateLogFiles(old.path, maxFiles);
  log.transports.console.level = options.consoleLevel ?? false;
  // Off: no remote upload, no IPC (this is main), no error catching behind our back.
  for (const name of ['remote', 'ipc'] as const) {
    const transport = log.transports[name];
    if (transport) transport.level = false;
  }
  return {
    file,
    dir: options.dir,
    error: (message, detail) => log.error(formatEntry(message, detail)),
    warn: (message, fields) => log.warn(formatEntry(message, fields)),
    info: (message, fields) => log.info(formatEntry(message, fields)),
  };
}
