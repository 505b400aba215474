// The whole-file check after a clean shutdown, run after the window shows and off
// the main thread: a worker thread with its own read-only connection, so the desk
// answers while SQLite reads the whole file.
import { Worker } from 'node:worker_threads';
import type { DatabaseFileReport } from './database-file';
import { deskMessage as m } from '../../shared/i18n/desk-messages';

// Plain CommonJS evaluated in the worker: no build step of its own, and the same
// native driver the main thread loaded (passed by its resolved path).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let answer;
try {
  db = new Database(workerData.path, { readonly: workerData.readonly, fileMustExist: true });
  answer = { problems: db.pragma('quick_check(5)').map((row) => row.quick_check) };
} catch (error) {
  answer = { code: error && error.code, message: String((error && error.message) || error) };
} finally {
  // Closed before answering: the caller may open the file (or look at its folder) at once.
  if (db) db.close();
}
parentPort.postMessage(answer);
`;

type WorkerAnswer = { problems: string[] } | { code?: string; message: string };

const CORRUPT_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX']);

export interface BackgroundCheck {
  /** The outcome: 'ok', 'corrupt' or 'unreadable', as the check at open would say it. */
  result: Promise<DatabaseFileReport>;
  /** Stops the worker (the desk is closing); `result` then resolves, never as a problem to report. */
  stop(): Promise<void>;
}

/**
 * Starts SQLite's `quick_check` of the file in a worker thread. Never rejects.
 * `driver` is the better-sqlite3 module the worker loads (tests name one that cannot load).
 */
export function startBackgroundCheck(
  path: string,
  driver = require.resolve('better-sqlite3'),
  options: { readonly?: boolean } = {},
): BackgroundCheck {
  // Read-only while the desk has the file open. The check at open (nothing else has it open)
  // connects as the main-thread check did, so closing removes the -wal and -shm it made.
  const readonly = options.readonly ?? true;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, readonly } });
  const report = (kind: DatabaseFileReport['kind'], message: string): DatabaseFileReport => ({
    kind,
    message,
    fullCheck: true,
  });
  let stopped = false;
  const result = new Promise<DatabaseFileReport>((done) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if ('problems' in answer) {
        done(
          answer.problems[0] === 'ok'
            ? report('ok', m('dbFile.healthy', { path }))
            : report('corrupt', m('dbFile.damaged', { path, reason: answer.problems.join('; ') })),
        );
      } else if (answer.code && CORRUPT_CODES.has(answer.code)) {
        done(report('corrupt', m('dbFile.damaged', { path, reason: answer.message.replace(/\.$/, '') })));
      } else {
        done(
          report(
            'unreadable',
            m('dbFile.cannotAccess', { access: 'read', path, reason: answer.message.replace(/\.$/, '') }),
          ),
        );
      }
    });
    // The worker itself failed (it could not start or load the driver): the file was not checked.
    worker.once('error', (error) =>
      done({
        ...report('unreadable', m('dbFile.checkFailed', { path, reason: String(error) })),
        fullCheck: false,
      }),
    );
    worker.once('exit', () =>
      done(
        stopped
          ? report('unreadable', m('dbFile.checkStopped', { path }))
          : { ...report('unreadable', m('dbFile.checkNoAnswer', { path })), fullCheck: false },
      ),
    );
  });
  return {
    result,
    async stop() {
      stopped = true;
      await worker.terminate();
    },
  };
}
