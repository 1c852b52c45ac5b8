/**
 * `npm run geo`: derives the curated places, the world gazetteer and the world tiles from Natural
 * Earth, GeoNames and GSHHG data (npm packages in geo/package.json, Debian gmt) and writes the
 * committed outputs: gazetteer/ and, in public/, the tiles, their licences and the glyphs.
 *
 *   tsx geo/build.ts [--config geo/places.json] [--sources geo/node_modules] [--out public]
 *
 * Bad input prints one line (what is wrong, how to fix it), exits 1 and writes nothing.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from './lib/config.ts';
import { GeoCheckError, GeoInputError } from './lib/errors.ts';
import { licencesText, OUTPUT, writeAll, type PlannedFile } from './lib/output.ts';
import { buildGazetteer, GAZETTEER_FILE } from './lib/gazetteer/index.ts';
import { derive } from './lib/pipeline.ts';
import { buildTiles, TILES_FILE } from './lib/tiles/index.ts';
import { Sources } from './lib/sources.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function options(): {
  config: string;
  sources: string;
  out: string;
  gazetteer: string;
  quiet: boolean;
} {
  try {
    const { values } = parseArgs({
      options: {
        config: { type: 'string', default: join(here, 'places.json') },
        sources: { type: 'string', default: join(here, 'node_modules') },
        out: { type: 'string', default: join(root, 'public') },
        gazetteer: { type: 'string', default: join(root, 'gazetteer') },
        quiet: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return {
      config: resolve(values.config),
      sources: resolve(values.sources),
      out: resolve(values.out),
      gazetteer: resolve(values.gazetteer),
      quiet: values.quiet,
    };
  } catch (e) {
    throw new GeoInputError(
      (e as Error).message.split('\n')[0]!.replace(/\.$/, ''),
      'use --config <file>, --sources <node_modules dir>, --out <dir>, --gazetteer <dir>, --quiet',
    );
  }
}

function main(): void {
  const started = performance.now();
  const opts = options();
  const log = opts.quiet ? () => {} : (m: string) => console.log(m);
  const shown = relative(process.cwd(), opts.config) || opts.config;
  const config = loadConfig(opts.config, shown);
  const sources = new Sources(opts.sources, join(here, 'package.json'));
  const out = derive(config, shown, sources, log);

  const fontDir = `${OUTPUT.fonts}/${config.glyphs.font}`;
  // The curated places are not written on their own: the gazetteer carries them unchanged.
  const files: PlannedFile[] = [
    { path: OUTPUT.licences, content: licencesText(config, (p) => sources.version(p)) },
    ...out.glyphs.map((g) => ({ path: `${fontDir}/${g.range}.pbf`, copyFrom: g.file })),
    { path: `${fontDir}/OFL.txt`, copyFrom: join(here, 'licences', 'OFL-1.1.txt') },
  ];
  const gazetteer = buildGazetteer({
    geoDir: here,
    sources,
    placesConfig: config,
    curated: out.places,
    log,
  });
  const tiles = buildTiles(gazetteer.features, gazetteer.basemap, log);
  files.push({ path: TILES_FILE, content: tiles.bytes });
  writeAll(opts.out, files, [fontDir]);
  writeAll(
    opts.gazetteer,
    [
      { path: GAZETTEER_FILE, content: gazetteer.bytes },
      { path: 'LICENSES.md', content: gazetteer.licences },
      { path: 'policy.json', content: gazetteer.policy },
    ],
    [],
  );
  const counts = Object.entries(gazetteer.counts).map(([k, n]) => `${n} ${k}`);
  log(
    `gazetteer: ${gazetteer.features.length} features (${counts.join(', ')}), ${(gazetteer.bytes.length / 1e6).toFixed(1)} MB gzipped`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`wrote ${files.length} files to ${relative(root, opts.out) || '.'} in ${seconds} s`);
}

try {
  main();
} catch (e) {
  const known = e instanceof GeoInputError || e instanceof GeoCheckError;
  const message = (e as Error).message.replace(/\s*\n\s*/g, ' ');
  if (process.env.GEO_DEBUG) console.error(e);
  else console.error(`geo: ${message}${known ? '' : ' (set GEO_DEBUG=1 for the stack trace)'}`);
  process.exit(1);
}
