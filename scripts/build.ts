// `npm run build`: checks every story, builds the app, then prerenders each story into static
// files any host can serve:
//   dist/<slug>/index.html   the explainer (article, places list and static map in the HTML)
//   dist/<slug>/embed.html   the map-first embed
//   dist/<slug>/oembed.json  oEmbed for CMSs
//   dist/<slug>/places.geojson, labels.geojson, basemap-<layout>-<theme>.svg (static map)
//   dist/<slug>/images/view.{png,svg}, passage-<id>.{png,svg}  each view as an image (images.ts)
//   dist/tiles/world.pmtiles the world basemap (npm run geo), read with HTTP range requests; the
//                            live map reads a newsroom's own Protomaps archive instead when
//                            BASEMAP_URL is set (src/map/build/basemap.ts)
//   dist/index.html          the newest story, so the site root opens on it
//   dist/embed.js            the host script newsrooms paste (src/embed/host.ts)
//   dist/_headers            the Content-Security-Policy for hosts that read it
// A story error fails the build with `file:line:column: message` lines and nothing else.
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { build } from 'vite';
import { mapData } from '../src/map/draw/mapData.ts';
import { mainBounds } from '../src/story/resolve.ts';
import { DARK, LIGHT } from '../src/catalogue/palette.ts';
import {
  IMAGE_FACE,
  isPreloadedFace,
  TEXT_FACE,
  TEXT_FACE_LICENCE,
} from '../src/catalogue/typeface.ts';
import { locatorMap } from '../src/map/build/locator.ts';
import { storyImages } from '../src/map/build/images.ts';
import {
  staticBasemapSvg,
  staticPlaces,
  staticView,
  variantZoom,
} from '../src/map/draw/staticMap.ts';
import { STATIC_VARIANTS } from '../src/lib/breakpoints.ts';
import type { TileReader } from '../src/map/draw/tiles.ts';
import { OSM_CREDIT } from '../src/catalogue/basemap.ts';
import {
  archiveFromPage,
  basemapSetting,
  foreignOrigin,
  type BasemapSetting,
  WORLD_BASEMAP,
} from '../src/map/build/basemap.ts';
import { openBasemap, WORLD } from './tiles.ts';
import { serialisePageData, PAGE_DATA_ID, type PageData } from '../src/state/page.ts';
import {
  DEFAULT_GAZETTEER,
  formatDiagnostic,
  listStories,
  loadPlaces,
  loadStory,
} from '../src/story/load.ts';
import { creditOf } from '../src/story/credit.ts';
import type { ResolvedStory } from '../src/story/schema.ts';
import { cspHeader, cspMeta, headersFile } from './csp.ts';
import {
  buildHostScript,
  oembedJson,
  oembedLink,
  previewMeta,
  publicUrl,
} from '../src/embed/build.ts';

const ROOT = resolve(import.meta.dirname, '..');
// `--stories <dir>` and `--out <dir>` build another set of stories (tests build fixture sites).
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const STORIES = resolve(ROOT, flag('--stories') ?? 'stories');
const DIST = resolve(ROOT, flag('--out') ?? 'dist');
// One SSR bundle per output folder, so two builds can run side by side.
const SSR_OUT = join(ROOT, '.cache/ssr', relative(ROOT, DIST).replace(/[^a-z0-9]+/gi, '-'));

/** The map's credit line: the basemap's (the archive's own attribution), plus every story source whose licence asks for attribution
 * (CC BY, ODbL, LGPL), in readers' words; public-domain facts need none. The font's licence asks for none on the map: the
 * sources footer credits it. */
export function attribution(story: Pick<ResolvedStory, 'places'>, basemap: string[]): string {
  const credits = new Set(basemap);
  for (const { source } of Object.values(story.places)) {
    if (/CC BY|ODbL|LGPL/i.test(source.licence)) credits.add(creditOf(source));
  }
  // A story's OSM places credit OSM with their licence: the basemap's shorter credit goes.
  return [...credits]
    .filter((c, _, all) => !all.some((o) => o !== c && o.startsWith(c)))
    .join(' · ');
}

