// Admin is one long page that watches every change. Its panels and the scroll tables are
// contained (layout and paint), so a queue row leaving re-lays out and repaints its panel, not
// the page: per resolve the watching Admin window's paint went from about 18 to 5 ms of CPU
// (docs/PERFORMANCE.md, "Click to pixels, sixth pass"). These rules are easy to lose in a tidy-up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The declarations of the rule whose selector list is exactly `selector`, by property. */
export function declarationsOf(css: string, selector: string): Map<string, string> {
  const rules = css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g);
  const found = new Map<string, string>();
  for (const [, selectors = '', body = ''] of rules) {
    if (selectors.trim().replace(/\s+/g, ' ') !== selector) continue;
    for (const declaration of body.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) found.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
  }
  return found;
}

const css = readFileSync(join(process.cwd(), 'src/renderer/src/styles/app.css'), 'utf8');

describe('Admin keeps its panels contained', () => {
  it('each Admin panel is its own layout and paint root', () => {
    expect(declarationsOf(css, '.view-admin .card').get('contain')).toBe('layout paint');
  });

  it('the scroll tables (queue, all cases) are contained', () => {
    expect(declarationsOf(css, '.table-scroll').get('contain')).toBe('layout paint');
  });

  it('would catch a rule without containment', () => {
    expect(
      declarationsOf('.view-admin .card {\n  padding: 0;\n}', '.view-admin .card').get('contain'),
    ).toBeUndefined();
  });
});
