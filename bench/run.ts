// `npm run bench`: builds the site and the baseline page, serves both from one server, measures
// them side by side (Lighthouse, map idle, first click, pan frame rate, bytes), prints one table
// and writes the raw figures to bench/results/. Not part of `npm test`: it takes minutes.
//   --runs N       runs per measurement, median reported (default 3, at least 1; pans at least 7)
//   --skip-build   measure what .cache/bench/site already holds
//   --readme       also put the table into README.md (between the bench markers)
//   --place ID     the feature the click test opens (default crimea, else the first label)
//   --report       print (and with --readme, publish) the table of bench/results/latest.json again
//   --world-only   only the world section (gazetteer load, the scale story, suggest's scores)
//   --skip-world   everything but the world section
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.ts';
import { CHROME_ARGS, findChrome } from '../tests/browser/support/chrome.ts';
import { measureLoad, measurePan, measureZoom, type PageSpec } from './browser.ts';
import { measureImages } from './images.ts';
import { pageBytes, readPageData, storyPageBytes, type PageBytes } from './bytes.ts';
import { runLighthouse, type Preset } from './lighthouse.ts';
import {
  PAN_VIEWPORTS,
  PRESETS,
  ZOOM,
  ZOOM_VIEWPORT,
  SIDES,
  table,
  targets,
  type Results,
  type Side,
} from './report.ts';
import { BASEMAP_SOURCE } from '../src/catalogue/basemap.ts';
import { INTERACTIVE_LAYERS } from '../src/catalogue/style.ts';
import { BASELINE, baselineConfig, buildBench, defaultSlug, ROOT, SITE } from './site.ts';
import { measureWorld, worldTable, type WorldResults } from './world.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(flag('--runs') ?? 3));
// A pan's frame rate varies ±15% from run to run on a 2-core machine under SwiftShader: more runs.
const PAN_RUNS = Math.max(RUNS, 7);
const PLACE = flag('--place') ?? 'crimea';
const RESULTS = join(ROOT, 'bench/results');
const MAPLIBRE_MARK = 'maplibregl-map'; // a class name only MapLibre's code contains

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function publish(results: Results) {
  const text = table(results);
  const heading = `${results.date.slice(0, 10)} · ${results.machine}; load average ${results.loadAverage}`;
  writeFileSync(join(RESULTS, 'latest.md'), `${heading}\n\n${text}\n`);
  console.log(`\n${heading}\n\n${text}\n`);
  if (argv.includes('--readme')) updateReadme(`${heading}\n\n${text}`);
}

/** The world section: its own table, its own README block and results file. */
async function world(chromePath: string) {
  const results: WorldResults = await measureWorld({ chromePath, runs: RUNS, log });
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'world.json'), JSON.stringify(results, null, 2));
  const heading = `${new Date().toISOString().slice(0, 10)} · load average ${loadavg()[0]!.toFixed(1)}`;
  const text = `${heading}\n\n${worldTable(results)}`;
  console.log(`\n${text}\n`);
  if (argv.includes('--readme')) updateReadme(text, WORLD_START, WORLD_END);
}