/** Checks every story; prints every diagnostic and exits on any. */
function checkStories(): ResolvedStory[] {
  const gazetteer = loadPlaces(DEFAULT_GAZETTEER, { cwd: ROOT, what: 'gazetteer' });
  const stories: ResolvedStory[] = [];
  const problems: string[] = [];
  for (const folder of listStories(STORIES, ROOT)) {
    const result = loadStory(folder, { cwd: ROOT, gazetteer });
    problems.push(...result.diagnostics.map(formatDiagnostic));
    if (result.story && result.diagnostics.length === 0) stories.push(result.story);
  }
  if (stories.length === 0 && problems.length === 0) {
    problems.push(
      `${relative(ROOT, STORIES) || '.'}/: no story found: add <slug>/story.md (see docs/story-format.md)`,
    );
  }
  if (problems.length > 0) {
    for (const line of new Set(problems)) console.error(line);
    console.error(`build failed: ${problems.length} problem(s) in the stories above`);
    process.exit(1);
  }
  return stories;
}

/** The world tiles, read as the browser reads them (src/map/draw/tiles.ts), and the live map's
 * basemap: the same tiles, or the configured OSM archive (credited too: the static map still
 * draws the world tiles). */
async function readBasemap(setting: BasemapSetting): Promise<Basemap> {
  const reader = await openBasemap(join(ROOT, 'public'));
  const world = await reader.features(WORLD.bounds, WORLD.zoom);
  const credits = reader.attribution.split(' · ');
  if (setting.schema === 'protomaps') credits.unshift(OSM_CREDIT);
  return { reader, world, credits, setting };
}

interface Basemap {
  reader: TileReader;
  /** The world at zoom 0, for the locator map. */
  world: FeatureCollection;
  credits: string[];
  /** What the live map draws. */
  setting: BasemapSetting;
}

/** Each face's licence beside its files: the OFL asks that each copy carry it. */
function writeFaceLicences(): void {
  for (const [pkg, licence] of [
    [TEXT_FACE.package, TEXT_FACE_LICENCE],
    [IMAGE_FACE.package, IMAGE_FACE.licence],
  ] as const) {
    copyFileSync(join(ROOT, 'node_modules', pkg, 'LICENSE'), join(DIST, 'assets', licence));
  }
}

/** The client HTML with the first view's text-face files preloaded (src/catalogue/typeface.ts):
 * found by the CSS only after it has loaded, they would miss first paint, and
 * `font-display: optional` would then keep the fallback. After the CSP's <meta>. */
function withFacePreloads(html: string): string {
  const links = readdirSync(join(DIST, 'assets'))
    .filter(isPreloadedFace)
    .map(
      (f) => `<link rel="preload" href="./assets/${f}" as="font" type="font/woff2" crossorigin />`,
    );
  return html.replace('<!--app-head-->', `<!--app-head-->\n${links.join('\n')}`);
}

interface Template {
  html: string;
  /** The policy's <meta> fallback. */
  csp: string;
}

/** The client build's HTML with its asset paths made relative to a page `depth` folders down. */
function pageHtml(
  template: Template,
  depth: number,
  parts: { head: string; body: string; data: string; lang: string },
) {
  const up = depth === 0 ? './' : '../'.repeat(depth);
  return template.html
    .replace('<html lang="en">', `<html lang="${parts.lang}">`)
    .replaceAll('="./assets/', `="${up}assets/`)
    .replace('<!--app-head-->', `${template.csp}\n${parts.head}`)
    .replace('<!--app-body-->', () => parts.body)
    .replace(
      '<!--page-data-->',
      () => `<script type="application/json" id="${PAGE_DATA_ID}">${parts.data}</script>`,
    );
}

