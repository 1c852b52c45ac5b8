import turfArea from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { featureCollection, lineString, point, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Feature, Point, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CURATED_IDS, curatedFeatures, place, polygonsOf, type Shape } from './helpers.ts';

const POLYGONS = [
  'ukraine',
  'crimea',
  'donetsk',
  'luhansk',
  'zaporizhzhia',
  'kherson',
  'eastern-ukraine',
  'black-sea',
  'sea-of-azov',
  'russia',
  'united-states',
  'cuba',
];
const POINTS = [
  'kyiv',
  'moscow',
  'washington',
  'pentagon',
  'us-capitol',
  'sevastopol',
  'havana',
  'sevastopol-strike',
  'drone-downing',
];
const TWELVE_NM = 22_224; // 12 nautical miles, the territorial sea

const km2 = (f: Feature<Shape>): number => turfArea(f) / 1e6;

/** Geodesic distance (m) from a point to the nearest edge of any ring of the shapes. */
function distanceToOutline(p: Position, shapes: Feature<Shape>[]): number {
  let best = Infinity;
  for (const s of shapes) {
    for (const poly of polygonsOf(s.geometry)) {
      for (const ring of poly) {
        best = Math.min(best, pointToLineDistance(point(p), lineString(ring), { units: 'meters' }));
      }
    }
  }
  return best;
}

/** Area (km²) of a ∩ b, 0 when they do not meet. */
function overlapKm2(a: Feature<Shape>, b: Feature<Shape>): number {
  const hit = intersect(featureCollection([a, b]));
  return hit ? turfArea(hit) / 1e6 : 0;
}

