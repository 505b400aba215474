import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding, resolveDbPath } from './paths';

describe('resolveDbPath', () => {
  it('prefers --db=, then RETURNDESK_DB, then userData', () => {
    expect(
      resolveDbPath(['electron', '.', '--db=/data/a.sqlite'], { RETURNDESK_DB: '/b.sqlite' }, '/u'),
    ).toBe('/data/a.sqlite');
    expect(resolveDbPath(['electron', '.'], { RETURNDESK_DB: '/b.sqlite' }, '/u')).toBe('/b.sqlite');
    expect(resolveDbPath(['electron', '.', '--db='], {}, '/u')).toBe(join('/u', 'returndesk.sqlite'));
  });
});

describe('electronNativeBinding', () => {
  it('uses the fetched Electron build in development and the shipped one when packaged', () => {
    expect(electronNativeBinding({ isPackaged: false, appPath: '/src/rd', resourcesPath: '/x' })).toBe(
      join('/src/rd', '.electron-native', 'better_sqlite3.node'),
    );
    expect(
      electronNativeBinding({ isPackaged: true, appPath: '/x', resourcesPath: '/opt/rd/resources' }),
    ).toBe(join('/opt/rd/resources', 'native', 'better_sqlite3.node'));
  });
});