async function writeStory(
  story: ResolvedStory,
  template: Template,
  render: (page: PageData) => { head: string; body: string },
  basemap: Basemap,
  isDefault: boolean,
) {
  const dir = join(DIST, story.slug);
  mkdirSync(dir, { recursive: true });
  const { places, labels } = mapData(story);
  writeFileSync(join(dir, 'places.geojson'), JSON.stringify(places));
  writeFileSync(join(dir, 'labels.geojson'), JSON.stringify(labels));
  const bounds = mainBounds(story);
  const drawn = staticPlaces(places, bounds, labels);
  const hide = Object.keys(story.places);
  // One basemap per layout (its zoom and label sizes) and theme: a reader fetches one.
  for (const variant of STATIC_VARIANTS) {
    const tiles = await basemap.reader.features(staticView(bounds), variantZoom(bounds, variant));
    for (const [theme, palette] of [
      ['light', LIGHT],
      ['dark', DARK],
    ] as const) {
      writeFileSync(
        join(dir, `basemap-${variant.id}-${theme}.svg`),
        staticBasemapSvg(tiles, bounds, palette, variant, drawn.features, hide),
      );
    }
  }
  const credits = attribution(story, basemap.credits);
  for (const { file, contents } of await storyImages(
    story,
    { places, labels },
    basemap.reader,
    credits,
  )) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  const { layers: _geometry, ...storyData } = story;
  const locator = locatorMap(basemap.world, story, bounds);

  // Paths relative to the page; the root copy of the default story reaches into its folder.
  const pageAt = (prefix: string, mode: PageData['mode']): PageData => ({
    story: storyData,
    mode,
    staticMap: {
      ...drawn,
      basemap: Object.fromEntries(
        STATIC_VARIANTS.map((v) => [
          v.id,
          {
            light: `${prefix}basemap-${v.id}-light.svg`,
            dark: `${prefix}basemap-${v.id}-dark.svg`,
          },
        ]),
      ) as PageData['staticMap']['basemap'],
    },
    locator,
    files: {
      places: `${prefix}places.geojson`,
      labels: `${prefix}labels.geojson`,
      tiles: archiveFromPage(basemap.setting, prefix),
      world: archiveFromPage(WORLD_BASEMAP, prefix),
      glyphs: `${prefix}../fonts/`,
      folder: prefix,
    },
    basemap: basemap.setting.schema,
    attribution: credits,
  });
  const emit = (file: string, depth: number, page: PageData) => {
    const { head, body } = render(page);
    const html = pageHtml(template, depth, {
      head: page.mode === 'page' ? head + oembedLink(story) + previewMeta(story) : head,
      body,
      data: serialisePageData(page),
      lang: story.lang,
    });
    writeFileSync(file, html);
  };
  emit(join(dir, 'index.html'), 1, pageAt('', 'page'));
  emit(join(dir, 'embed.html'), 1, pageAt('', 'embed'));
  if (isDefault) {
    emit(join(DIST, 'index.html'), 0, pageAt(`${story.slug}/`, 'page'));
    emit(join(DIST, 'embed.html'), 0, pageAt(`${story.slug}/`, 'embed'));
  }
  writeFileSync(join(dir, 'oembed.json'), oembedJson(story));
}

/** Precompressed copies so the preview server sends what a CDN would. */
function gzipTree(dir: string) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (!/\.(html|js|mjs|css|json|geojson|svg|pbf|txt)$/.test(entry.name)) continue;
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
  }
}

export async function buildSite() {
  // Always the production build: test runners set NODE_ENV=test, which would otherwise give Svelte's
  // larger dev output, and the tests would not test what readers get.
  process.env.NODE_ENV = 'production';
  const stories = checkStories();
  // A bad PUBLIC_URL or BASEMAP_URL fails before the slow part.
  const setting = basemapSetting();
  const connect = foreignOrigin(setting, publicUrl());
  rmSync(DIST, { recursive: true, force: true });
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST } });
  await buildHostScript(ROOT, DIST);
  writeFaceLicences();
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { ssr: 'src/app/prerender.ts', outDir: SSR_OUT, emptyOutDir: true, manifest: false },
  });
  const { renderPage } = (await import(pathToFileURL(join(SSR_OUT, 'prerender.js')).href)) as {
    renderPage: (page: PageData) => { head: string; body: string };
  };
  const template = {
    html: withFacePreloads(readFileSync(join(DIST, 'index.html'), 'utf8')),
    csp: cspMeta(connect),
  };
  const basemap = await readBasemap(setting);
  // The newest story opens at the site root.
  const newest = [...stories].sort((a, b) => b.published.localeCompare(a.published))[0];
  for (const story of stories) {
    await writeStory(story, template, renderPage, basemap, story === newest);
  }
  writeFileSync(join(DIST, '_headers'), headersFile(cspHeader(connect)));
  gzipTree(DIST);
  console.log(
    `built ${stories.length} ${stories.length === 1 ? 'story' : 'stories'} into ${relative(ROOT, DIST)}/: ${stories.map((s) => s.slug).join(', ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildSite().catch((error: Error) => {
    console.error(`build failed: ${error.message}`);
    process.exit(1);
  });
}
