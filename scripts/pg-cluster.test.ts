import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin, PostgresMissingError } from './pg-cluster';

describe('findPostgresBin', () => {
  it('says what to install when there is no PostgreSQL', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-pg-'));
    try {
      expect(() => findPostgresBin(empty)).toThrow(PostgresMissingError);
      expect(() => findPostgresBin(join(empty, 'missing'))).toThrow(/apt-get install postgresql/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