async function main() {
  if (argv.includes('--report')) {
    publish(JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as Results);
    return;
  }
  const chromePath = findChrome();
  if (argv.includes('--world-only')) return world(chromePath);
  const slug = argv.includes('--skip-build') ? defaultSlug(SITE) : await buildBench();
  const page = readPageData(join(SITE, slug, 'index.html'));
  const config = baselineConfig(slug);

  // The click target: the label point of one place of the story.
  const labels = JSON.parse(
    readFileSync(join(SITE, slug, page.files.labels), 'utf8'),
  ) as FeatureCollection<Point>;
  const label = labels.features.find((f) => f.properties?.id === PLACE) ?? labels.features[0];
  if (!label) throw new Error(`${slug}: no label point to click`);
  const target = label.geometry.coordinates as [number, number];
  log(`story ${slug}; click target: ${String(label.properties?.id)}`);

  const staticBytes = (side: Side, fonts: string[] = []): PageBytes =>
    side === 'ours'
      ? storyPageBytes(SITE, slug, fonts)
      : pageBytes({
          site: SITE,
          page: `${BASELINE}/index.html`,
          manifest: `${BASELINE}/.vite/manifest.json`,
          // Named, not every entry of files: `folder` is a directory, `glyphs` a URL template.
          data: [config.files.places, config.files.labels, config.files.tiles],
          storyLayers: [config.files.places, config.files.labels],
          fonts,
        });
  const site = await serve(SITE);
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROME_ARGS });
  try {
    const specs = {} as Record<
      Side,
      PageSpec & { mapLibreChunk: string; workers: { url: string; gz: number }[] }
    >;
    for (const side of SIDES) {
      const b = staticBytes(side);
      const js = [...b.jsInitial.files, ...b.jsLazy.files];
      const code = js
        .filter((f) => readFileSync(join(SITE, f.path), 'utf8').includes(MAPLIBRE_MARK))
        .map((f) => f.path);
      const worker = b.worker.files.map((f) => f.path);
      const live = new Set([
        ...code,
        ...worker,
        ...b.cssLazy.files.map((f) => f.path),
        ...b.dataLazy.files.map((f) => f.path),
        ...(side === 'baseline' ? b.cssInitial.files.map((f) => f.path) : []),
      ]);
      const fonts = new URL(page.files.glyphs, `http://site/${slug}/`).pathname.slice(1);
      const mapLibre = new Set([...code, ...worker]);
      specs[side] = {
        url: `${site.url}/${side === 'ours' ? slug : BASELINE}/`,
        panel: side === 'ours' ? '#place-panel' : '.maplibregl-popup',
        mapRegion: side === 'ours' ? '.map' : '#map',
        knownSizes: Object.fromEntries(b.worker.files.map((f) => [f.path, f.gz])),
        target,
        targetId: String(label.properties?.id),
        layers: INTERACTIVE_LAYERS,
        isLiveMap: (p) => live.has(p) || p.startsWith(fonts),
        isMapLibre: (p) => mapLibre.has(p),
        mapLibreChunk: code[0] ?? '',
        workers: b.worker.files.map((f) => ({ url: f.path, gz: f.gz })),
      };
    }

    const results: Results = {
      date: new Date().toISOString(),
      machine: '',
      loadAverage: '',
      runs: RUNS,
      story: slug,
      lighthouse: { ours: { mobile: [], desktop: [] }, baseline: { mobile: [], desktop: [] } },
      lighthouseStatic: [],
      loads: { ours: [], baseline: [] },
      pans: { ours: [], baseline: [] },
      zooms: { ours: [], baseline: [] },
      bytes: { ours: staticBytes('ours'), baseline: staticBytes('baseline') },
    };
    log('view images: drawing and rasterising the story’s');
    results.images = await measureImages({ root: ROOT, site: SITE, slug, runs: RUNS });
    results.machine = `${cpus()[0]?.model.trim() ?? 'CPU'} × ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Linux ${release()}; Chromium ${browser.version()} (SwiftShader WebGL); Node ${process.version}`;
    // Other work on the machine skews every figure: say how busy it was.
    const load = () => loadavg()[0]!.toFixed(1);
    const loadAtStart = load();

    // One discarded load each: the first WebGL page of a browser pays for starting its GPU process.
    for (const side of SIDES) await measureLoad(browser, specs[side], 'idle');
    for (let i = 0; i < RUNS; i++) {
      for (const mode of ['idle', 'reach'] as const) {
        for (const side of SIDES) {
          const run = await measureLoad(browser, specs[side], mode);
          results.loads[side].push(run);
          const idle =
            run.mapIdleMs === null ? 'none without input' : `${Math.round(run.mapIdleMs)} ms`;
          log(
            `load ${side} ${mode} #${i + 1}: map idle ${idle}, drawn ${Math.round(run.mapDrawnMs ?? NaN)} ms, panel ${Math.round(run.panelMs)} ms`,
          );
        }
      }
    }
    for (let i = 0; i < PAN_RUNS; i++) {
      for (const side of SIDES) {
        const runs = [];
        for (const vp of PAN_VIEWPORTS) runs.push(await measurePan(browser, specs[side], vp));
        results.pans[side].push(runs);
        log(
          `pan ${side} #${i + 1}: ${runs.map((r) => `${r.fps.toFixed(1)} fps at ${r.viewport.width}`).join(', ')}`,
        );
      }
    }
    for (let i = 0; i < RUNS; i++) {
      for (const side of SIDES) {
        const run = await measureZoom(
          browser,
          { ...specs[side], basemapSource: BASEMAP_SOURCE },
          ZOOM_VIEWPORT,
          ZOOM,
        );
        results.zooms![side].push(run);
        log(
          `zoom ${side} #${i + 1}: ${run.fromZoom} → ${run.toZoom.toFixed(1)} in ${Math.round(run.durationMs)} ms, settled ${Math.round(run.settledMs)} ms; longest blank ${Math.round(run.longestBlankMs)} ms (${run.blankFrames}/${run.frames} frames), longest loading ${Math.round(run.longestLoadingMs)} ms`,
        );
      }
    }
    // Glyph files are known only once a map has asked for them.
    for (const side of SIDES) {
      const fonts = [...new Set(results.loads[side].flatMap((l) => l.requests.map((r) => r.path)))]
        .filter((p) => p.endsWith('.pbf'))
        .sort();
      results.bytes[side] = staticBytes(side, fonts);
    }
    const lighthouseRun = async (side: Side, preset: Preset, url = specs[side].url) => {
      const run = await runLighthouse(url, {
        chromePath,
        preset,
        workers: specs[side].workers,
        mapLibreChunk: specs[side].mapLibreChunk,
      });
      const what =
        run.runtimeError ??
        `score ${run.score}, LCP ${Math.round(run.lcpMs ?? 0)} ms, TBT ${Math.round(run.tbtMs ?? 0)} ms`;
      log(`lighthouse ${preset} ${url.replace(site.url, '')}: ${what}`);
      return run;
    };
    for (const preset of PRESETS) {
      for (let i = 0; i < RUNS; i++) {
        for (const side of SIDES) {
          results.lighthouse[side][preset].push(await lighthouseRun(side, preset));
        }
        if (preset === 'mobile') {
          results.lighthouseStatic.push(
            await lighthouseRun('ours', preset, `${specs.ours.url}?static`),
          );
        }
      }
    }

    results.loadAverage = `${loadAtStart} at start, ${load()} at end`;
    mkdirSync(RESULTS, { recursive: true });
    const json = JSON.stringify({ ...results, targets: targets(results) }, null, 2);
    writeFileSync(join(RESULTS, 'latest.json'), json);
    publish(results);
    const warnings = new Set(
      SIDES.flatMap((s) =>
        PRESETS.flatMap((p) => results.lighthouse[s][p].flatMap((r) => r.warnings)),
      ),
    );
    for (const w of warnings) console.log(`Lighthouse warning: ${w}`);
    console.log('raw figures: bench/results/latest.json');
  } finally {
    await browser.close();
    await site.close();
  }
  if (!argv.includes('--skip-world')) await world(chromePath);
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const WORLD_START = '<!-- bench-world:start -->';
const WORLD_END = '<!-- bench-world:end -->';

function updateReadme(block: string, start = START, end = END) {
  const file = join(ROOT, 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md: no ${start} … ${end} block to fill`);
  writeFileSync(file, `${text.slice(0, a + start.length)}\n\n${block}\n\n${text.slice(b)}`);
  console.log('README.md: table updated');
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
