import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export const OUTPUT_FILES = ['data/places.geojson'] as const;

export function readText(path: string): string {
  return readFileSync(join(publicDir, path), 'utf8');
}

export function readCollection<G extends Geometry = Geometry>(path: string): FeatureCollection<G> {
  return JSON.parse(readText(path)) as FeatureCollection<G>;
}

export type Shape = Polygon | MultiPolygon;

export function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

const places = readCollection('data/places.geojson');

export function place<G extends Geometry = Shape>(id: string): Feature<G> {
  const f = places.features.find((p) => p.id === id);
  if (!f) throw new Error(`no place ${id}`);
  return f as Feature<G>;
}

export const placeFeatures = places.features;
