import { lineString, point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { allPositions, linesOf, place, polygonsOf, readCollection } from './helpers.ts';

const LAYERS = [
  'land',
  'coastline',
  'country-border',
  'admin1-border',
  'country-label',
  'sea-label',
];
const region = readCollection('data/basemap-region.geojson');
const world = readCollection('data/basemap-world.geojson');
const layer = (fc: typeof region, name: string): Feature<Geometry>[] =>
  fc.features.filter((f) => f.properties?.layer === name);

/** The region file's extent, read from the data: the box its land was clipped to. */
const box = (() => {
  const ps = allPositions(layer(region, 'land')[0]!.geometry);
  const xs = ps.map((p) => p[0]!);
  const ys = ps.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
})();
const strictlyInside = (p: number[]): boolean =>
  p[0]! > box[0] && p[0]! < box[2] && p[1]! > box[1] && p[1]! < box[3];

describe.each([
  ['basemap-region', region],
  ['basemap-world', world],
])('%s', (_, fc) => {
  it('tags every feature with a known layer, and every label with a name', () => {
    for (const f of fc.features) {
      expect(LAYERS).toContain(f.properties?.layer);
      if (String(f.properties?.layer).endsWith('-label')) {
        expect(f.geometry.type).toBe('Point');
        expect(typeof f.properties?.name).toBe('string');
      } else {
        expect(f.geometry.type).toBe(
          f.properties?.layer === 'land' ? 'MultiPolygon' : 'MultiLineString',
        );
      }
    }
  });

  it('has one land fill, coastlines and country borders', () => {
    expect(layer(fc, 'land')).toHaveLength(1);
    expect(layer(fc, 'coastline')).toHaveLength(1);
    expect(layer(fc, 'country-border')).toHaveLength(1);
  });
});

describe('the two basemap files tile', () => {
  it('covers roughly lon 20–50, lat 40–58 in the region file', () => {
    expect(box[0]).toBeCloseTo(20, 3);
    expect(box[2]).toBeCloseTo(50, 3);
    expect(box[1]).toBeGreaterThanOrEqual(38);
    expect(box[3]).toBeCloseTo(58, 3);
  });

  it('keeps every region feature inside the box', () => {
    for (const f of region.features) {
      for (const p of allPositions(f.geometry)) {
        expect(p[0]! >= box[0] && p[0]! <= box[2] && p[1]! >= box[1] && p[1]! <= box[3]).toBe(true);
      }
    }
  });

  it('leaves the box out of the world file (no overlap, no duplicate lines)', () => {
    for (const f of world.features) {
      for (const p of allPositions(f.geometry)) expect(strictlyInside(p)).toBe(false);
    }
  });

  it('draws Ukraine’s oblast borders only in the region file', () => {
    expect(layer(region, 'admin1-border')).toHaveLength(1);
    expect(layer(world, 'admin1-border')).toHaveLength(0);
  });
});

describe('recognised borders', () => {
  it('draws no country border near Crimea: it is in Ukraine', () => {
    const crimea = place('crimea');
    const outline = polygonsOf(crimea.geometry).flat();
    const border = layer(region, 'country-border')[0]!;
    let nearest = Infinity;
    for (const line of linesOf(border.geometry)) {
      for (const p of line) {
        if (Math.abs(p[0]! - 34.5) > 3 || Math.abs(p[1]! - 45.5) > 2) continue;
        for (const ring of outline) {
          nearest = Math.min(nearest, pointToLineDistance(point(p), lineString(ring)));
        }
      }
    }
    expect(nearest).toBeGreaterThan(20); // km
  });

  it('draws the Crimea–Kherson boundary as an oblast border', () => {
    const admin1 = layer(region, 'admin1-border')[0]!;
    const perekop = linesOf(admin1.geometry)
      .flat()
      .filter((p) => p[0]! > 33.4 && p[0]! < 35.5 && p[1]! > 45.8 && p[1]! < 46.3);
    expect(perekop.length).toBeGreaterThan(0);
  });
});

describe('labels', () => {
  const names = (fc: typeof region, l: string): string[] =>
    layer(fc, l).map((f) => String(f.properties?.name));

  it('labels the countries of the region and the seas of the story, each in one file', () => {
    expect(names(region, 'country-label')).toEqual(
      expect.arrayContaining(['Ukraine', 'Moldova', 'Romania', 'Belarus', 'Georgia']),
    );
    expect(names(region, 'sea-label')).toEqual(
      expect.arrayContaining(['Black Sea', 'Sea of Azov']),
    );
    expect(names(world, 'country-label')).toEqual(
      expect.arrayContaining(['Russia', 'United States of America', 'Cuba']),
    );
    const all = [...names(region, 'country-label'), ...names(world, 'country-label')];
    expect(new Set(all).size).toBe(all.length);
  });
});
