// CSV for spreadsheets, safe against formula injection: a customer's text that
// starts with = + - @ (or a tab / carriage return) would run as a formula when
// the file is opened in Excel or LibreOffice. Such cells get a leading
// apostrophe (OWASP's advice), so they show as the text that was typed.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: always quoted (RFC 4180), quotes doubled, formula starts neutralised. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '""';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Rows to a CSV document with CRLF line ends. The UTF-8 byte order mark makes
 * Excel read accented names correctly.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
