// Picks the place a name means, the way an editor would: a country or a sea over a small town
// of the same name, the kind the words around it name, and above all what else the article is
// about (its countries, its regions, the places near the others it names).
import turfDistance from '@turf/distance';
import type { PlaceKind } from '../../catalogue/kinds.ts';
import type { PlaceFeature } from '../schema.ts';
import type { Match } from './find.ts';
import { fold } from './names.ts';

export interface Candidate {
  id: string;
  score: number;
}

export interface Ranked {
  match: Match;
  /** Best first. */
  candidates: Candidate[];
  /** 0–1: how sure the pick is (a clear favourite of a plausible place is near 1). */
  score: number;
}

/** A link is drafted at or above this score; below it the place is offered, not linked. */
export const CONFIDENT = 0.6;

const PROMINENCE: Partial<Record<PlaceKind, number>> = {
  country: 1.25,
  sea: 0.9,
  strait: 0.9,
  river: 0.85,
  lake: 0.8,
  site: 0.7,
  incident: 0.7,
};
/** A place called by its own name, not an alias ("Batumi" the city, not Adjara's capital). */
const OWN_NAME = 0.15;
const CAPITAL = { country: 0.25, region: 0.08 };
const CLEAR_LEAD = 0.3;
/** A name the text also gives a person: offered, seldom sure. */
const PERSON = 1;
/** Seas and rivers take "the"; regions and towns seldom do. */
const WATER_THE = 0.3;
/** Water has no country: lying near the article's places stands in for sharing one. */
const WATER_NEAR_KM = 500;
const KIND_HINT = 0.8;
const WRONG_KIND = 0.6;
const SAME_COUNTRY = 0.45;
const SAME_REGION = 0.35;
const NEAR = 0.5;
const NEAR_KM = 1000;
/** "Paris, Texas": the place after the comma is the first one's region or country. */
const QUALIFIED = 0.8;

interface Facts {
  kind: PlaceKind;
  name: string;
  capital?: 'country' | 'region';
  area: number;
  /** Where distances are measured from: a line's vertices, else one point. */
  points: [number, number][];
  country?: string;
  admin1?: string;
  population: number;
  point?: [number, number];
}

export function rankMatches(
  text: string,
  matches: Match[],
  places: ReadonlyMap<string, PlaceFeature>,
): Ranked[] {
  const facts = new Map<string, Facts>();
  const factsOf = (id: string): Facts => {
    let f = facts.get(id);
    if (!f) {
      f = readFacts(places.get(id)!);
      facts.set(id, f);
    }
    return f;
  };
  // First without context: what each name means on its own.
  // "Fly River" where the gazetteer knows only a province called Fly: another place.
  matches = matches.filter(
    (m) => !m.hintInName || !m.hint || m.ids.some((id) => sameKind(factsOf(id).kind, m.hint!)),
  );
  let ranked = matches.map((match) =>
    rank(
      match,
      match.ids.map((id) => [id, prior(factsOf(id), match)]),
    ),
  );
  // Then twice with what the article's clear mentions say, so one clear pick helps the next.
  const pairs = qualifierPairs(text, matches, factsOf);
  // The country a name stands for, by its mention in this text ("India's" → IN).
  const countryOf = (key: string) => {
    const m = matches.find((x) => fold(x.text) === key);
    const id = m?.ids.find((i) => factsOf(i).kind === 'country');
    return id ? factsOf(id).country : undefined;
  };
  for (let round = 0; round < 2; round++) {
    const anchors = ranked.filter((r) => r.score >= CONFIDENT);
    ranked = ranked.map((r, i) => {
      const others = anchors.filter((a) => a !== ranked[i]).map((a) => a.candidates[0]!.id);
      const context = contextOf(others, factsOf);
      return rank(
        r.match,
        r.match.ids.map((id) => {
          const f = factsOf(id);
          const qualified = pairs.get(i)?.has(id) ? QUALIFIED : 0;
          return [
            id,
            prior(f, r.match) + fit(f, context) + qualified + possessed(f, r.match, countryOf),
          ];
        }),
      );
    });
  }
  return ranked;
}

/**
 * "Paris, Texas", "Rome, Georgia": a place, a comma, then its region or country. Both names'
 * fitting candidates (by match index) are the ones meant.
 */
function qualifierPairs(
  text: string,
  matches: Match[],
  factsOf: (id: string) => Facts,
): Map<number, Set<string>> {
  const pairs = new Map<number, Set<string>>();
  const add = (i: number, id: string) => pairs.set(i, (pairs.get(i) ?? new Set()).add(id));
  matches.forEach((m, i) => {
    const next = matches[i + 1];
    if (!next || !/^,\s*$/.test(text.slice(m.end, next.start))) return;
    // "Constanța, Constanta": a list of spellings, not a place and its region.
    if (fold(m.text) === fold(next.text)) return;
    for (const id of m.ids) {
      const f = factsOf(id);
      if (f.kind === 'country' || f.kind === 'region') continue;
      for (const qid of next.ids) {
        const q = factsOf(qid);
        const fits =
          (q.kind === 'country' && !!f.country && f.country === q.country) ||
          (q.kind === 'region' && !!f.admin1 && f.admin1 === q.admin1);
        if (fits) {
          add(i, id);
          add(i + 1, qid);
        }
      }
    }
  });
  return pairs;
}

