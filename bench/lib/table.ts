import type { Figure } from './stats';

export interface Row {
  metric: string;
  figure: Figure;
  unit: string;
  digits: number;
  /** e.g. `≥ 0.8`; `pass` says whether the median meets it. */
  target?: string;
  pass?: boolean;
}

export interface Section {
  title: string;
  rows: Row[];
  notes?: string[];
}

const fmt = (value: number, digits: number): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

const cells = (row: Row): string[] => [
  row.metric,
  fmt(row.figure.median, row.digits),
  fmt(row.figure.min, row.digits),
  fmt(row.figure.max, row.digits),
  row.unit,
  row.target ?? '',
  row.pass === undefined ? '' : row.pass ? 'ok' : 'MISSED',
];

/** Plain-text table: one block per section, numbers right-aligned. */
export function renderTable(sections: Section[]): string {
  const header = ['', 'median', 'min', 'max', 'unit', 'target', ''];
  const all = sections.flatMap((section) => section.rows.map(cells));
  const widths = header.map((h, i) => Math.max(h.length, ...all.map((line) => line[i]!.length)));
  const render = (line: string[]) =>
    line
      .map((cell, i) => (i >= 1 && i <= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [render(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const section of sections) {
    out.push('', section.title);
    for (const row of section.rows) out.push(render(cells(row)));
    for (const note of section.notes ?? []) out.push(`  ${note}`);
  }
  return out.join('\n');
}
