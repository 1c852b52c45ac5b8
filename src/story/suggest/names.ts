// Every name of every place, folded so that a journalist's spelling finds the gazetteer's:
// "Constanta", "Constanța" and "Constanţa" are one key, "P’ot’i" is "Poti", "U.S." is "US".
import { placeNames } from '../gazetteer.ts';
import type { PlaceFeature } from '../schema.ts';

const LETTERS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
};

/** The comparison key of a name: no diacritics, lowercase, no apostrophes or periods, hyphens as spaces. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ıłøæœßđðþħ]/g, (c) => LETTERS[c] ?? c)
    .replace(/['’ʼʻ`´.]/g, '')
    .replace(/[\s\-‐‑–—_]+/g, ' ')
    .trim();
}

/** "US", "U.S.", "UAE": written in capitals, matched only by capitals (so "Us" and "Nato" stay words). */
export function isAcronym(written: string): boolean {
  const letters = written.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}

export interface NameEntry {
  id: string;
  acronym: boolean;
}

export interface NameIndex {
  get(key: string): NameEntry[] | undefined;
  has(key: string): boolean;
  /** The most words in any name, so a match never needs to look further. */
  maxWords: number;
}

const cache = new WeakMap<object, NameIndex>();

/** Builds (once per place map) the folded-name index of every place's names. */
export function nameIndex(places: ReadonlyMap<string, PlaceFeature>): NameIndex {
  const cached = cache.get(places);
  if (cached) return cached;
  const byKey = new Map<string, NameEntry[]>();
  let maxWords = 1;
  for (const [id, feature] of places) {
    for (const written of placeNames(feature)) {
      const key = fold(written);
      const acronym = isAcronym(written);
      // Two-letter words are too often something else, unless written as an acronym.
      if (key.replace(/ /g, '').length < (acronym ? 2 : 3)) continue;
      const entries = byKey.get(key) ?? [];
      if (!entries.some((e) => e.id === id && e.acronym === acronym)) entries.push({ id, acronym });
      byKey.set(key, entries);
      maxWords = Math.max(maxWords, key.split(' ').length);
    }
  }
  const index: NameIndex = {
    get: (key) => byKey.get(key),
    has: (key) => byKey.has(key),
    maxWords: Math.min(maxWords, 8),
  };
  cache.set(places, index);
  return index;
}