function rank(match: Match, scored: [string, number][]): Ranked {
  const candidates = scored
    .map(([id, score]) => ({ id, score: round(score) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const [best, second] = candidates;
  const plausible = Math.min(1, best!.score);
  // A lead of CLEAR_LEAD over the next reads as sure; a tie as a coin toss.
  const clarity = second ? Math.min(1, 0.5 + (best!.score - second.score) / (2 * CLEAR_LEAD)) : 1;
  return { match, candidates, score: round(plausible * clarity) };
}

function prior(f: Facts, match: Match): number {
  let score =
    f.kind === 'city' || f.kind === 'port'
      ? 0.1 + 0.12 * Math.log10(Math.max(f.population, 1000)) + (f.capital ? CAPITAL[f.capital] : 0)
      : f.kind === 'region'
        ? 0.4 + 0.04 * Math.log10(Math.max(f.area, 1))
        : (PROMINENCE[f.kind] ?? 0.6);
  // "Washington, D.C." is called Washington.
  if (fold(f.name.split(',')[0]!) === fold(match.text.replace(/^the\s+/i, ''))) score += OWN_NAME;
  if (match.afterThe && WATER.has(f.kind)) score += WATER_THE;
  // Countries that take "the" have it in their names ("the Netherlands"): "the Niger" is the river.
  if (match.afterThe && f.kind === 'country') score -= WATER_THE;
  if (match.alsoPerson) score -= PERSON;
  if (match.hint) score += sameKind(f.kind, match.hint) ? KIND_HINT : -WRONG_KIND;
  // A small town's name that starts a sentence is as likely an ordinary word ("Police said").
  if (match.sentenceStart && match.oneWord && f.kind === 'city' && f.population < 100_000)
    score -= 0.3;
  return score;
}

interface Context {
  countries: Set<string>;
  regions: Set<string>;
  points: [number, number][];
}

function contextOf(ids: string[], factsOf: (id: string) => Facts): Context {
  const context: Context = { countries: new Set(), regions: new Set(), points: [] };
  for (const id of ids) {
    const f = factsOf(id);
    if (f.country) context.countries.add(f.country);
    if (f.admin1) context.regions.add(f.admin1);
    if (f.point) context.points.push(f.point);
  }
  return context;
}

function fit(f: Facts, context: Context): number {
  let score = 0;
  if (f.country && context.countries.has(f.country)) score += SAME_COUNTRY;
  if (f.admin1 && context.regions.has(f.admin1)) score += SAME_REGION;
  if (f.points.length > 0 && context.points.length > 0) {
    let nearest = Infinity;
    for (const p of context.points)
      for (const q of f.points) nearest = Math.min(nearest, turfDistance(q, p));
    score += NEAR * Math.exp(-nearest / NEAR_KM);
    // Water and disputed areas have no country: lying near the article's places stands in.
    if (!f.country && nearest < WATER_NEAR_KM) score += SAME_COUNTRY;
  }
  return score;
}

const WATER = new Set<PlaceKind>(['sea', 'strait', 'river', 'lake']);

/** "India's Punjab": the candidates in that country are the ones meant. */
function possessed(f: Facts, match: Match, countryOf: (key: string) => string | undefined): number {
  if (!match.ofCountry) return 0;
  const country = countryOf(match.ofCountry);
  return country && f.country === country ? QUALIFIED : 0;
}

function readFacts(feature: PlaceFeature): Facts {
  const p = feature.properties as PlaceFeature['properties'] & {
    country?: string | null;
    admin1?: string | null;
    population?: number;
    capital?: 'country' | 'region';
  };
  const point = pointOf(feature);
  const g = feature.geometry;
  // A river is near what is near any of its length; every 10th vertex is close enough.
  const line =
    g?.type === 'LineString'
      ? g.coordinates
      : g?.type === 'MultiLineString'
        ? g.coordinates.flat()
        : [];
  const points =
    line.length > 0
      ? line.filter((_, i) => i % 10 === 0).map(([x, y]) => [x!, y!] as [number, number])
      : point
        ? [point]
        : [];
  return {
    kind: p.kind,
    name: p.name,
    capital: p.capital,
    area: p.area_km2 ?? 0,
    points,
    country: p.country ?? undefined,
    admin1: p.admin1 ?? undefined,
    population: p.population ?? 0,
    point: pointOf(feature),
  };
}

/** A point on or in the place: its label point, its position, or a line's middle vertex. */
export function pointOf(feature: PlaceFeature): [number, number] | undefined {
  const labelPoint = feature.properties.label_point;
  if (labelPoint) return [labelPoint[0], labelPoint[1]];
  const g = feature.geometry;
  if (!g) return undefined;
  const line =
    g.type === 'Point'
      ? [g.coordinates]
      : g.type === 'LineString' || g.type === 'MultiPoint'
        ? g.coordinates
        : g.type === 'MultiLineString'
          ? g.coordinates.reduce((a, b) => (b.length > a.length ? b : a))
          : g.type === 'Polygon'
            ? g.coordinates[0]!
            : g.coordinates[0]![0]!;
  const middle = line[Math.floor(line.length / 2)]!;
  return [middle[0]!, middle[1]!];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sameKind(kind: PlaceKind, hint: PlaceKind): boolean {
  return kind === hint || (hint === 'city' && kind === 'port');
}
