// npm run suggest -- <article.md or .txt> [--gazetteer path]
// Lists place names written as plain text, with the Markdown link to write instead.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeText, MAX_STORY_BYTES, oversize, type Decoded } from '../src/story/decode.ts';
import { formatDiagnostic } from '../src/story/diagnostics.ts';
import {
  DEFAULT_GAZETTEER,
  displayPath,
  LOCAL_PLACES_FILE,
  loadPlaces,
} from '../src/story/load.ts';
import { findUnlinkedMentions } from '../src/story/suggest.ts';

function main(argv: string[]): number {
  let gazetteerPath = DEFAULT_GAZETTEER;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--gazetteer') gazetteerPath = argv[++i] ?? '';
    else if (arg.startsWith('--gazetteer=')) gazetteerPath = arg.slice('--gazetteer='.length);
    else files.push(arg);
  }
  const target = files[0];
  if (files.length !== 1 || !target || !gazetteerPath) {
    console.error('usage: npm run suggest -- <article file> [--gazetteer <path>]');
    return 2;
  }
  const absolute = path.resolve(target);
  const file = displayPath(absolute, process.cwd());
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    console.error(`${file}:1:1: file not found`);
    return 1;
  }
  const size = statSync(absolute).size;
  const decoded: Decoded =
    size > MAX_STORY_BYTES
      ? { diagnostics: [oversize(file, size, MAX_STORY_BYTES, 'a story')] }
      : decodeText(readFileSync(absolute), file, MAX_STORY_BYTES);
  const tables = [loadPlaces(gazetteerPath, { what: 'gazetteer' })];
  const localPath = path.join(path.dirname(absolute), LOCAL_PLACES_FILE);
  if (existsSync(localPath)) tables.push(loadPlaces(localPath));
  const problems = [...decoded.diagnostics, ...tables.flatMap((t) => t.diagnostics)];
  for (const d of problems) console.error(formatDiagnostic(d));
  if (decoded.text === undefined || problems.length > 0) return 1;

  const suggestions = findUnlinkedMentions(
    decoded.text,
    tables.flatMap((t) => [...t.places.values()]),
  );
  for (const s of suggestions) {
    const others = s.placeIds.slice(1).map((id) => `place:${id}`);
    const alternatives = others.length > 0 ? ` (or ${others.join(', ')})` : '';
    console.log(`${file}:${s.line}:${s.column}: "${s.text}" → ${s.link}${alternatives}`);
  }
  console.log(
    suggestions.length === 0
      ? `${file}: no unlinked place names`
      : `${file}: ${suggestions.length} unlinked place names`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`suggest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
