import type { Position } from 'geojson';
import { mercatorY, pixelDegrees, ringSignedArea } from './geometry.ts';
import type { Arc, TopoGeometry, Topology, TopojsonSimplify } from './types.ts';

/** Arc index of a TopoJSON arc reference (negative = reversed). */
export const arcIndex = (ref: number): number => (ref < 0 ? ~ref : ref);

/** Every ring of a geometry, as lists of arc references. */
export function ringsOf(g: TopoGeometry): number[][] {
  if (g.type === 'Polygon') return g.arcs;
  if (g.type === 'MultiPolygon') return g.arcs.flat();
  return [];
}

export function arcsOf(g: TopoGeometry): number[] {
  return ringsOf(g).flatMap((ring) => ring.map(arcIndex));
}

/**
 * Visvalingam weights as triangle areas in Web Mercator units, the projection MapLibre draws:
 * a threshold in squared pixels then means the same thing at every latitude.
 */
export function presimplifyMercator(simplify: TopojsonSimplify, topology: Topology): Arc[] {
  const weight = (t: Position[]): number => {
    const [a, b, c] = t as [Position, Position, Position];
    const ay = mercatorY(a[1]!);
    const by = mercatorY(b[1]!);
    const cy = mercatorY(c[1]!);
    return Math.abs((a[0]! - c[0]!) * (by - ay) - (a[0]! - b[0]!) * (cy - ay)) / 2;
  };
  return simplify.presimplify(topology, weight).arcs;
}

/** Smallest triangle (in squared Mercator degrees) kept when drawn at `zoom`: one square pixel. */
export function weightForZoom(zoom: number): number {
  return pixelDegrees(zoom) ** 2;
}

/** Keeps each arc's points whose weight reaches that arc's threshold (endpoints always stay). */
export function simplifyArcs(arcs: Arc[], thresholds: Float64Array): Arc[] {
  return arcs.map((arc, i) => {
    const min = thresholds[i]!;
    const out: Position[] = [];
    for (const p of arc) if (p[2]! >= min) out.push([p[0]!, p[1]!]);
    return out;
  });
}

/** A ring's coordinates from (simplified) arcs, closed. */
export function ringCoordinates(ring: number[], arcs: Arc[]): Position[] {
  const out: Position[] = [];
  for (const ref of ring) {
    const arc = arcs[arcIndex(ref)]!;
    const points = ref < 0 ? [...arc].reverse() : arc;
    for (const [k, p] of points.entries()) {
      if (k === 0 && out.length > 0) continue; // shared with the previous arc's end
      out.push(p);
    }
  }
  return out;
}

/**
 * Decides each lone ring (one sharing no arc: an island, a lake) after simplification: a speck
 * goes, one that simplification collapsed (fewer than 4 positions) gets points back.
 * Rings on `keepWhole` arcs always stay: the story's small islands (Snake Island) must survive
 * while a thousand Arctic islets go. Restoring writes the shared weights, so every output agrees.
 */
export function settleRings(
  geometries: TopoGeometry[],
  presimplified: Arc[],
  thresholds: Float64Array,
  keepWhole: Set<number>,
  minRingArea?: number,
): TopoGeometry[] {
  const simplified = simplifyArcs(presimplified, thresholds);
  // A ring sharing an arc is part of a larger merged shape (a unit and its neighbour): it is
  // never judged alone.
  const uses = new Map<number, number>();
  for (const g of geometries) {
    for (const ring of ringsOf(g)) {
      for (const ref of ring) uses.set(arcIndex(ref), (uses.get(arcIndex(ref)) ?? 0) + 1);
    }
  }
  const alone = (ring: number[]): boolean => ring.every((ref) => uses.get(arcIndex(ref)) === 1);
  const collapsed = (ring: number[]): boolean => {
    const coords = ringCoordinates(ring, simplified);
    return coords.length < 4 || ringSignedArea(coords) === 0;
  };
  // By default a speck is smaller than 2×2 pixels at the ring's own detail.
  const speck = (ring: number[]): boolean => {
    const min = minRingArea ?? 4 * Math.min(...ring.map((ref) => thresholds[arcIndex(ref)]!));
    if (!Number.isFinite(min) || min === 0) return false;
    const full = ringCoordinates(ring, presimplified).map((p) => [p[0]!, mercatorY(p[1]!)]);
    return Math.abs(ringSignedArea(full)) < min;
  };
  // Full detail for the story's islands; elsewhere the three most significant points, enough
  // for a ring.
  const restore = (ring: number[], whole: boolean): void => {
    const points = ring.flatMap((ref) => presimplified[arcIndex(ref)]!);
    const kept = whole ? points : [...points].sort((a, b) => b[2]! - a[2]!).slice(0, 4);
    for (const p of kept) p[2] = Infinity;
  };
  const keepRing = (ring: number[]): boolean => {
    const whole = ring.some((ref) => keepWhole.has(arcIndex(ref)));
    if (!whole && (!alone(ring) || !collapsed(ring))) return !alone(ring) || !speck(ring);
    if (!whole && speck(ring)) return false;
    if (collapsed(ring)) restore(ring, whole);
    return true;
  };
  const polygon = (rings: number[][]): number[][] | null =>
    rings.length > 0 && keepRing(rings[0]!)
      ? [rings[0]!, ...rings.slice(1).filter(keepRing)]
      : null;
  return geometries.map((g): TopoGeometry => {
    if (g.type === 'Polygon') {
      const arcs = polygon(g.arcs);
      return arcs ? { ...g, arcs } : { type: null, properties: g.properties };
    }
    if (g.type === 'MultiPolygon') {
      const arcs = g.arcs.map(polygon).filter((p): p is number[][] => p !== null);
      return arcs.length > 0 ? { ...g, arcs } : { type: null, properties: g.properties };
    }
    return g;
  });
}
