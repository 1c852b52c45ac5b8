import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { MultiLineString, MultiPolygon, Position } from 'geojson';
import { clipLines, MERCATOR_MAX_LAT } from './geometry.ts';
import { ringCoordinates } from './topo.ts';
import type { Arc, TopoGeometry } from './types.ts';

/*
 * world-atlas joins rings across 180° (Russia, Fiji, Antarctica). geojson-antimeridian-cut 0.1.0
 * writes null latitudes where a vertex sits exactly on 180° (Fiji in the 50m data), so the cut is
 * done here: unwrap longitudes to be continuous, clip each 360° window, shift it back. The window
 * also stops at Web Mercator's ±85.05°, which closes Antarctica's ring off the pole.
 */

function unwrap(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    let x = p[0]!;
    const prev = out[out.length - 1];
    if (prev) {
      while (x - prev[0]! > 180) x -= 360;
      while (x - prev[0]! < -180) x += 360;
    }
    out.push([x, p[1]!]);
  }
  return out;
}

/** An unwrapped ring that goes once around a pole does not close: close it over that pole. */
function closeRing(ring: Position[]): Position[] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  const turn = last[0]! - first[0]!;
  if (Math.abs(turn) < 1e-9) return ring;
  const meanLat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  return [...ring, [last[0]!, pole], [first[0]!, pole], first];
}

export function cutPolygons(mp: MultiPolygon): MultiPolygon {
  const out: Position[][][] = [];
  for (const poly of mp.coordinates) {
    const rings = poly.map((r) => closeRing(unwrap(r)));
    const xs = rings[0]!.map((p) => p[0]!);
    const ys = rings[0]!.map((p) => Math.abs(p[1]!));
    const [min, max] = [Math.min(...xs), Math.max(...xs)];
    if (min >= -180 && max <= 180 && Math.max(...ys) <= MERCATOR_MAX_LAT) {
      out.push(rings);
      continue;
    }
    for (const k of [-1, 0, 1]) {
      const window = polygon([
        [
          [-180 + 360 * k, -MERCATOR_MAX_LAT],
          [180 + 360 * k, -MERCATOR_MAX_LAT],
          [180 + 360 * k, MERCATOR_MAX_LAT],
          [-180 + 360 * k, MERCATOR_MAX_LAT],
          [-180 + 360 * k, -MERCATOR_MAX_LAT],
        ],
      ]);
      const piece = intersect(featureCollection([polygon(rings), window]));
      if (!piece) continue;
      const parts =
        piece.geometry.type === 'Polygon'
          ? [piece.geometry.coordinates]
          : piece.geometry.coordinates;
      for (const part of parts) {
        out.push(part.map((r) => r.map((p) => [p[0]! - 360 * k, p[1]!])));
      }
    }
  }
  return { type: 'MultiPolygon', coordinates: out };
}

export function cutLines(ml: MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of ml.coordinates) {
    let current: Position[] = [];
    for (const p of line) {
      const prev = current[current.length - 1];
      if (!prev) {
        current.push(p);
        continue;
      }
      let x = p[0]!;
      while (x - prev[0]! > 180) x -= 360;
      while (x - prev[0]! < -180) x += 360;
      if (x > 180 || x < -180) {
        const edge = x > 180 ? 180 : -180;
        const t = (edge - prev[0]!) / (x - prev[0]!);
        const lat = prev[1]! + t * (p[1]! - prev[1]!);
        current.push([edge, lat]);
        if (current.length >= 2) out.push(current);
        current = [[-edge, lat], p];
      } else {
        current.push([x, p[1]!]); // 180 and -180 are one meridian: stay on this side
      }
    }
    if (current.length >= 2) out.push(current);
  }
  // Web Mercator ends at ±85.05°: lines beyond it are never drawn.
  const world: [number, number, number, number] = [-180, -MERCATOR_MAX_LAT, 180, MERCATOR_MAX_LAT];
  return { type: 'MultiLineString', coordinates: clipLines(out, world, 'inside') };
}

/**
 * world-atlas draws Antarctica as a ring along the pole (89.999°S) with the coast as its hole:
 * right on the sphere, nonsense on a flat map. The coast becomes the exterior instead (the cut
 * above closes it over the pole).
 */
export function dropPoleCaps(geometries: TopoGeometry[], arcs: Arc[]): TopoGeometry[] {
  const cap = (ring: number[]): boolean =>
    ringCoordinates(ring, arcs).every((p) => Math.abs(p[1]!) >= 89.9);
  const fix = (polygon: number[][]): number[][][] =>
    cap(polygon[0]!) ? polygon.slice(1).map((hole) => [hole]) : [polygon];
  return geometries.map((g) => {
    if (g.type === 'Polygon') {
      const parts = fix(g.arcs);
      return parts.length === 1
        ? { ...g, arcs: parts[0]! }
        : { type: 'MultiPolygon', arcs: parts, properties: g.properties };
    }
    if (g.type === 'MultiPolygon') return { ...g, arcs: g.arcs.flatMap(fix) };
    return g;
  });
}
