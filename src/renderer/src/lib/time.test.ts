import { formatAgo, formatDuration } from './time';

const at = Date.parse('2026-03-02T09:00:00.000Z');
const minutes = (n: number) => n * 60_000;

describe('times as the desk reads them', () => {
  it('says how long, coarsely', () => {
    expect(formatDuration(minutes(0.5))).toBe('under 1 min');
    expect(formatDuration(minutes(12))).toBe('12 min');
    expect(formatDuration(minutes(65))).toBe('1 h 5 min');
    expect(formatDuration(minutes(120))).toBe('2 h');
    expect(formatDuration(minutes(60 * 26))).toBe('1 d 2 h');
    // A clock a little behind main never shows a negative wait.
    expect(formatDuration(-5000)).toBe('under 1 min');
  });

  it('says how long ago, then the date once it is old', () => {
    const iso = new Date(at).toISOString();
    expect(formatAgo(iso, at + 10_000)).toBe('just now');
    expect(formatAgo(iso, at - 10_000)).toBe('just now');
    expect(formatAgo(iso, at + minutes(3))).toBe('3 min ago');
    expect(formatAgo(iso, at + minutes(190))).toBe('3 h ago');
    expect(formatAgo(iso, at + minutes(60 * 50))).toBe('2 d ago');
    expect(formatAgo(iso, at + minutes(60 * 24 * 30))).toMatch(/2026/);
  });
});
