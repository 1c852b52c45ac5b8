// Node-only: reads a story folder and the gazetteer from disk, then runs the pure checks.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { checkStory, type CheckResult } from './check.ts';
import { MAX_STORY_BYTES, oversize } from './decode.ts';
import {
  emptyPlaceTable,
  MAX_PLACES_BYTES,
  parseFeatureLines,
  parsePlaces,
  type PlaceTable,
} from './gazetteer.ts';

export { formatDiagnostic } from './diagnostics.ts';
export type { CheckResult } from './check.ts';

/** The world gazetteer, built by `npm run geo`; read at build time, never shipped. */
export const DEFAULT_GAZETTEER = 'gazetteer/world.geojson.gz';
export const STORY_FILE = 'story.md';
export const LOCAL_PLACES_FILE = 'places.geojson';

export interface LoadOptions {
  /** Path of the gazetteer, or one already loaded (to share it between stories). */
  gazetteer?: string | PlaceTable;
  /** Base for relative paths, and what diagnostics' paths are relative to. */
  cwd?: string;
}

/** Reads `<folder>/story.md` (or the given .md file), its places.geojson and the gazetteer. */
export function loadStory(
  target: string,
  options: LoadOptions = {},
): CheckResult & { file: string } {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, target);
  if (!existsSync(absolute)) {
    const file = displayPath(absolute, cwd);
    const message = 'not found: give a story folder or its story.md';
    return { file, diagnostics: [{ file, line: 1, column: 1, message }] };
  }
  const isFolder = statSync(absolute).isDirectory();
  const folder = isFolder ? absolute : path.dirname(absolute);
  const storyPath = isFolder ? path.join(folder, STORY_FILE) : absolute;
  const file = displayPath(storyPath, cwd);

  if (!existsSync(storyPath) || !statSync(storyPath).isFile()) {
    const message = `no ${STORY_FILE} in this folder: a story folder holds ${STORY_FILE} (see docs/story-format.md)`;
    return { file, diagnostics: [{ file, line: 1, column: 1, message }] };
  }
  const size = statSync(storyPath).size;
  if (size > MAX_STORY_BYTES) {
    return { file, diagnostics: [oversize(file, size, MAX_STORY_BYTES, 'a story')] };
  }

  const gazetteer =
    typeof options.gazetteer === 'object'
      ? options.gazetteer
      : loadPlaces(options.gazetteer ?? DEFAULT_GAZETTEER, { cwd, what: 'gazetteer' });
  const localPath = path.join(folder, LOCAL_PLACES_FILE);
  const local = existsSync(localPath) ? loadPlaces(localPath, { cwd }) : undefined;
  const result = checkStory({
    file,
    source: readFileSync(storyPath),
    slug: path.basename(folder),
    gazetteer,
    local,
  });
  return { file, ...result };
}

/** Reads and validates a places GeoJSON file; a missing file is a diagnostic, not an exception. */
export function loadPlaces(
  target: string,
  { cwd = process.cwd(), what = 'places file' }: { cwd?: string; what?: string } = {},
): PlaceTable {
  const absolute = path.resolve(cwd, target);
  const file = displayPath(absolute, cwd);
  const fail = (message: string) => emptyPlaceTable(file, [{ file, line: 1, column: 1, message }]);
  if (!existsSync(absolute)) {
    return fail(
      what === 'gazetteer' ? 'gazetteer not found: build it with npm run geo' : `${what} not found`,
    );
  }
  const size = statSync(absolute).size;
  if (size > MAX_PLACES_BYTES)
    return fail(oversize(file, size, MAX_PLACES_BYTES, `a ${what}`).message);
  if (!absolute.endsWith('.gz')) return parsePlaces(readFileSync(absolute), file);
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(absolute), { maxOutputLength: MAX_PLACES_BYTES });
  } catch {
    return fail(
      `not a gzip file of at most ${MAX_PLACES_BYTES / 1024 / 1024} MB: rebuild it with npm run geo`,
    );
  }
  return parseFeatureLines(bytes.toString('utf8'), file);
}

/** Paths as the author typed them: relative to the working folder, with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? absolute : relative).split(path.sep).join('/');
}

/** Story folders under `root` that hold a story.md, sorted, as paths relative to `cwd`. */
export function listStories(root = 'stories', cwd = process.cwd()): string[] {
  const absolute = path.resolve(cwd, root);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(absolute, e.name, STORY_FILE)))
    .map((e) => displayPath(path.join(absolute, e.name), cwd))
    .sort();
}
