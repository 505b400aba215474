// Right-to-left (Arabic) mirrors the layout only if the CSS names no physical side:
// margins, paddings, borders, insets and alignment are logical (inline-start/end).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHEETS = [
  'src/renderer/src/styles/app.css',
  'src/renderer/src/views/admin/dashboard/dashboard.css',
  'src/renderer/src/counter/slip.css',
  'src/renderer/src/display/display.css',
];
/** A physical side in a property or value, or a four-value shorthand (whose 2nd and 4th are sides). */
const PHYSICAL = [
  /\b(left|right)\b/,
  /translateX\(/,
  /^\s*(margin|padding|inset|border-width|border-style|border-color|border-radius)\s*:\s*(\S+\s+){3}\S+\s*(!important)?;/,
];

export function physicalLines(css: string): string[] {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => PHYSICAL.some((pattern) => pattern.test(line)))
    .map(({ line, index }) => `${index + 1}: ${line.trim()}`);
}

describe('layout CSS is written in logical properties', () => {
  it.each(SHEETS)('%s names no left or right', (sheet) => {
    expect(physicalLines(readFileSync(join(process.cwd(), sheet), 'utf8'))).toEqual([]);
  });

  it('would catch a physical side', () => {
    expect(physicalLines('.a {\n  margin-left: 4px;\n  padding: 1px 2px 3px 4px;\n}')).toHaveLength(2);
    expect(physicalLines('.a {\n  margin-inline-start: 4px;\n  padding: 1px 2px;\n}')).toEqual([]);
  });
});
