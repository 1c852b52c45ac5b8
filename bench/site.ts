// Builds what the benchmark serves from one folder: the site (scripts/build.ts, unchanged) and
// the baseline page in its `baseline/` folder, both precompressed the way the build does it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BaselineConfig } from './baseline/config.ts';
import { readPageData } from './bytes.ts';

export const ROOT = resolve(import.meta.dirname, '..');
// Under .cache/: ignored by git, ESLint and Prettier, and apart from `dist/`.
export const SITE = join(ROOT, '.cache/bench/site');
export const BASELINE = 'baseline';

/** The slug of the story the site root opens on (the newest). */
export function defaultSlug(site: string): string {
  const { files } = readPageData(join(site, 'index.html'));
  const slug = files.places.split('/')[0];
  if (!slug || slug === files.places) throw new Error('site root: cannot tell its story folder');
  return slug;
}

function gzipTree(dir: string) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(html|js|mjs|css|json)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

/** Paths in a story page's data, re-based from `/<slug>/` onto `/baseline/`. */
function rebase(path: string, slug: string) {
  return '..' + new URL(path, `http://site/${slug}/`).pathname;
}

/** The baseline's view of the story page's map: its files, first camera and attribution. */
export function baselineConfig(slug: string): BaselineConfig {
  const page = readPageData(join(SITE, slug, 'index.html'));
  const files = Object.fromEntries(
    Object.entries(page.files).map(([k, v]) => [k, rebase(v, slug)]),
  ) as BaselineConfig['files'];
  return {
    files,
    camera: page.story.initialView.camera,
    projection: page.story.initialView.projection,
    attribution: page.attribution,
    hide: Object.keys(page.story.places),
  };
}

/** Builds the site and the baseline page into SITE; returns the story both show. */
export async function buildBench(): Promise<string> {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', SITE], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const slug = defaultSlug(SITE);
  const config = baselineConfig(slug);
  const outDir = join(SITE, BASELINE);
  await build({
    configFile: false,
    root: join(ROOT, 'bench/baseline'),
    base: './',
    logLevel: 'error',
    define: { __BASELINE__: JSON.stringify(config) },
    build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true },
  });
  gzipTree(outDir);
  return slug;
}
