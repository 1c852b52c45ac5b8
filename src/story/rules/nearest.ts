// What an unknown place id was probably meant to be, across 30,000 places: the place whose name
// or alias it spells (all of them, qualified, when several share it), else the ids a small edit
// away. Each with its kind and country, so "odessa" reads "odesa (city, Ukraine)".
import { closest, distance } from 'fastest-levenshtein';
import { KIND_IDS } from '../../catalogue/kinds.ts';
import { placeNames } from '../gazetteer.ts';
import { slugify } from '../../lib/ids.ts';
import type { PlaceFeature } from '../schema.ts';

export interface NearPlace {
  id: string;
  kind: string;
  country?: string;
}

export interface Nearest {
  /** Places whose name or alias is the id as written. */
  named: NearPlace[];
  /** Ids a small edit away, nearest first. */
  similar: NearPlace[];
}

const MAX_LISTED = 4;
const bySlug = new WeakMap<object, Map<string, string[]>>();

function slugIndex(known: ReadonlyMap<string, PlaceFeature>): Map<string, string[]> {
  let index = bySlug.get(known);
  if (index) return index;
  index = new Map();
  for (const [id, feature] of known) {
    for (const name of placeNames(feature)) {
      const key = bare(name);
      const ids = index.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      index.set(key, ids);
    }
  }
  bySlug.set(known, index);
  return index;
}

const bare = (value: string) => slugify(value).replace(/^the-/, '');

/** Which of several places of one name a writer most likely means: a country, then a city (Odesa
 * the city before the oblast named after it), then the rest in the catalogue's order. */
const KIND_ORDER: string[] = [
  'country',
  'city',
  ...KIND_IDS.filter((k) => k !== 'country' && k !== 'city'),
];

/** Most prominent first: by kind, then the gazetteer's rank. */
function prominence(known: ReadonlyMap<string, PlaceFeature>) {
  const rank = (id: string) =>
    Number((known.get(id)?.properties as { rank?: number }).rank ?? Infinity);
  const kind = (id: string) => KIND_ORDER.indexOf(known.get(id)!.properties.kind);
  return (a: string, b: string) => kind(a) - kind(b) || rank(a) - rank(b) || a.localeCompare(b);
}

function describe(id: string, known: ReadonlyMap<string, PlaceFeature>): NearPlace {
  const p = known.get(id)!.properties as PlaceFeature['properties'] & {
    country_name?: string | null;
  };
  return {
    id,
    kind: p.kind,
    country: p.kind === 'country' ? undefined : (p.country_name ?? undefined),
  };
}

export function nearestPlaces(id: string, known: ReadonlyMap<string, PlaceFeature>): Nearest {
  if (known.size === 0) return { named: [], similar: [] };
  const wanted = bare(id);
  const order = prominence(known);
  if (known.has(wanted) && wanted !== id) return { named: [describe(wanted, known)], similar: [] };
  const named = (slugIndex(known).get(wanted) ?? []).filter((n) => n !== id).sort(order);
  if (named.length > 0) {
    return { named: named.slice(0, MAX_LISTED).map((n) => describe(n, known)), similar: [] };
  }
  const qualified = byQualifier(wanted, known).sort(order);
  if (qualified.length > 0) {
    return { named: [], similar: qualified.slice(0, MAX_LISTED).map((n) => describe(n, known)) };
  }
  const ids = [...known.keys()];
  const best = closest(wanted, ids);
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const bestDistance = distance(wanted, best);
  if (bestDistance > limit) return { named: [], similar: [] };
  // Every id as near as the nearest: "paris-tx" is as near paris-us as paris-mo.
  const similar = ids.filter((c) => distance(wanted, c) === bestDistance).sort(order);
  return { named: [], similar: similar.slice(0, MAX_LISTED).map((n) => describe(n, known)) };
}

interface Where {
  country?: string | null;
  admin1?: string | null;
}

/** "paris-texas", "georgia-usa": a name, then the region or country it is in. */
function byQualifier(wanted: string, known: ReadonlyMap<string, PlaceFeature>): string[] {
  const index = slugIndex(known);
  const where = (id: string) => known.get(id)!.properties as Where;
  const parts = wanted.split('-');
  for (let k = parts.length - 1; k >= 1; k--) {
    const name = parts.slice(0, k).join('-');
    const qualifier = parts.slice(k).join('-');
    const places = index.get(name);
    const areas = (index.get(qualifier) ?? []).filter((a) => {
      const kind = known.get(a)!.properties.kind;
      return kind === 'country' || kind === 'region';
    });
    if (!places || areas.length === 0) continue;
    const found = places.filter((p) =>
      areas.some((a) => {
        const area = where(a);
        const kind = known.get(a)!.properties.kind;
        return kind === 'country'
          ? !!area.country && where(p).country === area.country && p !== a
          : !!area.admin1 && where(p).admin1 === area.admin1 && p !== a;
      }),
    );
    if (found.length > 0) return found;
  }
  return [];
}

/** `"odesa" (city, Ukraine)` */
export function formatNear(p: NearPlace): string {
  return `"${p.id}" (${p.country ? `${p.kind}, ${p.country}` : p.kind})`;
}

/** The end of an unknown-place message: " — did you mean …?", or nothing to offer. */
export function didYouMean(
  id: string,
  known: ReadonlyMap<string, PlaceFeature>,
): string | undefined {
  const { named, similar } = nearestPlaces(id, known);
  const list = [...named, ...similar];
  if (list.length === 0) return undefined;
  if (named.length > 1) {
    return ` — several places are called that: ${named.map(formatNear).join(', ')}; use the id of the one you mean`;
  }
  return ` — did you mean ${list.map(formatNear).join(' or ')}?`;
}
