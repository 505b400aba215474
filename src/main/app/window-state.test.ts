import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, parseWindowState } from './window-state';

describe('parseWindowState', () => {
  it('restores remembered bounds', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1400,"height":900,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it.each([null, '', 'not json', '{"width":100,"height":100}', '{"width":"big","height":900}', '[]'])(
    'falls back to the default for %j',
    (text) => {
      expect(parseWindowState(text)).toEqual(DEFAULT_BOUNDS);
    },
  );

  it('drops a position that is off any sensible screen but keeps the size', () => {
    expect(parseWindowState('{"x":1e9,"y":5,"width":1300,"height":800}')).toEqual({
      width: 1300,
      height: 800,
      maximized: false,
    });
  });
});
