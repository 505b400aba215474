import fc from 'fast-check';
import { binaryString } from '../main/test/unicode-arbitraries';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/** Reads one quoted cell back as a spreadsheet would see its text. */
const unquote = (cell: string) => cell.slice(1, -1).replace(/""/g, '"');

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ['+1 555 0100', `"'+1 555 0100"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['Kettle, 1.7 l "deluxe"', `"Kettle, 1.7 l ""deluxe"""`],
    ['Line one\nline two', `"Line one\nline two"`],
    ['a=b', `"a=b"`],
  ])('writes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers, booleans and absent values plainly', () => {
    expect([csvCell(-12.5), csvCell(NaN), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual([
      '-12.5',
      '""',
      'true',
      '""',
      '""',
    ]);
  });

  it('never lets any text start a formula, and keeps the text otherwise intact', () => {
    fc.assert(
      fc.property(binaryString({ maxLength: 60 }), (text) => {
        const shown = unquote(csvCell(text));
        expect(shown).not.toMatch(/^[=+\-@\t\r]/);
        expect(shown === text || shown === `'${text}`).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CSV documents', () => {
  it('joins rows with CRLF and starts with a byte order mark for Excel', () => {
    expect(
      toCsv([
        ['Name', 'Order'],
        ['Cyrille Émond', '=1+1'],
      ]),
    ).toBe(`\uFEFF"Name","Order"\r\n"Cyrille Émond","'=1+1"\r\n`);
    expect(toCsv([['a']], { bom: false })).toBe('"a"\r\n');
  });
});
