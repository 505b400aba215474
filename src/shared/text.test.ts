import { describe, expect, it } from 'vitest';
import { isCalendarDate, localDate } from './dates';
import { hasVisibleText, textField } from './text';

const name = textField('field.name', 120);
const description = textField('field.description', 2000, { multiLine: true, optional: true });
const refusal = (schema: typeof name, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('one text field block', () => {
  it('stores what the person sees: NFC, trimmed', () => {
    expect(name.parse('  E\u0301lodie  ')).toBe('\u00c9lodie');
    expect(name.parse('José 🚀')).toBe('José 🚀');
    expect(description.parse('Lid cracked\nhandle loose')).toBe('Lid cracked\nhandle loose');
    expect(description.parse('   ')).toBe('');
  });

  it.each([
    ['\u200B\u200B', 'Name is empty: it has only spaces or invisible characters'],
    ['\u2060', 'Name is empty: it has only spaces or invisible characters'],
    ['\uFEFF\u00AD\u200D', 'Name is empty: it has only spaces or invisible characters'],
    ['\u3000\u2003', 'Name is required'], // trimmed away: JavaScript counts them as white space
    ['Ana\u0000Lima', 'Name contains a hidden control character; type it again'],
    ['Ana \u001b[31mLima', 'Name contains a hidden control character; type it again'],
    ['Ana\rLima', 'Name contains a hidden control character; type it again'],
    ['Ana\tLima', 'Name contains a hidden control character; type it again'],
    ['Ana\u0085Lima', 'Name contains a hidden control character; type it again'],
    ['Ana \u202Eamil.exe', 'Name contains a hidden character that reverses the text; type it again'],
    ['Ana \u2067Lima\u2069', 'Name contains a hidden character that reverses the text; type it again'],
    ['Ana\nLima', 'Name must be on one line'],
    ['Ana\u2028Lima', 'Name must be on one line'],
    ['Ana\ud800', 'Name contains a broken character; type it again'],
    ['', 'Name is required'],
    [undefined, 'Name is required'],
    [42, 'Name must be text'],
  ])('refuses %j for a single-line field', (value, message) => {
    expect(refusal(name, value)).toBe(message);
  });

  it('allows line feeds only where a description or note is written', () => {
    expect(refusal(description, 'a\r\nb')).toBe(
      'Description contains a hidden control character; type it again',
    );
    expect(refusal(description, 'a\u2029b')).toBe('Description contains a hidden line break; type it again');
    expect(refusal(description, '\u200B')).toBe(
      'Description is empty: it has only spaces or invisible characters',
    );
  });

  it('keeps the marks right-to-left names need, and combining accents', () => {
    expect(name.parse('\u0645\u0631\u062d\u0628\u0627 \u200fAna')).toBe(
      '\u0645\u0631\u062d\u0628\u0627 \u200fAna',
    );
    expect(hasVisibleText('\u0301')).toBe(true);
    expect(hasVisibleText('\u200b \u2060\u00a0')).toBe(false);
  });

  it('counts the length after normalising', () => {
    expect(refusal(textField('field.name', 3), 'e\u0301e\u0301e\u0301')).toBeNull();
    expect(refusal(textField('field.name', 3), 'abcd')).toBe('Name must be at most 3 characters');
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['26-01-05', false],
  ])('%s is a real day: %s', (value, real) => {
    expect(isCalendarDate(value)).toBe(real);
  });

  it('reads the local calendar day', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
