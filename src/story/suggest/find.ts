// Finds where the text names a place: words matched against the folded name index, with the
// checks a reader makes without thinking: "Lloyd Austin" is a person, "Black Sea Fleet" a navy,
// "Kyiv-based" an adjective, "Romania's" Romania, "Russian forces" no place at all.
import type { PlaceKind } from '../../catalogue/kinds.ts';
import { fold, type NameIndex } from './names.ts';
import {
  CALENDAR,
  DEMONYM_ENDINGS,
  DESCRIPTORS,
  FUNCTION_WORDS,
  IRREGULAR_DEMONYMS,
  KIND_WORDS,
  PART_WORDS,
  PLURAL_KIND_WORDS,
} from './words.ts';

/** A word of the text. Hyphens and possessives split words: "Kyiv-based", "Romania's". */
interface Word {
  start: number;
  end: number;
  text: string;
  upper: boolean;
  caps: boolean;
  /** Joined to the previous word by a hyphen. */
  hyphen: boolean;
  /** Only spaces (at most one line break) since the previous word. */
  spaced: boolean;
  possessive: boolean;
  sentenceStart: boolean;
}

export interface Match {
  start: number;
  end: number;
  text: string;
  ids: string[];
  /** The kind the words around it name ("region" in "Odesa region"). */
  hint?: PlaceKind;
  sentenceStart: boolean;
  /** Single word, not a multi-word name. */
  oneWord: boolean;
  /** Written after "the": "on the Blue Nile" reads as the river, not the province. */
  afterThe: boolean;
  /** The kind word is capitalised, part of the name: "Fly River" is a river, whatever "Fly" is. */
  hintInName?: boolean;
  /** The text also uses the name for a person ("Lloyd Austin ... Austin said"). */
  alsoPerson?: boolean;
  /** Written after a country's possessive: "India's Punjab". */
  ofCountry?: string;
}

export interface Unmatched {
  start: number;
  end: number;
  text: string;
}

export interface Found {
  matches: Match[];
  /** Capitalised names that matched no place (people, organisations, places the gazetteer lacks). */
  unmatched: Unmatched[];
  /** Demonyms seen ("Russian"), with where. */
  demonyms: Unmatched[];
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’ʼ][\p{L}]+)*/gu;
const OPENERS = /[\s"'“‘«([—–-]/u;

/** Words of `text` inside [from, to). */
function words(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  let previousEnd = -1;
  for (const m of slice.matchAll(WORD)) {
    let value = m[0];
    const start = from + m.index;
    const possessive = /['’]s$/u.test(value);
    if (possessive) value = value.slice(0, -2);
    const gap = previousEnd < 0 ? '' : text.slice(previousEnd, start);
    out.push({
      start,
      end: start + value.length,
      text: value,
      upper: /^\p{Lu}/u.test(value),
      caps: value.length >= 2 && /^[\p{Lu}.]+$/u.test(value),
      hyphen: /^[-‐‑]$/u.test(gap),
      spaced: /^[ \t]*\n?[ \t]*$/.test(gap) && gap.length > 0,
      possessive,
      sentenceStart: atSentenceStart(text, start),
    });
    previousEnd = start + m[0].length;
  }
  return out;
}

function atSentenceStart(text: string, at: number): boolean {
  let i = at - 1;
  let breaks = 0;
  while (i >= 0 && OPENERS.test(text.charAt(i))) {
    if (text.charAt(i) === '\n') breaks++;
    i--;
  }
  return i < 0 || breaks >= 2 || /[.!?]/.test(text.charAt(i));
}

const lower = (w: Word | undefined) => (w ? fold(w.text) : '');

/** Every word the text writes in lowercase: "canal" there makes a sentence's "Canal" a word. */
function lowercaseWords(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu)].map((m) => m[0]));
}

export function isDemonym(word: string, isName: (key: string) => boolean): boolean {
  const key = fold(word);
  if (!/^\p{Lu}/u.test(word) || isName(key)) return false;
  if (key in IRREGULAR_DEMONYMS) return true;
  return demonymStem(key, isName) !== undefined;
}

/** The place name a regular demonym comes from: "romanian" → "romania". */
export function demonymStem(key: string, isName: (key: string) => boolean): string | undefined {
  for (const ending of DEMONYM_ENDINGS) {
    if (!key.endsWith(ending)) continue;
    const stem = key.slice(0, -ending.length);
    if (stem.length < 3) continue;
    for (const guess of [
      stem,
      `${stem}a`,
      `${stem}ia`,
      `${stem}e`,
      `${stem}y`,
      `${stem}ey`,
      stem.slice(0, -1),
    ])
      if (guess.length >= 3 && isName(guess)) return guess;
  }
  return undefined;
}

