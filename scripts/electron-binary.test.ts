import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryProblem as check } from './electron-binary.mjs';

describe('the Electron binary preflight', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function electronPackage(): string {
    dir = mkdtempSync(join(tmpdir(), 'rd-electron-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '45.5.0' }));
    return dir;
  }

  it('names the missing binary and the one command that fetches it', () => {
    const problem = check(electronPackage(), {});
    expect(problem).toContain('The Electron 45.5.0 binary has not been downloaded');
    expect(problem).toContain('npx install-electron');
  });

  it('is satisfied once Electron has fetched its binary', () => {
    const pkg = electronPackage();
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(check(pkg, {})).toBeNull();
  });

  it('still refuses when path.txt names a binary that is gone', () => {
    const pkg = electronPackage();
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(check(pkg, {})).toContain('npx install-electron');
  });

  it('honours ELECTRON_EXEC_PATH, as electron-vite does', () => {
    const pkg = electronPackage();
    expect(check(pkg, { ELECTRON_EXEC_PATH: join(pkg, 'package.json') })).toBeNull();
    expect(check(pkg, { ELECTRON_EXEC_PATH: join(pkg, 'nope') })).toContain('does not exist');
  });
});
