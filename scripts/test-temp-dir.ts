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
import { accessSync, constants, statSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';

const RAM_DIR = '/dev/shm';
/** Less free room than this (a container's 64 MB /dev/shm) and the tests stay on the disk. */
const ENOUGH_ROOM = 1024 ** 3;

function usable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    const { bavail, bsize } = statfsSync(dir);
    return statSync(dir).isDirectory() && bavail * bsize >= ENOUGH_ROOM;
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
