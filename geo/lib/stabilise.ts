import type { Feature, Geometry, Position } from 'geojson';
import { GeoCheckError } from './errors.ts';
import { round } from './geometry.ts';
import { findCrossings } from './intersections.ts';
import { settleRings, simplifyArcs } from './topo.ts';
import type { Arc, TopoGeometry, Topology } from './types.ts';

/** One output built from a shared topology with its own per-arc simplification thresholds. */
export interface Product {
  name: string;
  thresholds: Float64Array;
  /** Decimals the build rounds to: output segments are matched back to arcs by them. */
  decimals: number;
  /** Lone rings smaller than this (squared Mercator degrees) are dropped; default 2×2 px. */
  minRingArea?: number;
  /** Arcs whose collapsed rings get full detail back instead of being dropped. */
  keepWhole: Set<number>;
  geometries: TopoGeometry[];
  /** Builds finished GeoJSON (rounded, clipped) from the simplified topology. */
  build(topology: Topology, geometries: TopoGeometry[]): Feature[];
  features?: Feature[];
}

type Segment = [Position, Position];

/** Crossings as Turf kinks sees them, as the pairs of segments that cross. */
function crossingsOf(feature: Feature): { point: Position; segments: Segment[] }[] {
  const g: Geometry = feature.geometry;
  const groups: Position[][][] =
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? [g.coordinates.flat()] // all rings of a feature together
        : g.type === 'LineString'
          ? [[g.coordinates]]
          : g.type === 'MultiLineString'
            ? g.coordinates.map((l) => [l]) // lines of a mesh meet at junctions: each alone
            : [];
  const segment = (lines: Position[][], [line, i]: [number, number]): Segment => [
    lines[line]![i]!,
    lines[line]![i + 1]!,
  ];
  return groups.flatMap((lines) =>
    findCrossings(lines).map((c) => ({
      point: c.point,
      segments: [segment(lines, c.a), segment(lines, c.b)],
    })),
  );
}

/**
 * Gives back the most significant points that simplification removed under each crossing
 * segment (in the shared weights, so every output agrees); returns how many came back.
 */
function restoreUnder(
  crossings: { point: Position; segments: Segment[] }[],
  arcs: Arc[],
  thresholds: Float64Array,
  decimals: number,
): number {
  const key = (p: Position): string => `${round(p[0]!, decimals)},${round(p[1]!, decimals)}`;
  // Output segment (rounded ends) -> the run of original points it replaced.
  const runs = new Map<string, { arc: Arc; from: number; to: number }[]>();
  for (const [index, arc] of arcs.entries()) {
    const min = thresholds[index]!;
    if (min === Infinity) continue;
    let last = -1;
    for (const [i, p] of arc.entries()) {
      if (p[2]! < min) continue;
      if (last >= 0 && i - last > 1) {
        for (const k of [`${key(arc[last]!)}|${key(p)}`, `${key(p)}|${key(arc[last]!)}`]) {
          runs.set(k, [...(runs.get(k) ?? []), { arc, from: last, to: i }]);
        }
      }
      last = i;
    }
  }
  let restored = 0;
  for (const c of crossings) {
    for (const [a, b] of c.segments) {
      for (const run of runs.get(`${key(a)}|${key(b)}`) ?? []) {
        // The most significant removed points first (a quarter of the top weight and up):
        // a crossing usually needs a few of them, not the whole run.
        const removed = run.arc.slice(run.from + 1, run.to).filter((p) => p[2] !== Infinity);
        const top = Math.max(...removed.map((p) => p[2]!));
        for (const p of removed) {
          if (p[2]! >= top / 4) {
            p[2] = Infinity;
            restored++;
          }
        }
      }
    }
  }
  return restored;
}

/**
 * Builds every product, then gives back detail around any self-intersection that
 * simplification or rounding made, until all outputs are clean.
 */
export function stabilise(
  presimplified: Arc[],
  products: Product[],
  log: (message: string) => void,
): void {
  for (let round = 1; ; round++) {
    let changed = false;
    for (const product of products) {
      const geometries = settleRings(
        product.geometries,
        presimplified,
        product.thresholds,
        product.keepWhole,
        product.minRingArea,
      );
      const arcs = simplifyArcs(presimplified, product.thresholds);
      const topology: Topology = {
        type: 'Topology',
        arcs,
        objects: { all: { type: 'GeometryCollection', geometries } },
      };
      product.features = product.build(topology, geometries);
      const crossings = product.features.flatMap(crossingsOf);
      if (crossings.length === 0) continue;
      const restored = restoreUnder(crossings, presimplified, product.thresholds, product.decimals);
      if (restored === 0) {
        const where = crossings[0]!.point.map((v) => v.toFixed(5)).join(', ');
        throw new GeoCheckError(
          `${product.name}: ${crossings.length} self-intersection(s) at full detail, first at ${where}`,
        );
      }
      log(`  ${product.name}: ${crossings.length} crossing(s), ${restored} point(s) restored`);
      changed = true;
    }
    if (!changed) return;
    if (round > 100) throw new GeoCheckError('simplification did not settle after 100 rounds');
  }
}
