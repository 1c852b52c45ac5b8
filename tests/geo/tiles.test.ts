// The committed world basemap archive (npm run geo → public/tiles/world.pmtiles), read the way the
// build and the browser read it: what a reader would see at the seed story's scales and elsewhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASEMAP_ARCHIVE, BASEMAP_LAYERS } from '../../src/catalogue/basemap.ts';
import type { TileReader } from '../../src/map/draw/tiles.ts';
import { openBasemap } from '../../scripts/tiles.ts';
import type { Bounds } from '../../src/story/schema.ts';
import { publicDir } from './helpers.ts';

const bytes = readFileSync(join(publicDir, BASEMAP_ARCHIVE));
let reader: TileReader;
beforeAll(async () => {
  reader = await openBasemap(publicDir);
});

const named = (fc: { features: Feature[] }, layer: string, within?: Bounds) =>
  new Set(
    fc.features
      .filter((f) => f.properties?.layer === layer && (!within || inside(f, within)))
      .map((f) => f.properties?.name),
  );
function inside(f: Feature, [[w, s], [e, n]]: Bounds): boolean {
  if (f.geometry.type !== 'Point') return false;
  const [x, y] = f.geometry.coordinates as [number, number];
  return x >= w && x <= e && y >= s && y <= n;
}
const kinds = (fc: { features: Feature[] }, layer: string) =>
  new Set(fc.features.filter((f) => f.properties?.layer === layer).map((f) => f.properties?.kind));

// The seed story's region (Crimea, the Black Sea, the Sea of Azov).
const CRIMEA: Bounds = [
  [31, 43.5],
  [39.5, 47.5],
];

describe('world basemap archive', () => {
  it('stays within 25 MB and goes to zoom 8', () => {
    expect(bytes.length).toBeLessThan(25e6);
    expect(reader.maxZoom).toBeGreaterThanOrEqual(8);
  });

  it('credits its sources', () => {
    expect(reader.attribution).toMatch(/Natural Earth/);
    expect(reader.attribution).toMatch(/GeoNames \(CC BY 4\.0\)/);
    expect(reader.attribution).toMatch(/GSHHG/);
  });

  it('has every layer the basemap style draws', async () => {
    const fc = await reader.features(CRIMEA, 7);
    const layers = new Set(fc.features.map((f) => f.properties?.layer));
    for (const l of BASEMAP_LAYERS) expect(layers, l.id).toContain(l.layer);
  });

  it('shows the orientation towns around Crimea at zoom 5', async () => {
    const towns = named(await reader.features(CRIMEA, 5), 'places');
    for (const t of ['Simferopol', 'Sevastopol', 'Odesa', 'Mariupol']) expect(towns).toContain(t);
  });

  it('keeps small towns for the deeper zooms', async () => {
    const z4 = named(await reader.features(CRIMEA, 4), 'places', CRIMEA);
    const z8 = named(await reader.features(CRIMEA, 8), 'places', CRIMEA);
    expect(z8.size).toBeGreaterThan(3 * z4.size);
    expect(z4).not.toContain('Yevpatoriya');
    expect(z8).toContain('Yevpatoriya');
  });

  it('names the Dnipro, the Kerch Strait and the Sea of Azov', async () => {
    const fc = await reader.features(CRIMEA, 6);
    expect(named(fc, 'river_names')).toContain('Dnipro');
    const labels = named(fc, 'labels');
    expect(labels).toContain('Kerch Strait');
    expect(labels).toContain('Sea of Azov');
  });

  it('draws lakes and rivers where a reader expects them elsewhere on Earth', async () => {
    // Lake Victoria and the Nile; the Great Lakes.
    const africa = await reader.features(
      [
        [31, -3],
        [34, 1],
      ],
      5,
    );
    expect(africa.features.some((f) => f.properties?.layer === 'water')).toBe(true);
    expect(africa.features.some((f) => f.properties?.layer === 'rivers')).toBe(true);
    const lakes = await reader.features(
      [
        [-88, 42],
        [-80, 46],
      ],
      4,
    );
    expect(lakes.features.some((f) => f.properties?.layer === 'water')).toBe(true);
  });

  it('draws Crimea’s border as disputed and the Russia–Ukraine border as a country border', async () => {
    const fc = await reader.features(CRIMEA, 6);
    expect(kinds(fc, 'boundaries')).toEqual(new Set(['country', 'disputed', 'region']));
  });

  it('leaves a city’s districts for the deeper zooms', async () => {
    const istanbul: Bounds = [
      [28.5, 40.8],
      [29.5, 41.3],
    ];
    const z5 = named(await reader.features(istanbul, 5), 'places', istanbul);
    expect(z5).toContain('Istanbul');
    expect(z5).not.toContain('Üsküdar');
  });

  it('names a region only where its capital does not already say it (Smolensk)', async () => {
    const smolensk: Bounds = [
      [30, 53],
      [36, 56.5],
    ];
    const fc = await reader.features(smolensk, 6);
    expect(named(fc, 'places', smolensk)).toContain('Smolensk');
    expect(named(fc, 'labels')).not.toContain('Smolensk');
  });

  it('keeps regions’ borders off the world view', async () => {
    const world = await reader.features(
      [
        [-180, -85],
        [180, 85],
      ],
      1,
    );
    expect(kinds(world, 'boundaries').has('region')).toBe(false);
    expect(named(world, 'places').size).toBe(0);
  });
});
