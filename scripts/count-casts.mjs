// Counts type assertions in shipped code, so a change can show it added none:
//   node scripts/count-casts.mjs [rev] [-v]      (default rev: HEAD)
// Shipped code: src/**/*.ts(x) minus *.test.*, *.d.ts, src/main/test/ and src/renderer/src/test/.
// `as`: every AsExpression except `as const`; `!`: every non-null assertion.
import { execFileSync } from 'node:child_process';
import ts from 'typescript';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const rev = args.find((a) => a !== '-v') ?? 'HEAD';
const git = (...a) => execFileSync('git', a, { maxBuffer: 1 << 26 }).toString();

const files = git('ls-tree', '-r', '--name-only', rev, 'src')
  .trim()
  .split('\n')
  .filter(
    (f) =>
      /\.tsx?$/.test(f) &&
      !/\.test\.tsx?$/.test(f) &&
      !f.endsWith('.d.ts') &&
      !f.startsWith('src/main/test/') &&
      !f.startsWith('src/renderer/src/test/'),
  );

let as = 0;
let bang = 0;
for (const f of files) {
  const kind = f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(f, git('show', `${rev}:${f}`), ts.ScriptTarget.Latest, true, kind);
  const where = (n) => `${f}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n) => {
    const isConst =
      ts.isAsExpression(n) && ts.isTypeReferenceNode(n.type) && n.type.typeName.getText(sf) === 'const';
    if (ts.isAsExpression(n) && !isConst) {
      as++;
      if (verbose) console.log('as', where(n), n.type.getText(sf).replace(/\s+/g, ' '));
    }
    if (ts.isNonNullExpression(n)) {
      bang++;
      if (verbose) console.log('!', where(n));
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
console.log(`${rev}: ${files.length} files, as ${as}, non-null ! ${bang}`);
