// A first story.md from a plain-text article: front matter with placeholders to fill, the
// places found, each paragraph a passage with an id, and the sure mentions linked. What suggest
// was unsure of, and the names it could not place, are written as comments for the journalist.
import { slugify } from '../../lib/ids.ts';
import type { PlaceFeature } from '../schema.ts';
import type { Suggested, Suggestion } from './suggest.ts';
import { FUNCTION_WORDS } from './words.ts';

/** gazetteer/policy.json: the border policy and the words for each status. */
export interface Policy {
  borders: string;
  statuses: Record<string, { legend: string; description: string; style: string }>;
}

export interface DraftInput {
  text: string;
  suggested: Suggested;
  places: ReadonlyMap<string, PlaceFeature>;
  policy?: Policy;
  /** YYYY-MM-DD, the placeholder publication date. */
  date: string;
}

const HEADLINE_MAX = 200;
const q = (value: string) => JSON.stringify(value);

export function draftStory({ text, suggested, places, policy, date }: DraftInput): string {
  const paragraphs = paragraphRanges(text);
  const first = paragraphs[0];
  const firstText = first ? text.slice(first[0], first[1]) : '';
  const headline =
    paragraphs.length > 1 &&
    !firstText.includes('\n') &&
    firstText.length <= HEADLINE_MAX &&
    !/[.!?]["”’)]?$/.test(firstText);
  const body = headline ? paragraphs.slice(1) : paragraphs;
  const sure = suggested.mentions.filter(
    (m) => m.confident && body.some(([from, to]) => m.start >= from && m.end <= to),
  );

  const ids = new Set<string>();
  const passages = body.map(([from, to]) => {
    const inside = sure.filter((m) => m.start >= from && m.end <= to);
    return {
      line: paragraphMarkdown(text, from, to, inside),
      id: passageId(text.slice(from, to), ids),
    };
  });

  const placeIds = [...new Set(sure.map((m) => m.id))];
  const statuses = [
    ...new Set(
      placeIds.map((id) => places.get(id)?.properties.status).filter((s): s is string => !!s),
    ),
  ];
  const fm: string[] = [
    '---',
    `title: ${q(headline ? firstText.trim() : 'Title of the story')}`,
    '# Drafted by npm run suggest. Fill in the source, date and byline, check every link below,',
    '# then run npm run check:story -- <this folder>.',
    'source:',
    `  outlet: ${q('Name of the publication')}`,
    `published: ${date}`,
    `byline: ${q('Name of the author')}`,
  ];
  if (statuses.length > 0) {
    fm.push(
      "# What each status means and how it is drawn (from the gazetteer's border policy).",
      'statuses:',
    );
    for (const status of statuses) {
      const words = policy?.statuses[status];
      fm.push(
        `  ${status}:`,
        `    legend: ${q(words?.legend ?? status)}`,
        `    description: ${q(words?.description ?? status)}`,
        `    style: ${words?.style ?? 'solid'}`,
      );
    }
    if (policy) fm.push(`borders: ${q(policy.borders)}`);
  }
  fm.push('places:');
  for (const id of placeIds) {
    const m = sure.find((s) => s.id === id)!;
    fm.push(`  ${id}: # ${describe(m)}`);
  }
  const unsure = suggested.mentions.filter((m) => !m.confident);
  if (unsure.length > 0) {
    fm.push('# Found but not linked (unsure which place is meant): link by hand if right.');
    for (const m of unsure) {
      const options = [m, ...m.alternatives]
        .slice(0, 3)
        .map((c) => `${c.id} (${kindAndCountry(c)})`);
      fm.push(`#   line ${m.line}: "${m.text}": ${options.join(' or ')}`);
    }
  }
  if (suggested.unresolved.length > 0) {
    fm.push('# Capitalised names that match no place (people, organisations, or places to add):');
    fm.push(`#   ${suggested.unresolved.map((u) => q(u.text)).join(', ')}`);
  }
  fm.push('---', '');
  return `${fm.join('\n')}\n${passages.map((p) => `${p.line} {#${p.id}}`).join('\n\n')}\n`;
}

function describe(m: Suggestion): string {
  return `${m.name} (${kindAndCountry(m)})`;
}

export function kindAndCountry(c: { kind: string; country: string | null }): string {
  return c.country && c.kind !== 'country' ? `${c.kind}, ${c.country}` : c.kind;
}

/** [start, end) of each paragraph: text between blank lines, trimmed. */
function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)) {
    const value = m[0];
    const lead = value.length - value.trimStart().length;
    const trimmed = value.trim();
    if (trimmed !== '') ranges.push([m.index + lead, m.index + lead + trimmed.length]);
  }
  return ranges;
}

/** The paragraph as one Markdown line: prose escaped, sure mentions linked. */
function paragraphMarkdown(text: string, from: number, to: number, mentions: Suggestion[]): string {
  let out = '';
  let at = from;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    out += escapeProse(text.slice(at, m.start));
    out += `[${escapeProse(m.text)}](place:${m.id})`;
    at = m.end;
  }
  out += escapeProse(text.slice(at, to));
  out = out.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
  // A line that starts like a heading, quote or list item would not be a paragraph.
  return out.replace(/^([#>+-]|\d+[.)](?=\s))/, '\\$1').replace(/^(\*)(?=\s)/, '\\$1');
}

function escapeProse(value: string): string {
  return value.replace(/[\\`*_[\]<>{}]/g, '\\$&');
}

/** Like check:story's own suggestion: the paragraph's first three words that say something. */
function passageId(paragraph: string, taken: Set<string>): string {
  const words = paragraph.split(/\s+/).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  const base = slugify(words.slice(0, 3).join(' ')) || 'passage';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
