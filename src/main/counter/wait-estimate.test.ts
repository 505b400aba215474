import { describe, expect, it } from 'vitest';
import { formatWait } from '../../shared/counter';
import { CATALOGUES } from '../../shared/i18n/desk-messages';
import { createTranslator } from '../../shared/i18n/translator';
import { averageHandleMs, DEFAULT_HANDLE_MS, estimateWait } from './wait-estimate';

const MIN = 60_000;

describe('estimateWait', () => {
  it('says nothing when nobody is on duty, rather than a made-up number', () => {
    expect(estimateWait({ position: 1, agentsOnDuty: 0, averageHandleMs: 10 * MIN })).toBeNull();
    expect(estimateWait({ position: 0, agentsOnDuty: 2, averageHandleMs: 10 * MIN })).toBeNull();
  });

  it('gives a range in whole 5-minute steps, 15 past an hour', () => {
    for (let position = 1; position <= 40; position++) {
      for (const agents of [1, 2, 3, 5]) {
        const e = estimateWait({ position, agentsOnDuty: agents, averageHandleMs: 9.3 * MIN })!;
        expect(e.highMinutes).toBeGreaterThan(e.lowMinutes);
        expect(e.lowMinutes % (e.lowMinutes >= 60 ? 15 : 5)).toBe(0);
        expect(e.highMinutes % (e.highMinutes >= 60 ? 15 : 5)).toBe(0);
      }
    }
  });

  it('grows with the place in the queue and the handle time, and shrinks with more agents', () => {
    const at = (position: number, agents = 2, handle = 10) =>
      estimateWait({ position, agentsOnDuty: agents, averageHandleMs: handle * MIN })!;
    expect(at(1)).toEqual({ lowMinutes: 0, highMinutes: 5 });
    expect(at(4)).toEqual({ lowMinutes: 10, highMinutes: 25 });
    expect(at(8).lowMinutes).toBeGreaterThan(at(4).lowMinutes);
    expect(at(8, 4).highMinutes).toBeLessThan(at(8, 2).highMinutes);
    expect(at(4, 2, 20).highMinutes).toBeGreaterThan(at(4, 2, 10).highMinutes);
  });

  it('averages the recent handle times, or takes the default when there are none', () => {
    expect(averageHandleMs([])).toBe(DEFAULT_HANDLE_MS);
    expect(averageHandleMs([4 * MIN, 8 * MIN])).toBe(6 * MIN);
    expect(averageHandleMs([Number.NaN, -1])).toBe(DEFAULT_HANDLE_MS);
  });
});

describe('formatWait', () => {
  const { t } = createTranslator('en', CATALOGUES.en);
  const { t: ar } = createTranslator('ar', CATALOGUES.ar);

  it('writes a range, never one precise number', () => {
    expect(formatWait({ lowMinutes: 10, highMinutes: 15 }, t)).toBe('about 10–15 min');
    expect(formatWait({ lowMinutes: 0, highMinutes: 5 }, t)).toBe('under 5 min');
    expect(formatWait({ lowMinutes: 0, highMinutes: 10 }, t)).toBe('under 10 min');
    expect(formatWait({ lowMinutes: 45, highMinutes: 75 }, t)).toBe('about 45 min – 1 h 15 min');
    expect(formatWait({ lowMinutes: 60, highMinutes: 120 }, t)).toBe('about 1 h – 2 h');
    expect(formatWait(null, t)).toMatch(/no estimate/i);
  });

  it('writes it in the language on screen', () => {
    expect(formatWait({ lowMinutes: 45, highMinutes: 75 }, ar)).toBe('نحو 45 د – 1 س 15 د');
  });
});
