// From a raw article (or a story.md) to the places it names: where each name is, which place it
// most likely means and how sure that is, the other places of that name, and the capitalised
// names that matched nothing. The step before check:story.
import turfBbox from '@turf/bbox';
import type { Nodes } from 'mdast';
import { LineIndex } from '../diagnostics.ts';
import { parseMarkdown } from '../markdown.ts';
import type { PlaceFeature } from '../schema.ts';
import { demonymStem, findMatches, type Match, type Unmatched } from './find.ts';
import { fold, nameIndex } from './names.ts';
import { CONFIDENT, pointOf, rankMatches } from './rank.ts';
import { IRREGULAR_DEMONYMS } from './words.ts';

export interface PlaceChoice {
  id: string;
  name: string;
  kind: string;
  /** The country's English name, if the place is in one. */
  country: string | null;
  score: number;
}

export interface Suggestion extends PlaceChoice {
  /** The words as written. */
  text: string;
  /** Offsets in the input (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  line: number;
  column: number;
  /** A point on or in the place. */
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
  /** Linked in a draft (score ≥ CONFIDENT); otherwise offered. */
  confident: boolean;
  /** Other places of the same name, most likely first. */
  alternatives: PlaceChoice[];
}

export interface Unresolved {
  text: string;
  start: number;
  line: number;
  column: number;
  /** How often the text names it. */
  count: number;
}

export interface Suggested {
  mentions: Suggestion[];
  unresolved: Unresolved[];
}

export interface SuggestOptions {
  /** Link demonyms ("Russian forces") to their country too. */
  demonyms?: boolean;
}

// Not prose: links, code and raw HTML are left alone.
const SKIP = new Set([
  'link',
  'linkReference',
  'image',
  'imageReference',
  'inlineCode',
  'code',
  'html',
]);

export function suggest(
  text: string,
  places: ReadonlyMap<string, PlaceFeature>,
  options: SuggestOptions = {},
): Suggested {
  const index = nameIndex(places);
  // Passage ids such as {#crimea} are not mentions.
  const prose = text.replace(/\{#[^{}]*\}/g, (m) => ' '.repeat(m.length));
  const found = findMatches(prose, proseRanges(text), index);
  const matches = found.matches.filter((m) => m.ids.every((id) => places.has(id)));
  if (options.demonyms) matches.push(...demonymMatches(found.demonyms, index, places));
  matches.sort((a, b) => a.start - b.start);
  const lines = new LineIndex(text);
  const choice = (id: string, score: number): PlaceChoice => {
    const p = places.get(id)!.properties as PlaceFeature['properties'] & {
      country_name?: string | null;
    };
    return { id, name: p.name, kind: p.kind, country: p.country_name ?? null, score };
  };
  const mentions = rankMatches(text, matches, places).map(({ match, candidates, score }) => {
    const [best, ...rest] = candidates;
    const feature = places.get(best!.id)!;
    const [lon, lat] = pointOf(feature) ?? [0, 0];
    return {
      ...choice(best!.id, score),
      text: match.text,
      start: match.start,
      end: match.end,
      ...lines.position(match.start),
      lon,
      lat,
      bbox: (feature.geometry ? turfBbox(feature.geometry) : [lon, lat, lon, lat]).slice(
        0,
        4,
      ) as Suggestion['bbox'],
      confident: score >= CONFIDENT,
      alternatives: rest.map((c) => choice(c.id, c.score)),
    };
  });
  return { mentions, unresolved: tally(found.unmatched, lines) };
}

/** Offsets of the article's prose: Markdown text nodes (front matter, links and code excluded). */
function proseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const visit = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'text' && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(text));
  return ranges;
}

function demonymMatches(
  demonyms: Unmatched[],
  index: ReturnType<typeof nameIndex>,
  places: ReadonlyMap<string, PlaceFeature>,
): Match[] {
  return demonyms.flatMap((d) => {
    const key = fold(d.text);
    const irregular = IRREGULAR_DEMONYMS[key];
    const isCountry = (k: string) =>
      (index.get(k) ?? []).some((e) => places.get(e.id)?.properties.kind === 'country');
    const stem =
      irregular === undefined ? demonymStem(key, isCountry) : irregular && fold(irregular);
    const ids = (stem ? (index.get(stem) ?? []) : [])
      .map((e) => e.id)
      .filter((id) => places.get(id)?.properties.kind === 'country');
    if (ids.length === 0) return [];
    return [{ ...d, ids, sentenceStart: false, oneWord: true, afterThe: false }];
  });
}

function tally(unmatched: Unmatched[], lines: LineIndex): Unresolved[] {
  const byText = new Map<string, Unresolved>();
  for (const u of unmatched) {
    const seen = byText.get(u.text);
    if (seen) seen.count++;
    else byText.set(u.text, { text: u.text, start: u.start, ...lines.position(u.start), count: 1 });
  }
  return [...byText.values()];
}