/** Finds place names in the given ranges of `text` (Markdown text nodes, or the whole article). */
export function findMatches(
  text: string,
  ranges: readonly [number, number][],
  index: NameIndex,
): Found {
  const found: Found = { matches: [], unmatched: [], demonyms: [] };
  const isName = (key: string) => index.has(key);
  const lowercase = lowercaseWords(text);
  const people = new Set<string>();
  for (const [from, to] of ranges) {
    const ws = words(text, from, to);
    const covered = new Array<boolean>(ws.length).fill(false);
    const segment: { match: Match; first: number; last: number }[] = [];
    for (let i = 0; i < ws.length; i++) {
      const hit = matchAt(ws, i, index);
      if (!hit) continue;
      const { last, ids } = hit;
      if (hit.skip) i += hit.skip;
      const first = ws[i]!;
      const end = ws[last]!;
      const why = rejected(ws, i, last, index, lowercase);
      if (why === 'person') people.add(fold(text.slice(first.start, end.end)));
      if (why) continue;
      const match: Match = {
        start: first.start,
        end: end.end,
        text: text.slice(first.start, end.end),
        ids,
        hint: kindHint(ws, i, last),
        sentenceStart: first.sentenceStart,
        oneWord: last === i,
        afterThe: lower(ws[i - 1]) === 'the' && first.spaced,
        hintInName: !!ws[last + 1]?.upper && lower(ws[last + 1]) in KIND_WORDS,
        ofCountry: ws[i - 1]?.possessive && first.spaced ? fold(ws[i - 1]!.text) : undefined,
      };
      segment.push({ match, first: i, last });
      for (let k = i; k <= last; k++) covered[k] = true;
      i = last;
    }
    shareHints(segment, ws);
    found.matches.push(...segment.map((s) => s.match));
    collectUnmatched(text, ws, covered, isName, found);
  }
  for (const m of found.matches) if (people.has(fold(m.text))) m.alsoPerson = true;
  return found;
}

/** The longest name starting at word i ("the Gulf of Aden" is tried as "Gulf of Aden" too). */
function matchAt(
  ws: Word[],
  i: number,
  index: NameIndex,
): { last: number; ids: string[]; skip?: number } | undefined {
  const first = ws[i]!;
  if (lower(first) === 'the') {
    if (!ws[i + 1]?.upper) return undefined;
    const withThe = longestAt(ws, i, index);
    const without = longestAt(ws, i + 1, index);
    return without && (!withThe || without.last > withThe.last) ? { ...without, skip: 1 } : withThe;
  }
  return first.upper ? longestAt(ws, i, index) : undefined;
}

function longestAt(
  ws: Word[],
  i: number,
  index: NameIndex,
): { last: number; ids: string[]; skip?: number } | undefined {
  for (let last = Math.min(ws.length - 1, i + index.maxWords - 1); last >= i; last--) {
    let joined = true;
    for (let k = i + 1; k <= last; k++) {
      const w = ws[k]!;
      if ((!w.spaced && !w.hyphen) || ws[k - 1]!.possessive) joined = false;
    }
    if (!joined) continue;
    const span = ws.slice(i, last + 1);
    const entries = index.get(fold(span.map((w) => w.text).join(' ')));
    if (!entries) continue;
    const caps = span.every((w) => w.caps);
    const ids = [...new Set(entries.filter((e) => e.acronym === caps).map((e) => e.id))];
    if (ids.length > 0) return { last, ids };
  }
  return undefined;
}

/** A match that is part of a longer proper name (a person, an organisation), or a plain word. */
function rejected(
  ws: Word[],
  i: number,
  last: number,
  index: NameIndex,
  lowercase: ReadonlySet<string>,
): false | true | 'person' {
  const first = ws[i]!;
  const before = ws[i - 1];
  const after = ws[last + 1];
  const oneWord = i === last;
  const isName = (key: string) => index.has(key);
  const joined = (w: Word | undefined, next: Word | undefined) =>
    !!w && !!next && next.spaced && !w.possessive;
  if (oneWord && first.sentenceStart && FUNCTION_WORDS.has(lower(first))) return true;
  // "Canal revenue fell": a capital that only starts a sentence, a word the text uses in lowercase.
  if (oneWord && first.sentenceStart && lowercase.has(first.text.toLowerCase())) return true;
  if (oneWord && CALENDAR.has(lower(first))) return true;
  // "Guinea-Bissau" unmatched as a whole: "Bissau" alone is not meant.
  if (first.hyphen && before?.upper) return true;
  // "Austria-Hungary" unmatched as a whole; "Kyiv-based", "US-supplied" are adjectives.
  if (after?.hyphen) return true;
  if (joined(before, first) && before!.upper) {
    const word = lower(before);
    // "Lloyd Austin", "Mr Austin", "Tibetan Plateau"; but "In Odesa", "southern Kherson".
    const demonym = isDemonym(before!.text, isName);
    const harmless =
      FUNCTION_WORDS.has(word) ||
      DESCRIPTORS.has(word) ||
      (demonym && !oneWord) ||
      // "Lake Chad" is a name of its own; "Sea Fleet" is not.
      (word in KIND_WORDS && before!.sentenceStart);
    if (!harmless) return 'person'; // "Lloyd Austin", and later "Austin" alone is him too
  }
  // "US Defense Secretary": an acronym reads as the place whatever follows.
  if (joined(ws[last], after) && after!.upper && !ws[last]!.caps) {
    const word = lower(after);
    if (!(word in KIND_WORDS) && !FUNCTION_WORDS.has(word)) return true; // "Washington Post"
    if (PART_WORDS.has(word)) return true; // "Nile Delta"
    // "Mekong River Commission": the kind word starts an organisation's name.
    const third = ws[last + 2];
    if (
      word in KIND_WORDS &&
      joined(after, third) &&
      third!.upper &&
      !FUNCTION_WORDS.has(lower(third))
    )
      return true;
  }
  // "University of Georgia", "Bank of England": an institution of the place, not the place;
  // but "the port of Odesa".
  const head = ws[i - 2];
  if (
    lower(before) === 'of' &&
    joined(head, before) &&
    first.spaced &&
    head!.upper &&
    !head!.sentenceStart
  ) {
    const word = lower(head);
    if (!(word in KIND_WORDS) && !DESCRIPTORS.has(word) && !FUNCTION_WORDS.has(word)) return true;
  }
  // ...and "University" in "University of Georgia" is no town either.
  if (oneWord && lower(after) === 'of' && joined(first, after) && ws[last + 2]?.upper) return true;
  return false;
}

