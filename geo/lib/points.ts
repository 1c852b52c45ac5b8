import { lineString, point } from '@turf/helpers';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Config } from './config.ts';
import { GeoCheckError } from './errors.ts';
import { boundsOf, pointInPolygon } from './geometry.ts';
import { pointPlace, type PlaceFeature } from './places.ts';

type Shape = Polygon | MultiPolygon;
const polygonsOf = (g: Shape): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Geodesic distance (m) from a point to the nearest ring edge of the given polygons. */
export function distanceToOutline(p: Position, shapes: Shape[]): number {
  let best = Infinity;
  for (const shape of shapes) {
    for (const poly of polygonsOf(shape)) {
      for (const ring of poly) {
        const b = boundsOf(ring);
        // Skip rings whose box is already farther than the best (a degree is ≥ 111 km × cos).
        const gap = Math.max(b[0] - p[0]!, p[0]! - b[2], b[1] - p[1]!, p[1]! - b[3], 0);
        if (gap * 111_320 * Math.cos(((Math.abs(p[1]!) + 2) * Math.PI) / 180) > best) continue;
        const d = pointToLineDistance(point(p), lineString(ring), { units: 'meters' });
        best = Math.min(best, d);
      }
    }
  }
  return best;
}

/**
 * All places in config order: the built polygons, and the points with their checks, made
 * against both the full-precision coast and the coast as written.
 */
export function withPoints(
  config: Config,
  polygons: PlaceFeature[],
  fullLand: MultiPolygon[],
  log: (message: string) => void,
): PlaceFeature[] {
  const byId = new Map(polygons.map((f) => [String(f.id), f]));
  const shapeOf = (id: string | undefined): Shape | undefined => {
    const g = id ? byId.get(id)?.geometry : undefined;
    return g && g.type !== 'Point' ? g : undefined;
  };
  const land = polygons
    .filter((f) => f.properties.kind !== 'sea')
    .map((f) => shapeOf(String(f.id))!);
  return config.places.map((p) => {
    if (!p.point) return byId.get(p.id)!;
    let uncertainty = p.uncertainty_m;
    if (p.inside) {
      const shape = shapeOf(p.inside);
      if (!shape || !polygonsOf(shape).some((poly) => pointInPolygon(p.point!, poly))) {
        throw new GeoCheckError(`place "${p.id}" is not inside "${p.inside}"`);
      }
    }
    if (p.keep_offshore_m !== undefined) {
      const coast = Math.min(
        distanceToOutline(p.point, fullLand),
        distanceToOutline(p.point, land),
      );
      // The uncertainty circle must stay offshore by keep_offshore_m: shrink it if it must.
      const room = Math.floor((coast - p.keep_offshore_m) / 100) * 100;
      if (room <= 0) {
        throw new GeoCheckError(
          `place "${p.id}" is ${Math.round(coast)} m from the coast, not beyond ${p.keep_offshore_m} m`,
        );
      }
      uncertainty = Math.min(uncertainty ?? room, room);
      log(`${p.id}: ${(coast / 1000).toFixed(1)} km from the coast, uncertainty ${uncertainty} m`);
    }
    if (p.max_coast_m !== undefined) {
      const shape = shapeOf(p.coast_of);
      const d = shape ? distanceToOutline(p.point, [shape]) : Infinity;
      if (!(d <= p.max_coast_m)) {
        throw new GeoCheckError(
          `place "${p.id}" is ${Math.round(d)} m from the coast of ${p.coast_of}`,
        );
      }
      log(`${p.id}: ${(d / 1000).toFixed(2)} km from the coast of ${p.coast_of}`);
    }
    return pointPlace(p, config, uncertainty);
  });
}
