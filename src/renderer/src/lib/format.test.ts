import ar from '../../../shared/i18n/messages/ar.json';
import en from '../../../shared/i18n/messages/en.json';
import es from '../../../shared/i18n/messages/es.json';
import { createTranslator } from '../../../shared/i18n/translator';
import { createNumberFormats } from './format';

const english = createNumberFormats(createTranslator('en', en));
const spanish = createNumberFormats(createTranslator('es', es));
const arabic = createNumberFormats(createTranslator('ar', ar));

describe('counts', () => {
  it('groups thousands as the locale does', () => {
    expect(english.count(7)).toBe('7');
    expect(english.count(1050)).toBe('1,050');
    expect(english.count(100_000)).toBe('100,000');
    expect(spanish.count(100_000)).toBe('100.000');
  });
});

describe('sizes', () => {
  it('in kB below a megabyte, never 0 kB for a file with bytes', () => {
    expect(english.size(0)).toBe('0 kB');
    expect(english.size(200)).toBe('1 kB');
    expect(english.size(48 * 1024)).toBe('48 kB');
    expect(english.size(1023 * 1024)).toBe('1,023 kB');
  });
  it('then in MB with one decimal', () => {
    expect(english.size(1024 * 1024)).toBe('1 MB');
    expect(english.size(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(english.size(1536 * 1024 * 1024)).toBe('1,536 MB');
    expect(spanish.size(3.25 * 1024 * 1024)).toBe('3,3 MB');
  });
});

describe('pageRange', () => {
  it('says which rows of how many', () => {
    expect(english.pageRange(0, 50, 100_000)).toBe('1–50 of 100,000');
    expect(english.pageRange(99_950, 50, 100_000)).toBe('99,951–100,000 of 100,000');
    expect(english.pageRange(0, 0, 0)).toBe('0 of 0');
    expect(spanish.pageRange(0, 50, 100_000)).toBe('1–50 de 100.000');
    expect(arabic.pageRange(0, 50, 100)).toMatch(/ من /);
  });
  it('marks a capped total as a lower bound', () => {
    expect(english.pageRange(50, 50, 1000, true)).toBe('51–100 of 1,000+');
    expect(english.pageRange(0, 50, 1000, false)).toBe('1–50 of 1,000');
  });
});
