import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_MAX_BYTES, LOG_MAX_FILES } from './file-logger';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the log file', () => {
  it('is written under the folder given, one line per entry with its level, stacks included', () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-log-'));
    const log = createFileLogger({ dir: join(dir, 'logs') });
    log.info('desk opened', { cases: 3 });
    log.warn('restore refused', { kind: 'corrupt' });
    log.error('dispatch cases.create failed', new Error('boom'));
    const text = readFileSync(join(dir, 'logs', 'main.log'), 'utf8');
    expect(text).toMatch(/\[info\]\s+desk opened cases=3/);
    expect(text).toMatch(/\[warn\]\s+restore refused kind="corrupt"/);
    expect(text).toMatch(/\[error\]\s+dispatch cases\.create failed\nError: boom\n\s+at /);
  });

  it(`rotates at its size limit and keeps a fixed number of files (app: ${LOG_MAX_FILES} × ${LOG_MAX_BYTES / 1024 / 1024} MB)`, () => {
    dir = mkdtempSync(join(tmpdir(), 'rd-log-'));
    const log = createFileLogger({ dir, maxBytes: 2048, maxFiles: 3 });
    for (let i = 0; i < 400; i++)
      log.info(`entry ${String(i).padStart(4, '0')}`, { padding: 'x'.repeat(40) });
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of readdirSync(dir)) {
      // A file is rotated before the write that follows crossing the limit: at most one line over.
      expect(statSync(join(dir, name)).size, name).toBeLessThanOrEqual(2048 + 200);
    }
    // Newest in main.log, older ones shifted up; the oldest entries are gone.
    const current = readFileSync(join(dir, 'main.log'), 'utf8');
    const previous = readFileSync(join(dir, 'main.1.log'), 'utf8');
    const oldest = readFileSync(join(dir, 'main.2.log'), 'utf8');
    expect(current).toContain('entry 0399');
    const firstOf = (text: string) => Number(/entry (\d{4})/.exec(text)![1]);
    expect(firstOf(oldest)).toBeLessThan(firstOf(previous));
    expect(firstOf(previous)).toBeLessThan(firstOf(current));
    expect(oldest).not.toContain('entry 0000');
  });
});
