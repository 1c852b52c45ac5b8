import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Budgets from the issue, in bytes after gzip (zlib level 6, the usual server default). */
export const BUDGETS = {
  'story layers': 60_000,
} as const;

/** What each total counts. */
export const TOTALS: Record<keyof typeof BUDGETS, string[]> = {
  'story layers': ['data/places.geojson'],
};

export interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 6 }).length;
}

/** Every file under the output root (public/data, public/fonts, public/tiles), sorted by path. */
export function measure(root: string, dirs = ['data', 'fonts', 'tiles']): FileSize[] {
  const out: FileSize[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const content = readFileSync(path);
        out.push({ path: relative(root, path), raw: content.length, gzip: gzipBytes(content) });
      }
    }
  };
  for (const d of dirs) walk(join(root, d));
  return out;
}

export function totals(
  sizes: FileSize[],
): { name: keyof typeof BUDGETS; raw: number; gzip: number }[] {
  return (Object.keys(TOTALS) as (keyof typeof BUDGETS)[]).map((name) => {
    const files = sizes.filter((s) => TOTALS[name].includes(s.path));
    return {
      name,
      raw: files.reduce((n, f) => n + f.raw, 0),
      gzip: files.reduce((n, f) => n + f.gzip, 0),
    };
  });
}
