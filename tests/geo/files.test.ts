import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import booleanClockwise from '@turf/boolean-clockwise';
import kinks from '@turf/kinks';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FILES, polygonsOf, publicDir, readCollection, readText } from './helpers.ts';

describe.each(OUTPUT_FILES)('%s', (path) => {
  const text = readText(path);
  const fc = readCollection(path);

  it('passes an independent RFC 7946 validator', () => {
    expect(() => check(text)).not.toThrow();
  });

  it('winds rings by the right-hand rule: exteriors counter-clockwise, holes clockwise', () => {
    for (const f of fc.features) {
      for (const polygon of polygonsOf(f.geometry)) {
        polygon.forEach((ring, i) => {
          expect(booleanClockwise(ring), `${f.id} ring ${i}`).toBe(i > 0);
        });
      }
    }
  });

  it('has no self-intersections (Turf kinks)', () => {
    for (const f of fc.features) {
      if (polygonsOf(f.geometry).length > 0) {
        expect(kinks(f as Feature<never>).features, String(f.id)).toHaveLength(0);
      }
    }
  });

  it('stays on one side of the antimeridian everywhere', () => {
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

  it('is written one feature per line, newline-terminated', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"type":"FeatureCollection","features":[');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe(']}');
    expect(lines.length).toBe(fc.features.length + 3);
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

  it('names every source licence in LICENSES.md', () => {
    const text = readText('data/LICENSES.md');
    for (const s of [
      'tiles/world.pmtiles',
      'Natural Earth',
      'Public domain',
      'CC BY 4.0',
      'LGPL',
      'ODbL',
      'SIL Open Font',
    ]) {
      expect(text).toContain(s);
    }
  });
});
