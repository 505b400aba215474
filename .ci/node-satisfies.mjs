// Exits 0 when this Node satisfies package.json's `engines.node` (a ">=X.Y" floor).
// Plain JavaScript that runs on any Node, old ones included, so CI can ask before it installs.
import { readFileSync } from 'node:fs';

const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const floor = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range);
if (!floor) throw new Error(`engines.node must be a ">=X.Y" floor, not ${range}`);
const want = floor.slice(1).map((n) => Number(n ?? 0));
const have = process.versions.node.split('.').map(Number);
const cmp = want.findIndex((n, i) => have[i] !== n);
process.exit(cmp === -1 || have[cmp] > want[cmp] ? 0 : 1);
