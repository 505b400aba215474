import { formatCount, formatSize, pageRange } from './format';

describe('formatCount', () => {
  it('groups thousands so a big total reads at a glance', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1050)).toBe('1,050');
    expect(formatCount(100_000)).toBe('100,000');
  });
});

describe('formatSize', () => {
  it('shows KB below a megabyte and never rounds a small file down to nothing', () => {
    expect(formatSize(0)).toBe('0 KB');
    expect(formatSize(200)).toBe('1 KB');
    expect(formatSize(48 * 1024)).toBe('48 KB');
    expect(formatSize(1023 * 1024)).toBe('1,023 KB');
  });

  it('shows MB with one decimal from a megabyte up', () => {
    expect(formatSize(1024 * 1024)).toBe('1 MB');
    expect(formatSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(formatSize(1536 * 1024 * 1024)).toBe('1,536 MB');
  });
});

describe('pageRange', () => {
  it('says which rows of how many, with big totals grouped', () => {
    expect(pageRange(0, 50, 100_000)).toBe('1–50 of 100,000');
    expect(pageRange(99_950, 50, 100_000)).toBe('99,951–100,000 of 100,000');
    expect(pageRange(0, 0, 0)).toBe('0 of 0');
    // A total counted up to a cap: at least that many.
    expect(pageRange(50, 50, 1000, true)).toBe('51–100 of 1,000+');
    expect(pageRange(0, 50, 1000, false)).toBe('1–50 of 1,000');
  });
});
