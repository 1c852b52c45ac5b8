// Finds place names written as plain text (not yet linked): the step from a raw article to a
// linked story. Names come from the places themselves (name, name_uk, name_ru, aliases).
import type { Nodes } from 'mdast';
import { LineIndex } from './diagnostics.ts';
import { placeNames } from './gazetteer.ts';
import { parseMarkdown } from './parse.ts';
import type { PlaceFeature } from './schema.ts';

export interface Suggestion {
  offset: number;
  line: number;
  column: number;
  /** The words as written. */
  text: string;
  /** Places with that name, gazetteer order; usually one. */
  placeIds: string[];
  /** The Markdown to write instead, linking the first place. */
  link: string;
}

// Hyphens count as part of a word so "US-supplied" or "Kyiv-based" are not split.
const BEFORE = '(?<![\\p{L}\\p{N}_\\-])';
const AFTER = '(?![\\p{L}\\p{N}_\\-])';
const SKIP = new Set([
  'link',
  'linkReference',
  'image',
  'imageReference',
  'inlineCode',
  'code',
  'html',
]);

export function findUnlinkedMentions(text: string, places: Iterable<PlaceFeature>): Suggestion[] {
  const byName = new Map<string, string[]>();
  for (const feature of places) {
    for (const name of placeNames(feature)) {
      if (name.trim().length < 2) continue;
      const ids = byName.get(key(name)) ?? [];
      if (!ids.includes(feature.id)) ids.push(feature.id);
      byName.set(key(name), ids);
    }
  }
  if (byName.size === 0) return [];
  // Longest names first, so "Crimean peninsula" wins over "Crimea" at the same position.
  const alternatives = [...byName.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => {
      const first = name.charAt(0);
      const head =
        first.toUpperCase() !== first ? `[${first}${first.toUpperCase()}]` : escape(first);
      return head + escape(name.slice(1));
    });
  const pattern = new RegExp(`${BEFORE}(?:${alternatives.join('|')})${AFTER}`, 'gu');

  const lines = new LineIndex(text);
  const found: Suggestion[] = [];
  const visit = (node: Nodes) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'text' && node.position) {
      const from = node.position.start.offset ?? 0;
      // Passage ids such as {#crimea} are not mentions.
      const slice = text
        .slice(from, node.position.end.offset)
        .replace(/\{#[^{}]*\}/g, (m) => ' '.repeat(m.length));
      for (const m of slice.matchAll(pattern)) {
        const placeIds = byName.get(key(m[0])) ?? [];
        const offset = from + m.index;
        found.push({
          offset,
          ...lines.position(offset),
          text: m[0],
          placeIds,
          link: `[${m[0]}](place:${placeIds[0]})`,
        });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(text));
  return found.sort((a, b) => a.offset - b.offset);
}

/** A sentence may capitalise a name's first letter ("The Pentagon"), nothing else. */
function key(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
