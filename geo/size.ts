/**
 * `npm run geo:size`: raw and gzipped bytes of every file `npm run geo` writes, and the totals
 * the issue budgets. Exits 1 when a budget is exceeded.
 *
 *   tsx geo/size.ts [--out public]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BUDGETS, measure, totals } from './lib/sizes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { out: { type: 'string', default: join(root, 'public') } },
});
const sizes = measure(resolve(values.out));
const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
const width = Math.max(...sizes.map((s) => s.path.length), 28);
const row = (a: string, b: string, c: string, d = ''): string =>
  `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d}`;

console.log(row('file', 'raw', 'gzip'));
for (const s of sizes) console.log(row(s.path, kb(s.raw), kb(s.gzip)));
console.log('');
let over = false;
for (const t of totals(sizes)) {
  const budget = BUDGETS[t.name];
  const ok = t.gzip <= budget;
  over ||= !ok;
  console.log(row(t.name, kb(t.raw), kb(t.gzip), `${ok ? 'within' : 'OVER'} ${kb(budget)} gzip`));
}
console.log('\ngzip: zlib level 6; kB = 1000 bytes. Glyphs are fetched per range, on demand.');
if (over) process.exit(1);
