/**
 * Names, aliases and ids of the world gazetteer. Pure functions: tests import them directly.
 */

// Letters NFD does not decompose into a base letter and a combining mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŀ: 'l',
  Ŀ: 'L',
  ĸ: 'k',
  ŉ: 'n',
  ſ: 's',
  // Okina, apostrophes and modifier letters that transliterations use (Kyïvs'ka, Hawaiʻi).
  ʻ: "'",
  ʼ: "'",
  ʿ: "'",
  ʾ: "'",
  '‘': "'",
  '’': "'",
  ʹ: "'",
};

/** The name without diacritics: "Constanța" → "Constanta", "Łódź" → "Lodz". */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u0080-\uffff]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFC');
}

/**
 * Romanian ș/ț are written with a cedilla (ş/ţ) in many sources, GeoNames included: both
 * spellings are aliases.
 */
function romanianVariants(name: string): string[] {
  const comma = name.replace(/ş/g, 'ș').replace(/Ş/g, 'Ș').replace(/ţ/g, 'ț').replace(/Ţ/g, 'Ț');
  const cedilla = name.replace(/ș/g, 'ş').replace(/Ș/g, 'Ş').replace(/ț/g, 'ţ').replace(/Ț/g, 'Ţ');
  return [comma, cedilla];
}

/**
 * Every alias a journalist may write: each given name as written, its comma/cedilla twin and its
 * form without diacritics, in the order given, each once. Cyrillic names stay as written (they
 * have no Latin fold; "й" keeps its breve).
 */
export function aliasesOf(names: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string): void => {
    const t = s.trim().replace(/\s+/g, ' ');
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  };
  for (const n of names) {
    if (!n) continue;
    for (const v of romanianVariants(n)) add(v);
    if (/[A-Za-z\u00c0-\u024f]/.test(n)) add(fold(n));
    else if (/\u0301/.test(n.normalize('NFD')))
      add(
        n
          .normalize('NFD')
          .replace(/\u0301/g, '')
          .normalize('NFC'),
      );
  }
  return out;
}

/** kebab-case ASCII: "Bosnia and Herzegovina" → "bosnia-and-herzegovina"; "" when no Latin. */
export function slug(name: string): string {
  return fold(name)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const KIND_ORDER = [
  'country',
  'region',
  'city',
  'site',
  'incident',
  'lake',
  'river',
  'sea',
  'strait',
] as const;
export type Kind = (typeof KIND_ORDER)[number];

/** What the id rule needs to know of a place. */
export interface IdCandidate {
  /** Ids of curated places: reserved, never given to anything else. */
  fixed?: string;
  name: string;
  kind: Kind;
  /** Bigger is more prominent: area (countries, regions, lakes, seas), population (cities), length (rivers). */
  prominence: number;
  /** ISO 3166-1 alpha-2, lower-cased into the first qualifier. */
  country?: string | null;
  /** ISO 3166-2 code; its part after the dash is the second qualifier. */
  admin1?: string | null;
  /** A region that holds a city of the same name yields the bare id to it (Paris, Constanța). */
  yields?: boolean;
  /** Unique and stable within the kind (GeoNames id, ISO code, config id): the last resort. */
  key: string;
  /** Other names: each keeps its slug from a less prominent place of the same kind ("Odessa",
   * Odesa's alias, is not Odessa, Texas's bare id: a writer typing place:odessa means Odesa). */
  aliases?: readonly string[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A water name that says it is water ("Red Sea", "Gulf of Aden", "Lake Victoria"). */
const WATER_WORD =
  /\b(sea|gulf|bay|lake|strait|straits|channel|passage|reservoir|river|firth|bight|estuary|sound|basin|ocean)\b/i;
const saysWater = (c: IdCandidate): boolean =>
  ['lake', 'river', 'sea', 'strait'].includes(c.kind) && WATER_WORD.test(c.name);
export const isKebabId = (id: string): boolean => ID.test(id);

/**
 * The id rule (geo/README.md, "Ids"). Curated ids are taken first. Then every place's bare id
 * is the slug of its English name; places that share a bare id are ordered by kind (country,
 * region, city, site, incident, lake, river, sea, strait; a region that holds a city of its own
 * name comes right after cities; water whose name says it is water — "Red Sea", "Gulf of
 * Aden" — comes first of all), then prominence (bigger first), then key, and only the first
 * keeps it. Each later one tries, in order:
 *   1. `<bare>-<kind>` for water (`jordan-river`), `<bare>-<country>` otherwise (`georgia-us`);
 *   2. `<bare>-<country>-<admin1 part>` (`paris-us-tx`);
 *   3. `<bare>-<country>-<key>` (the GeoNames id or ISO code), then the same with `-2`, `-3`…
 *      (Natural Earth repeats a few codes);
 * and takes the first one nobody earlier in that order holds. An id depends only on the place
 * and on places with the same bare id: adding an unrelated place never changes it.
 */
export function assignIds(candidates: IdCandidate[]): string[] {
  const ids: string[] = new Array(candidates.length);
  const taken = new Set<string>();
  // Alias slugs by kind, claimed by the places that hold them (most prominent first).
  const claimed = new Set<string>();
  const claim = (c: IdCandidate, id: string) => {
    for (const alias of c.aliases ?? []) {
      const s = slug(alias);
      if (s && s !== id && s !== slug(c.name)) claimed.add(`${c.kind}:${s}`);
    }
  };
  for (const [i, c] of candidates.entries()) {
    if (c.fixed) {
      if (taken.has(c.fixed)) throw new Error(`curated id ${c.fixed} is used twice`);
      taken.add(c.fixed);
      ids[i] = c.fixed;
      claim(c, c.fixed);
    }
  }
  const order = candidates
    .map((c, i) => i)
    .filter((i) => !candidates[i]!.fixed)
    .sort((a, b) => {
      const x = candidates[a]!;
      const y = candidates[b]!;
      const order = (c: IdCandidate): number =>
        saysWater(c) ? -1 : KIND_ORDER.indexOf(c.kind) + (c.yields ? KIND_ORDER.indexOf('city') - 0.5 : 0);
      return (
        order(x) - order(y) ||
        y.prominence - x.prominence ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
      );
    });
  for (const i of order) {
    const c = candidates[i]!;
    const keySlug = slug(c.key) || 'x';
    const bare = slug(c.name) || `${c.kind}-${keySlug}`;
    const country = c.country ? c.country.toLowerCase() : 'intl';
    const sub = c.admin1 ? slug(c.admin1.split('-').slice(1).join('-')) : '';
    const water = ['lake', 'river', 'sea', 'strait'].includes(c.kind);
    const tries = [
      bare,
      water ? `${bare}-${c.kind}` : `${bare}-${country}`,
      ...(water ? [`${bare}-${country}`] : []),
      ...(sub ? [`${bare}-${country}-${sub}`] : []),
      `${bare}-${country}-${keySlug}`,
    ];
    const free = (t: string) => !taken.has(t) && isKebabId(t) && !(t === bare && claimed.has(`${c.kind}:${t}`));
    let id = tries.find(free);
    // Natural Earth repeats a few codes (MD-SN, MD-RE): a counter, in the same order.
    for (let n = 2; !id; n++) {
      const t = `${bare}-${country}-${keySlug}-${n}`;
      if (!taken.has(t)) id = t;
    }
    taken.add(id);
    ids[i] = id;
    claim(c, id);
  }
  return ids;
}
