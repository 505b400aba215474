// Where the unit and component tests put their SQLite files. Every test core is a real
// database file with `synchronous = FULL`: on a disk each commit waits for an fsync, and the
// suite creates hundreds of desks, so most of its time went to waiting for the disk. A
// RAM-backed folder (Linux's /dev/shm) runs the same SQL on the same kind of file without the
// wait. What the tests check does not depend on the disk: nothing in them pulls the power,
// and a killed process (the crash test) loses nothing that was written, on either.
//
// RETURNDESK_TEST_TMPDIR chooses the folder (`RETURNDESK_TEST_TMPDIR=$TMPDIR npm test` keeps
// the system's). The crash test keeps its files on the disk (RETURNDESK_DISK_TMPDIR): it
// kills children at random moments, some of them mid-fsync, and should go on doing so.
import { accessSync, constants, statSync } from 'node:fs';
import { tmpdir } from 'node:os';

const RAM_DIR = '/dev/shm';

function usable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The environment the test workers get: TMPDIR (os.tmpdir()) and the disk folder. */
export function testTempDirs(): Record<string, string> {
  const disk = tmpdir();
  const chosen = process.env.RETURNDESK_TEST_TMPDIR ?? (usable(RAM_DIR) ? RAM_DIR : disk);
  return { TMPDIR: chosen, RETURNDESK_DISK_TMPDIR: disk };
}