function kindHint(ws: Word[], i: number, last: number): PlaceKind | undefined {
  const after = ws[last + 1];
  if (after && (after.spaced || after.hyphen) && !ws[last]!.possessive) {
    const kind = KIND_WORDS[lower(after)];
    if (kind) return kind;
  }
  const before = ws[i - 1];
  if (before?.spaced || ws[i]!.spaced) {
    if (lower(before) === 'of') {
      const kind = KIND_WORDS[lower(ws[i - 2])];
      if (kind) return kind; // "the port of Odesa", "the region of Kherson"
    }
    if (lower(before) === 'river' || lower(before) === 'lake') return KIND_WORDS[lower(before)];
  }
  return undefined;
}

/** "Kherson and Mykolaiv regions": the plural names Kherson's kind too. */
function shareHints(segment: { match: Match; first: number; last: number }[], ws: Word[]): void {
  for (let k = segment.length - 1; k > 0; k--) {
    const next = segment[k]!;
    const plural = ws[next.last + 1];
    if (!plural || !PLURAL_KIND_WORDS.has(lower(plural))) continue;
    for (let j = k - 1; j >= 0; j--) {
      const prev = segment[j]!;
      const between = ws.slice(prev.last + 1, segment[j + 1]!.first).map(lower);
      if (!between.every((w) => w === 'and' || w === 'or')) break;
      prev.match.hint ??= next.match.hint;
    }
  }
}

const CONNECTORS = new Set([
  'of',
  'the',
  'de',
  'del',
  'da',
  'do',
  'dos',
  'di',
  'al',
  'el',
  'la',
  'von',
  'van',
  'bin',
]);

function collectUnmatched(
  text: string,
  ws: Word[],
  covered: boolean[],
  isName: (key: string) => boolean,
  found: Found,
): void {
  const capitalisedInside = new Set(
    ws.filter((w) => w.upper && !w.sentenceStart).map((w) => w.text),
  );
  let i = 0;
  while (i < ws.length) {
    if (!ws[i]!.upper || covered[i]) {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < ws.length) {
      const next = ws[last + 1]!;
      if (covered[last + 1] || !(next.spaced || next.hyphen) || ws[last]!.possessive) break;
      if (next.upper) last++;
      else if (
        CONNECTORS.has(next.text) &&
        ws[last + 2]?.upper &&
        ws[last + 2]!.spaced &&
        !covered[last + 2]
      )
        last += 2;
      else break;
    }
    // "The Russian", "The Washington Post": the article is not part of the name.
    let head = i;
    while (head < last && FUNCTION_WORDS.has(lower(ws[head]))) head++;
    const span = ws.slice(head, last + 1);
    const run = {
      start: span[0]!.start,
      end: span.at(-1)!.end,
      text: text.slice(span[0]!.start, span.at(-1)!.end),
    };
    const only = span.length === 1 ? span[0]! : undefined;
    if (only && isDemonym(only.text, isName)) found.demonyms.push(run);
    else if (only && (CALENDAR.has(lower(only)) || only.text.length < 2)) {
      // not a name
    } else if (only && only.sentenceStart && !capitalisedInside.has(only.text)) {
      // A lone capitalised word seen only where sentences start ("Insurers", "Debris") is
      // most likely an ordinary word.
    } else if (!span.every((w) => FUNCTION_WORDS.has(lower(w)))) {
      found.unmatched.push(run);
    }
    i = last + 1;
  }
}
