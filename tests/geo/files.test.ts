import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CURATED_IDS, curatedFeatures, polygonsOf, publicDir, readText, root } from './helpers.ts';

// The curated places' geometry as written (gazetteer/world.geojson.gz carries them unchanged; the
// gazetteer's own tests check the whole file's format).
describe('the curated places of geo/places.json', () => {
  const fc = { type: 'FeatureCollection', features: curatedFeatures() };

  it('pass an independent RFC 7946 validator', () => {
    expect(() => check(JSON.stringify(fc))).not.toThrow();
  });

  it('wind rings by the right-hand rule: exteriors counter-clockwise, holes clockwise', () => {
    for (const f of fc.features) {
      for (const polygon of polygonsOf(f.geometry)) {
        polygon.forEach((ring, i) => {
          expect(booleanClockwise(ring), `${f.id} ring ${i}`).toBe(i > 0);
        });
      }
    }
  });

  it('have no self-intersections (Turf kinks)', () => {
    for (const f of fc.features) {
      if (polygonsOf(f.geometry).length > 0) {
        expect(kinks(f as Feature<never>).features, String(f.id)).toHaveLength(0);
      }
    }
  });

  it('stay on one side of the antimeridian everywhere', () => {
    for (const f of fc.features) {
      const g = f.geometry;
      const sequences = polygonsOf(g).flat();
      if (g.type === 'Point') sequences.push([g.coordinates]);
      for (const seq of sequences) {
        for (const [i, p] of seq.entries()) {
          expect(Math.abs(p[0]!)).toBeLessThanOrEqual(180);
          expect(Math.abs(p[1]!)).toBeLessThanOrEqual(90);
          if (i > 0) expect(Math.abs(p[0]! - seq[i - 1]![0]!)).toBeLessThan(180);
        }
      }
    }
  });
});

describe('glyphs and licences', () => {
  it('ships the Noto Sans Regular ranges the names need, with the OFL text', () => {
    const dir = join(publicDir, 'fonts', 'Noto Sans Regular');
    for (const range of [
      '0-255',
      '256-511',
      '512-767',
      '768-1023',
      '1024-1279',
      '7680-7935',
      '8192-8447',
    ]) {
      expect(existsSync(join(dir, `${range}.pbf`)), range).toBe(true);
    }
    const ofl = readText('fonts/Noto Sans Regular/OFL.txt');
    expect(ofl).toContain('SIL OPEN FONT LICENSE');
    expect(ofl).toContain('Version 1.1');
  });

  it('names every licence of the tiles and glyphs in tiles/LICENSES.md, beside the archive', () => {
    const text = readText('tiles/LICENSES.md');
    for (const s of [
      'tiles/world.pmtiles',
      'Natural Earth',
      'public domain',
      'GeoNames',
      'CC BY 4.0',
      'GSHHG',
      'LGPL',
      'SIL Open Font',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('names each curated place with its source and licence in gazetteer/LICENSES.md', () => {
    const text = readFileSync(join(root, 'gazetteer', 'LICENSES.md'), 'utf8');
    const section = text.split('## Curated places (geo/places.json)\n')[1]!.split('\n## ')[0]!;
    const listed = section
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .flatMap((l) => l.slice(l.lastIndexOf('>: ') + 3).split(', '));
    expect([...listed].sort()).toEqual([...CURATED_IDS].sort());
    expect(section).toMatch(/ODbL 1\.0.*: sevastopol-strike/);
  });
});
