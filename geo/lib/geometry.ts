import type { MultiLineString, MultiPolygon, Position } from 'geojson';
import { findCrossings } from './intersections.ts';
import type { Box } from './types.ts';

const RAD = Math.PI / 180;
// Web Mercator stops here; MapLibre never shows anything beyond it.
const MERCATOR_MAX_LAT = 85.0511;

/** Web Mercator y in degree-like units, so one unit is one degree of longitude everywhere. */
export function mercatorY(lat: number): number {
  const φ = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat)) * RAD;
  return Math.log(Math.tan(Math.PI / 4 + φ / 2)) / RAD;
}

export function inverseMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;
}

/** Width of one 256-px tile pixel at `zoom`, in degrees of longitude (= Mercator units). */
export function pixelDegrees(zoom: number): number {
  return 360 / (256 * 2 ** zoom);
}

/** Signed planar area (shoelace): positive for counter-clockwise rings in lon/lat. */
export function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

export function mercatorRing(ring: Position[]): Position[] {
  return ring.map((p) => [p[0]!, mercatorY(p[1]!)]);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r; // no "-0" in the output
}

/** Rounds a line and drops the repeated positions rounding creates. */
export function roundLine(line: Position[], decimals: number): Position[] {
  const out: Position[] = [];
  for (const p of line) {
    const q = [round(p[0]!, decimals), round(p[1]!, decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounds, cleans and orients polygons per RFC 7946: exterior counter-clockwise, holes clockwise. */
export function cleanMultiPolygon(mp: MultiPolygon, decimals: number): MultiPolygon {
  const polygons: Position[][][] = [];
  for (const polygon of mp.coordinates) {
    const rings: Position[][] = [];
    for (const [i, ring] of polygon.entries()) {
      const r = roundLine(ring, decimals);
      if (r.length > 1) {
        const a = r[0]!;
        const b = r[r.length - 1]!;
        if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0]!, a[1]!]);
      }
      const area = r.length >= 4 ? ringSignedArea(r) : 0;
      if (area === 0) {
        if (i === 0) break; // the exterior collapsed: the polygon (and its holes) goes
        continue;
      }
      const wantPositive = i === 0;
      rings.push(area > 0 === wantPositive ? r : r.reverse());
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Splits a line where it touches itself at a vertex (a mesh line can run through a junction
 * twice, and rounding can nudge one pass across the other), so no line string touches itself.
 * Crossings away from vertices stay for the caller to see.
 */
export function splitAtTouches(line: Position[], tolerance: number): Position[][] {
  const touch = findCrossings([line]).find((c) => {
    const ends = [line[c.a[1]]!, line[c.a[1] + 1]!, line[c.b[1]]!, line[c.b[1] + 1]!];
    return ends.some((e) => Math.hypot(e[0]! - c.point[0]!, e[1]! - c.point[1]!) <= tolerance);
  });
  if (!touch) return [line];
  const k = Math.max(touch.a[1], touch.b[1]);
  return [
    ...splitAtTouches(line.slice(0, k + 1), tolerance),
    ...splitAtTouches(line.slice(k), tolerance),
  ];
}

export function cleanMultiLineString(ml: MultiLineString, decimals: number): MultiLineString {
  const lines = ml.coordinates
    .flatMap((l) => splitAtTouches(roundLine(l, decimals), 10 ** -decimals))
    .filter((l) => l.length >= 2);
  return { type: 'MultiLineString', coordinates: lines };
}

/** Index of the polygon with the largest area (Mercator, as the reader sees it). */
export function largestPolygon(mp: MultiPolygon): Position[][] {
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const polygon of mp.coordinates) {
    const a = Math.abs(ringSignedArea(mercatorRing(polygon[0]!)));
    if (a > bestArea) {
      bestArea = a;
      best = polygon;
    }
  }
  if (!best) throw new Error('largestPolygon: empty MultiPolygon');
  return best;
}

function pointToSegmentSq(px: number, py: number, a: Position, b: Position): number {
  let x = a[0]!;
  let y = a[1]!;
  let dx = b[0]! - x;
  let dy = b[1]! - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0]!;
      y = b[1]!;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to a polygon's outline: positive inside, negative outside. */
function signedDistance(x: number, y: number, polygon: Position[][]): number {
  let inside = false;
  let minSq = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      if (
        a[1]! > y !== b[1]! > y &&
        x < ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!) + a[0]!
      ) {
        inside = !inside;
      }
      minSq = Math.min(minSq, pointToSegmentSq(x, y, a, b));
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

/**
 * Pole of inaccessibility: the point inside the polygon farthest from its outline, found by
 * quadtree search (the polylabel method). Run in Mercator so the label sits where it looks
 * central on the map; returns [lon, lat].
 */
export function poleOfInaccessibility(polygon: Position[][], precision = 0.01): Position {
  const rings = polygon.map(mercatorRing);
  const outer = rings[0]!;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of outer) {
    minX = Math.min(minX, p[0]!);
    minY = Math.min(minY, p[1]!);
    maxX = Math.max(maxX, p[0]!);
    maxY = Math.max(maxY, p[1]!);
  }
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const size = Math.min(maxX - minX, maxY - minY);
  // Start from the area centroid, a good guess that is often already inside.
  let cx = 0;
  let cy = 0;
  let a2 = 0;
  for (let i = 0; i < outer.length - 1; i++) {
    const p = outer[i]!;
    const q = outer[i + 1]!;
    const f = p[0]! * q[1]! - q[0]! * p[1]!;
    cx += (p[0]! + q[0]!) * f;
    cy += (p[1]! + q[1]!) * f;
    a2 += f;
  }
  let best = a2 !== 0 ? cell(cx / (3 * a2), cy / (3 * a2), 0) : cell(minX, minY, 0);
  const box = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0);
  if (box.d > best.d) best = box;
  if (size === 0) return [best.x, inverseMercatorY(best.y)];
  // Highest potential first; ties broken by position so the result never depends on order.
  const before = (p: Cell, q: Cell): boolean =>
    p.max > q.max || (p.max === q.max && (p.x < q.x || (p.x === q.x && p.y < q.y)));
  const heap: Cell[] = [];
  const push = (c: Cell): void => {
    heap.push(c);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  };
  const pop = (): Cell => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  };
  const h = size / 2;
  for (let x = minX; x < maxX; x += size) {
    for (let y = minY; y < maxY; y += size) push(cell(x + h, y + h, h));
  }
  while (heap.length > 0) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const k = c.h / 2;
    push(cell(c.x - k, c.y - k, k));
    push(cell(c.x + k, c.y - k, k));
    push(cell(c.x - k, c.y + k, k));
    push(cell(c.x + k, c.y + k, k));
  }
  return [best.x, inverseMercatorY(best.y)];
}

/** Is the point inside the polygon (even-odd over all its rings)? */
export function pointInPolygon(p: Position, polygon: Position[][]): boolean {
  return signedDistance(p[0]!, p[1]!, polygon) > 0;
}

export function boxPolygon(box: Box): Position[][] {
  const [w, s, e, n] = box;
  return [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
}

export function boxesIntersect(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function boundsOf(coords: Position[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of coords) {
    box[0] = Math.min(box[0], p[0]!);
    box[1] = Math.min(box[1], p[1]!);
    box[2] = Math.max(box[2], p[0]!);
    box[3] = Math.max(box[3], p[1]!);
  }
  return box;
}