describe('place ids and properties', () => {
  it('has exactly the fixed ids, each once, all in the gazetteer as RFC 7946 feature ids', () => {
    expect([...CURATED_IDS].sort()).toEqual([...POLYGONS, ...POINTS].sort());
    const ids = curatedFeatures().map((f) => f.id);
    expect(ids).toEqual(CURATED_IDS);
  });

  it.each(curatedFeatures().map((f) => [String(f.id), f] as const))(
    '%s has the required properties',
    (id, f) => {
      const p = f.properties!;
      expect(typeof p.name).toBe('string');
      expect(['country', 'region', 'sea', 'city', 'site', 'incident']).toContain(p.kind);
      expect(Array.isArray(p.aliases) && p.aliases.length > 0).toBe(true);
      for (const a of p.aliases) expect(typeof a).toBe('string');
      expect(p.aliases).not.toContain('Russian');
      expect(Object.keys(p.source).sort()).toEqual(['credit', 'dataset', 'licence', 'version']);
      expect(['exact', 'approximate']).toContain(p.confidence);
      if (p.confidence === 'approximate') expect(p.uncertainty_m).toBeGreaterThan(0);
      if (p.status) expect(['recognised', 'annexed-2014', 'claimed-2022']).toContain(p.status);
      for (const [k, v] of Object.entries(p.dates ?? {})) {
        expect(['annexed', 'claimed', 'incident']).toContain(k);
        expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      for (const k of ['name_uk', 'name_ru']) if (k in p) expect(typeof p[k]).toBe('string');
      if (POLYGONS.includes(id)) {
        expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
        expect(Number.isInteger(p.area_km2)).toBe(true);
        expect(p.area_km2).toBe(Math.round(km2(f as Feature<Shape>)));
        expect(p.label_point).toHaveLength(2);
      } else {
        expect(f.geometry.type).toBe('Point');
      }
    },
  );

  it('puts each label point inside the largest part of its polygon', () => {
    for (const id of POLYGONS) {
      const f = place(id);
      const parts = polygonsOf(f.geometry).map((c) => polygon(c));
      const largest = parts.reduce((a, b) => (turfArea(b) > turfArea(a) ? b : a));
      expect(booleanPointInPolygon(f.properties!.label_point, largest), id).toBe(true);
    }
  });

  it('gives the statuses, dates and kinds of the story', () => {
    expect(place('ukraine').properties!.status).toBe('recognised');
    expect(place('crimea').properties!.status).toBe('annexed-2014');
    expect(place('crimea').properties!.dates).toEqual({ annexed: '2014-03-18' });
    for (const id of ['donetsk', 'luhansk', 'zaporizhzhia', 'kherson']) {
      expect(place(id).properties!.status, id).toBe('claimed-2022');
      expect(place(id).properties!.dates, id).toEqual({ claimed: '2022-09-30' });
    }
    expect(place('sevastopol-strike').properties!.dates).toEqual({ incident: '2024-06-23' });
    expect(place('drone-downing').properties!.dates).toEqual({ incident: '2023-03-14' });
    for (const id of ['kyiv', 'moscow', 'washington', 'sevastopol', 'havana']) {
      expect(place(id).properties!.kind, id).toBe('city');
    }
    expect(place('pentagon').properties!.kind).toBe('site');
    expect(place('us-capitol').properties!.kind).toBe('site');
    expect(place('sevastopol-strike').properties!.kind).toBe('incident');
    expect(place('drone-downing').properties!.kind).toBe('incident');
    expect(place('drone-downing').properties!.confidence).toBe('approximate');
    expect(place('black-sea').properties!.kind).toBe('sea');
    expect(place('sea-of-azov').properties!.kind).toBe('sea');
  });

  it('lists the aliases a journalist may write', () => {
    const aliases = (id: string): string[] => place(id).properties!.aliases;
    expect(aliases('kyiv')).toEqual(expect.arrayContaining(['Kyiv', 'Kiev']));
    expect(aliases('crimea')).toEqual(expect.arrayContaining(['Crimea', 'Crimean peninsula']));
    expect(aliases('pentagon')).toContain('Pentagon');
    expect(aliases('us-capitol')).toEqual(
      expect.arrayContaining(['Congress', 'US Capitol', 'Capitol Hill']),
    );
    expect(aliases('united-states')).toEqual(
      expect.arrayContaining(['United States', 'US', 'U.S.', 'United States of America']),
    );
    expect(aliases('russia')).toEqual(expect.arrayContaining(['Russia', 'Russian Federation']));
    expect(aliases('eastern-ukraine')).toEqual(
      expect.arrayContaining(['Donbas', 'Donbass', 'eastern Ukraine']),
    );
    for (const [id, name] of [
      ['black-sea', 'Black Sea'],
      ['cuba', 'Cuba'],
      ['washington', 'Washington'],
      ['moscow', 'Moscow'],
    ]) {
      expect(aliases(id!)).toContain(name);
    }
  });
});

describe('areas against published figures (geo/README.md, geodata.md)', () => {
  it.each([
    ['crimea', 27_000, 0.03],
    ['donetsk', 26_517, 0.03],
    ['luhansk', 26_684, 0.03],
    ['zaporizhzhia', 27_180, 0.03],
    ['ukraine', 603_628, 0.03],
    ['sea-of-azov', 39_000, 0.03],
    ['russia', 17_098_246, 0.03],
    ['cuba', 109_884, 0.03],
    ['eastern-ukraine', 53_201, 0.03],
    ['kherson', 28_461, 0.1],
  ] as const)('%s is within tolerance of %d km²', (id, published, tolerance) => {
    const area = km2(place(id));
    expect(Math.abs(area - published) / published).toBeLessThanOrEqual(tolerance);
  });

  it('black-sea is between 410,000 and 440,000 km²', () => {
    const area = km2(place('black-sea'));
    expect(area).toBeGreaterThanOrEqual(410_000);
    expect(area).toBeLessThanOrEqual(440_000);
  });
});

describe('topology of the story', () => {
  it.each(['crimea', 'donetsk', 'luhansk', 'zaporizhzhia', 'kherson', 'eastern-ukraine'])(
    '%s lies inside ukraine',
    (id) => {
      const f = place(id);
      expect(overlapKm2(f, place('ukraine')) / km2(f)).toBeGreaterThan(0.9999);
    },
  );

  it('eastern-ukraine is Donetsk plus Luhansk', () => {
    const sum = km2(place('donetsk')) + km2(place('luhansk'));
    expect(Math.abs(km2(place('eastern-ukraine')) - sum)).toBeLessThan(1);
  });

  it('crimea does not overlap russia, and ukraine does not either', () => {
    expect(overlapKm2(place('crimea'), place('russia'))).toBeLessThan(0.01);
    expect(overlapKm2(place('ukraine'), place('russia'))).toBeLessThan(0.01);
  });

  it('the two seas meet on a line and do not overlap', () => {
    expect(overlapKm2(place('black-sea'), place('sea-of-azov'))).toBeLessThan(0.01);
  });

  it('sevastopol-strike is within 3 km of Sevastopol’s coast', () => {
    const strike = place<Point>('sevastopol-strike').geometry.coordinates;
    const city = place<Point>('sevastopol').geometry.coordinates;
    expect(distanceToOutline(strike, [place('crimea')])).toBeLessThanOrEqual(3000);
    expect(distance(point(strike), point(city), { units: 'kilometers' })).toBeLessThan(10);
  });

  it('drone-downing lies in the Black Sea, its uncertainty circle beyond 12 nmi of every coast', () => {
    const f = place<Point>('drone-downing');
    const p = f.geometry.coordinates;
    expect(booleanPointInPolygon(p, place('black-sea'))).toBe(true);
    const land = POLYGONS.filter((id) => place(id).properties!.kind !== 'sea').map((id) =>
      place(id),
    );
    const coast = distanceToOutline(p, [...land, place('black-sea'), place('sea-of-azov')]);
    expect(coast).toBeGreaterThan(TWELVE_NM);
    expect(coast - f.properties!.uncertainty_m).toBeGreaterThan(TWELVE_NM);
  });
});
