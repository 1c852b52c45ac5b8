/**
 * `npm run geo:size`: raw and gzipped bytes of every file `npm run geo` writes into public/ (and
 * so ships in dist/): the world tiles, their licences and the glyphs. The story layers' budget is
 * checked on the built site, where a story's places are (tests/build/budgets.ts).
 *
 *   tsx geo/size.ts [--out public]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { out: { type: 'string', default: join(root, 'public') } },
});
const out = resolve(values.out);

/** Every file under the folders geo writes, sorted by path; gzip as servers send it (level 6). */
const sizes: { path: string; raw: number; gzip: number }[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const content = readFileSync(path);
      const gzip = gzipSync(content, { level: 6 }).length;
      sizes.push({ path: relative(out, path), raw: content.length, gzip });
    }
  }
};
for (const dir of ['fonts', 'tiles']) walk(join(out, dir));

const kb = (n: number): string => `${(n / 1000).toFixed(1)} kB`;
const width = Math.max(...sizes.map((s) => s.path.length), 28);
const row = (a: string, b: string, c: string): string =>
  `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}`;

console.log(row('file', 'raw', 'gzip'));
for (const s of sizes) console.log(row(s.path, kb(s.raw), kb(s.gzip)));
console.log(
  '\ngzip: zlib level 6; kB = 1000 bytes. Glyphs are fetched per range, on demand; the tiles are' +
    '\ngzipped inside the archive and read a few at a time with range requests.',
);
