// What a page costs in bytes, from the built files (no browser): every file the page or its live
// map loads, sorted into what the first view needs and what loads later. Shared by the benchmark
// and the build budget tests (tests/build/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_DATA_ID, type PageData } from '../src/state/page.ts';

export interface FileSize {
  /** Relative to the served folder, with `/`. */
  path: string;
  raw: number;
  gz: number;
}

export interface Size {
  raw: number;
  gz: number;
  files: FileSize[];
}

export const CATEGORIES = [
  'html',
  'jsInitial',
  'jsLazy',
  'jsOnDemand',
  'cssInitial',
  'cssLazy',
  'dataInitial',
  'dataLazy',
  'textFace',
  'fonts',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type PageBytes = Record<Category, Size> & {
  /** The story's own layers (places and labels), part of dataLazy. */
  storyLayers: Size;
  /** MapLibre's worker, part of jsLazy. */
  worker: Size;
  /** What the first view transfers: HTML, initial JS, CSS, data and the preloaded text face. */
  firstView: Size;
};

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Modules a page loads only when a reader asks for what they do (an image of the view on
 * screen), never with the live map: their chunks and workers are `jsOnDemand`, not `jsLazy`. */
export const ON_DEMAND = ['src/map/screenImage.ts'];

export interface PageInput {
  /** The served folder. */
  site: string;
  /** The page, relative to `site`. */
  page: string;
  /** The Vite manifest of the build the page came from, relative to `site`. */
  manifest: string;
  /** Data files the live map fetches, relative to the page (as in its page data). */
  data: string[];
  /** Which of `data` are the story's own layers. */
  storyLayers: string[];
  /** Glyph files the map fetched, relative to `site` (only a browser can tell which). */
  fonts?: string[];
}

/** Raw and gzipped size of a served file; the gzip is the precompressed copy the server sends. */
export function fileSize(site: string, path: string): FileSize {
  const file = join(site, path);
  if (!existsSync(file)) throw new Error(`${path}: not in ${site}`);
  const raw = statSync(file).size;
  const gz = existsSync(`${file}.gz`)
    ? statSync(`${file}.gz`).size
    : gzipSync(readFileSync(file), { level: 9 }).length;
  return { path, raw, gz };
}

export function sum(files: FileSize[]): Size {
  const unique = [...new Map(files.map((f) => [f.path, f])).values()];
  return {
    raw: unique.reduce((n, f) => n + f.raw, 0),
    gz: unique.reduce((n, f) => n + f.gz, 0),
    files: unique,
  };
}

/** `href`/`src` values of the tags that load something at page load. */
export function htmlReferences(html: string) {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const tags = (name: string) => html.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];
  const links = tags('link').map((t) => ({
    rel: attr(t, 'rel'),
    as: attr(t, 'as'),
    href: attr(t, 'href'),
  }));
  const keep = (v: (string | undefined)[]) =>
    v.filter((s): s is string => !!s && !s.startsWith('data:'));
  return {
    scripts: keep(tags('script').map((t) => attr(t, 'src'))),
    modulepreloads: keep(links.filter((l) => l.rel === 'modulepreload').map((l) => l.href)),
    preloads: keep(links.filter((l) => l.rel === 'preload' && l.as !== 'font').map((l) => l.href)),
    /** The text face's files the first view's text needs (src/catalogue/typeface.ts). */
    fontPreloads: keep(
      links.filter((l) => l.rel === 'preload' && l.as === 'font').map((l) => l.href),
    ),
    stylesheets: keep(links.filter((l) => l.rel === 'stylesheet').map((l) => l.href)),
    // <source> (the dark basemap) loads only for a dark colour scheme: the <img> is the default.
    // A lazy image is not loaded with the page (the print-only view images never are, on screen).
    images: keep(
      tags('img')
        .filter((t) => !/\bloading="lazy"/.test(t))
        .map((t) => attr(t, 'src')),
    ),
  };
}

