// npm run suggest -- <article.txt or story.md> [--json] [--write <folder> [--force]] [--demonyms]
//   [--gazetteer path]
// Finds the places an article names. By default prints each as path:line:column with the link to
// write; --json prints one object per mention; --write drafts <folder>/story.md from the article.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText, MAX_STORY_BYTES, oversize, type Decoded } from '../src/story/decode.ts';
import { formatDiagnostic } from '../src/story/diagnostics.ts';
import {
  DEFAULT_GAZETTEER,
  displayPath,
  LOCAL_PLACES_FILE,
  loadPlaces,
  STORY_FILE,
} from '../src/story/load.ts';
import { draftStory, kindAndCountry, type Policy } from '../src/story/suggest/draft.ts';
import { suggest, type Suggestion } from '../src/story/suggest/suggest.ts';

const USAGE =
  'usage: npm run suggest -- <article file> [--json] [--write <folder> [--force]] [--demonyms] [--gazetteer <path>]';

interface Options {
  file?: string;
  gazetteer: string;
  json: boolean;
  write?: string;
  force: boolean;
  demonyms: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = {
    gazetteer: DEFAULT_GAZETTEER,
    json: false,
    force: false,
    demonyms: false,
  };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--gazetteer') options.gazetteer = value();
    else if (name === '--write') options.write = value();
    else if (name === '--json') options.json = true;
    else if (name === '--force') options.force = true;
    else if (name === '--demonyms') options.demonyms = true;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 1 || !options.gazetteer || options.write === '')
    return 'give one article file';
  options.file = files[0];
  return options;
}

function main(argv: string[]): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`suggest: ${options}\n${USAGE}`);
    return 2;
  }
  const absolute = path.resolve(options.file!);
  const file = displayPath(absolute, process.cwd());
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    console.error(`${file}:1:1: file not found: give the article as a .txt or .md file`);
    return 1;
  }
  const size = statSync(absolute).size;
  const decoded: Decoded =
    size > MAX_STORY_BYTES
      ? { diagnostics: [oversize(file, size, MAX_STORY_BYTES, 'an article')] }
      : decodeText(readFileSync(absolute), file, MAX_STORY_BYTES, 'an article');
  const tables = [loadPlaces(options.gazetteer, { what: 'gazetteer' })];
  const localPath = path.join(path.dirname(absolute), LOCAL_PLACES_FILE);
  if (existsSync(localPath)) tables.push(loadPlaces(localPath));
  const problems = [...decoded.diagnostics, ...tables.flatMap((t) => t.diagnostics)];
  for (const d of problems) console.error(formatDiagnostic(d));
  if (decoded.text === undefined || problems.length > 0) return 1;

  const places = new Map(tables.flatMap((t) => [...t.places]));
  const suggested = suggest(decoded.text, places, { demonyms: options.demonyms });

  if (options.write !== undefined) {
    const target = path.resolve(options.write, STORY_FILE);
    const shown = displayPath(target, process.cwd());
    if (existsSync(target) && !options.force) {
      console.error(
        `${shown}:1:1: already exists: choose another folder, or add --force to replace it`,
      );
      return 1;
    }
    const policyPath = path.join(path.dirname(path.resolve(options.gazetteer)), 'policy.json');
    const policy = existsSync(policyPath)
      ? (JSON.parse(readFileSync(policyPath, 'utf8')) as Policy)
      : undefined;
    const date = new Date().toISOString().slice(0, 10);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, draftStory({ text: decoded.text, suggested, places, policy, date }));
    const sure = suggested.mentions.filter((m) => m.confident).length;
    console.log(
      `${shown}: drafted with ${sure} linked mentions, ${suggested.mentions.length - sure} to check and ${suggested.unresolved.length} names not found (see its front matter); next: npm run check:story -- ${displayPath(path.dirname(target), process.cwd())}`,
    );
    return 0;
  }

  if (options.json) {
    const rows = suggested.mentions.map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      id: m.id,
      name: m.name,
      kind: m.kind,
      country: m.country,
      lon: m.lon,
      lat: m.lat,
      bbox: m.bbox,
      score: m.score,
      confident: m.confident,
      alternatives: m.alternatives,
    }));
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }

  for (const m of suggested.mentions) console.log(`${file}:${m.line}:${m.column}: ${line(m)}`);
  for (const u of suggested.unresolved) {
    const times = u.count > 1 ? ` (${u.count} times)` : '';
    console.log(`${file}:${u.line}:${u.column}: "${u.text}"${times}: no place of this name`);
  }
  const sure = suggested.mentions.filter((m) => m.confident).length;
  console.log(
    `${file}: ${suggested.mentions.length} unlinked place names (${sure} sure), ${suggested.unresolved.length} names not found`,
  );
  return 0;
}

function line(m: Suggestion): string {
  const where = kindAndCountry(m);
  const others = m.alternatives.slice(0, 3).map((a) => `place:${a.id} (${kindAndCountry(a)})`);
  const or = others.length > 0 ? `; or ${others.join(', ')}` : '';
  const unsure = m.confident ? '' : ', unsure';
  return `"${m.text}" → [${m.text}](place:${m.id}) (${where}${unsure}${or})`;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`suggest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
