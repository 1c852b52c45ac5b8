import difference from '@turf/difference';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { PlaceConfig } from './config.ts';
import { GeoCheckError } from './errors.ts';
import { pointInPolygon } from './geometry.ts';

type Water = NonNullable<PlaceConfig['water']>;

function onSegment(p: Position, a: Position, b: Position): boolean {
  const [ax, ay] = [a[0]!, a[1]!];
  const [dx, dy] = [b[0]! - ax, b[1]! - ay];
  const len2 = dx * dx + dy * dy;
  const t = ((p[0]! - ax) * dx + (p[1]! - ay) * dy) / len2;
  if (t < -1e-9 || t > 1 + 1e-9) return false;
  const ex = ax + t * dx - p[0]!;
  const ey = ay + t * dy - p[1]!;
  return ex * ex + ey * ey < 1e-16;
}

const sameEdge = (a: Position, b: Position, c: Position, d: Position): boolean =>
  (a[0] === c[0] && a[1] === c[1] && b[0] === d[0] && b[1] === d[1]) ||
  (a[0] === d[0] && a[1] === d[1] && b[0] === c[0] && b[1] === c[1]);

/**
 * The sea inside a basin mask: mask minus land, keeping the piece that holds the seed. The mask
 * runs over land except at its declared cuts (strait entrances); this fails if water touches the
 * mask anywhere else, so a mask that leaks into a neighbouring sea cannot pass silently.
 */
export function basinWater(id: string, water: Water, land: MultiPolygon): Polygon {
  const mask = water.mask;
  const first = mask[0]!;
  const last = mask[mask.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeoCheckError(`place "${id}": water.mask must be a closed ring`);
  }
  const edges = mask.slice(0, -1).map((a, i) => [a, mask[i + 1]!] as const);
  for (const [c, d] of water.cuts) {
    if (!edges.some(([a, b]) => sameEdge(a, b, c, d))) {
      throw new GeoCheckError(`place "${id}": cut ${JSON.stringify([c, d])} is not a mask edge`);
    }
  }
  const sealed = edges.filter(([a, b]) => !water.cuts.some(([c, d]) => sameEdge(a, b, c, d)));
  const diff = difference(
    featureCollection<Polygon | MultiPolygon>([polygon([mask]), multiPolygon(land.coordinates)]),
  );
  if (!diff) throw new GeoCheckError(`place "${id}": the mask is all land`);
  const parts =
    diff.geometry.type === 'Polygon' ? [diff.geometry.coordinates] : diff.geometry.coordinates;
  const basin = parts.filter((p) => pointInPolygon(water.seed, p));
  if (basin.length !== 1) {
    throw new GeoCheckError(
      `place "${id}": the seed ${water.seed.join(', ')} is not in open water`,
    );
  }
  const rings = basin[0]!;
  for (const ring of rings) {
    for (const p of ring) {
      const leak = sealed.find(([a, b]) => onSegment(p, a, b));
      if (leak) {
        throw new GeoCheckError(
          `place "${id}": the water touches mask edge ${JSON.stringify(leak)} at ${p.join(', ')}; move that edge onto land`,
        );
      }
    }
  }
  return { type: 'Polygon', coordinates: rings };
}