export function pageBytes(input: PageInput): PageBytes {
  const { site, page } = input;
  const pageDir = posix.dirname(page);
  // Site-relative path of a URL written in the page.
  const fromPage = (url: string) => posix.normalize(posix.join(pageDir, url));
  const manifestDir = posix.dirname(posix.dirname(input.manifest)); // the build's outDir
  const fromBuild = (file: string) => posix.join(manifestDir, file);
  const manifest = JSON.parse(readFileSync(join(site, input.manifest), 'utf8')) as Manifest;
  const byFile = new Map(Object.values(manifest).map((c) => [fromBuild(c.file), c]));
  const html = readFileSync(join(site, page), 'utf8');
  const refs = htmlReferences(html);

  // Chunks reached through static imports only (what loads with the page).
  const staticClosure = (roots: ManifestChunk[]) => {
    const seen = new Set<ManifestChunk>();
    const visit = (c: ManifestChunk | undefined) => {
      if (!c || seen.has(c)) return;
      seen.add(c);
      for (const key of c.imports ?? []) visit(manifest[key]);
    };
    roots.forEach(visit);
    return seen;
  };
  const initialRoots = [...refs.scripts, ...refs.modulepreloads]
    .map((u) => byFile.get(fromPage(u)))
    .filter((c): c is ManifestChunk => !!c);
  const initial = staticClosure(initialRoots);
  // What the page's dynamic imports reach, but through an on-demand module: that goes apart.
  const reached = (roots: ManifestChunk[], skip: (key: string) => boolean) => {
    const out = new Set<ManifestChunk>();
    const visit = (c: ManifestChunk) => {
      for (const key of c.dynamicImports ?? []) {
        if (skip(key)) continue;
        for (const chunk of staticClosure([manifest[key]!])) {
          if (initial.has(chunk) || out.has(chunk)) continue;
          out.add(chunk);
          visit(chunk);
        }
      }
    };
    roots.forEach(visit);
    return out;
  };
  const lazy = reached([...initial], (key) => ON_DEMAND.includes(key));
  const onDemand = new Set(
    [...staticClosure(ON_DEMAND.flatMap((key) => manifest[key] ?? []))].filter(
      (c) => !initial.has(c) && !lazy.has(c),
    ),
  );

  const size = (path: string) => fileSize(site, path);
  const isScript = (f: string) => /\.m?js$/.test(f);
  const assetsOf = (chunks: Set<ManifestChunk>) =>
    [...chunks].flatMap((c) => (c.assets ?? []).filter(isScript).map(fromBuild));
  const cssOf = (chunks: Set<ManifestChunk>) =>
    [...chunks].flatMap((c) => (c.css ?? []).map(fromBuild));
  // A worker is an asset (new Worker(url)): it loads when the map starts, never with the page.
  const workers = [...assetsOf(initial), ...assetsOf(lazy)].map(size);
  const jsOnDemand = sum(
    [...[...onDemand].map((c) => fromBuild(c.file)), ...assetsOf(onDemand)].map(size),
  );

  const htmlSize = sum([size(page)]);
  const jsInitial = sum([...initial].map((c) => size(fromBuild(c.file))));
  const jsLazy = sum([...[...lazy].map((c) => size(fromBuild(c.file))), ...workers]);
  const cssInitial = sum([...refs.stylesheets.map(fromPage), ...cssOf(initial)].map(size));
  const cssLazy = sum(
    cssOf(lazy)
      .filter((p) => !cssInitial.files.some((f) => f.path === p))
      .map(size),
  );
  const dataInitial = sum([...refs.images, ...refs.preloads].map(fromPage).map(size));
  const dataLazy = sum(input.data.map(fromPage).map(size));
  const textFace = sum(refs.fontPreloads.map(fromPage).map(size));
  const storyLayers = sum(input.storyLayers.map(fromPage).map(size));
  const fonts = sum((input.fonts ?? []).map(size));
  return {
    html: htmlSize,
    jsInitial,
    jsLazy,
    jsOnDemand,
    cssInitial,
    cssLazy,
    dataInitial,
    dataLazy,
    textFace,
    fonts,
    storyLayers,
    worker: sum(workers),
    firstView: sum(
      [htmlSize, jsInitial, cssInitial, dataInitial, textFace].flatMap((s) => s.files),
    ),
  };
}

/** The page data the build wrote into a page. */
export function readPageData(htmlFile: string): PageData {
  const html = readFileSync(htmlFile, 'utf8');
  const match = new RegExp(
    `<script type="application/json" id="${PAGE_DATA_ID}">([\\s\\S]*?)</script>`,
  ).exec(html);
  if (!match?.[1]) throw new Error(`${htmlFile}: no page data`);
  return JSON.parse(match[1]) as PageData;
}

/** Slugs of the story pages of a built site (folders with an `index.html` carrying page data). */
export function storySlugs(site: string): string[] {
  if (!existsSync(join(site, '.vite/manifest.json'))) {
    throw new Error(`${site}: no client build in it (run \`npm run build\`)`);
  }
  return readdirSync(site, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(site, d.name, 'index.html')))
    .filter((d) => readFileSync(join(site, d.name, 'index.html'), 'utf8').includes(PAGE_DATA_ID))
    .map((d) => d.name)
    .sort();
}

/** A story page of the site: its data files are the ones its page data names. */
export function storyPageBytes(site: string, slug: string, fonts?: string[]): PageBytes {
  const page = `${slug}/index.html`;
  const { files } = readPageData(join(site, page));
  return pageBytes({
    site,
    page,
    manifest: '.vite/manifest.json',
    data: [files.places, files.labels],
    storyLayers: [files.places, files.labels],
    fonts,
  });
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
