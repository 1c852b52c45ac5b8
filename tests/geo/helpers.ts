import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/** These tests read the committed outputs only: they need none of geo/node_modules. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const publicDir = join(root, 'public');

export function readText(path: string): string {
  return readFileSync(join(publicDir, path), 'utf8');
}

export type Shape = Polygon | MultiPolygon;

export function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

/** The ids of geo/places.json, in its order. */
export const CURATED_IDS: string[] = (
  JSON.parse(readFileSync(join(root, 'geo', 'places.json'), 'utf8')) as {
    places: { id: string }[];
  }
).places.map((p) => p.id);

let curated: Feature[] | undefined;

/**
 * The curated places of geo/places.json, as stories get them: from the committed gazetteer
 * (npm run geo writes them nowhere else), read once per test file.
 */
export function curatedFeatures(): Feature[] {
  if (!curated) {
    const gz = readFileSync(join(root, 'gazetteer', 'world.geojson.gz'));
    const fc = JSON.parse(gunzipSync(gz).toString('utf8')) as FeatureCollection;
    const byId = new Map(fc.features.map((f) => [String(f.id), f]));
    curated = CURATED_IDS.flatMap((id) => byId.get(id) ?? []);
  }
  return curated;
}

export function place<G extends Geometry = Shape>(id: string): Feature<G> {
  const f = curatedFeatures().find((p) => p.id === id);
  if (!f) throw new Error(`no place ${id}`);
  return f as Feature<G>;
}
