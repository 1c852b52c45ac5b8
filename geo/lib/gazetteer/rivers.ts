import turfArea from '@turf/area';
import type { Position } from 'geojson';
import { boundsOf, mercatorY, pointInPolygon, round } from '../geometry.ts';
import type { Box } from '../types.ts';
import type { RiverConfig, WaterConfig } from './config.ts';
import { gmtSegments, stitchRings } from './lakes.ts';
import type { WaterPlace } from './water.ts';

const R = 6371.0088; // km, the mean radius Turf uses
const rad = Math.PI / 180;
function km(a: Position, b: Position): number {
  const dφ = (b[1]! - a[1]!) * rad;
  const dλ = (b[0]! - a[0]!) * rad;
  const h =
    Math.sin(dφ / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dλ / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Rivers whose traced length is further than this from the published length fail the build. */
export const LENGTH_TOLERANCE = 0.25;
/** Line ends closer than this (degrees) to another line are joined: WDBII tributaries often stop short. */
const JOIN_DEG = 0.02;
/** Line ends this close (degrees) to a lake's shore are joined to it. */
const LAKE_JOIN_DEG = 0.06;
/** Pieces still apart after those joins are bridged where they come this close (degrees). */
const BRIDGE_DEG = 0.03;
/** Source and mouth points snap to the nearest WDBII vertex within this distance (degrees). */
const SNAP_DEG = 0.6;

export class Graph {
  readonly xy: Position[] = [];
  readonly adj: number[][] = [];
  private readonly ids = new Map<string, number>();
  private grid = new Map<string, number[]>();
  private readonly cell = 0.05;

  node(p: Position): number {
    const k = `${p[0]},${p[1]}`;
    let i = this.ids.get(k);
    if (i === undefined) {
      i = this.xy.length;
      this.ids.set(k, i);
      this.xy.push(p);
      this.adj.push([]);
      const g = this.gridKey(p[0]!, p[1]!);
      const list = this.grid.get(g);
      if (list) list.push(i);
      else this.grid.set(g, [i]);
    }
    return i;
  }

  edge(a: number, b: number): void {
    if (a === b || this.adj[a]!.includes(b)) return;
    this.adj[a]!.push(b);
    this.adj[b]!.push(a);
  }

  private gridKey(x: number, y: number): string {
    return `${Math.floor(x / this.cell)},${Math.floor(y / this.cell)}`;
  }

  comp: Int32Array = new Int32Array(0);
  compSize: number[] = [];

  /** Labels connected components (after every edge is in). */
  label(): void {
    const n = this.xy.length;
    this.comp = new Int32Array(n).fill(-1);
    this.compSize = [];
    for (let s = 0; s < n; s++) {
      if (this.comp[s] !== -1) continue;
      const c = this.compSize.length;
      let size = 0;
      const stack = [s];
      this.comp[s] = c;
      while (stack.length > 0) {
        const i = stack.pop()!;
        size++;
        for (const j of this.adj[i]!) {
          if (this.comp[j] === -1) {
            this.comp[j] = c;
            stack.push(j);
          }
        }
      }
      this.compSize.push(size);
    }
  }

  /** Every node within `max` degrees of p, nearest first. */
  within(p: Position, max: number): number[] {
    const r = Math.ceil(max / this.cell);
    const cx = Math.floor(p[0]! / this.cell);
    const cy = Math.floor(p[1]! / this.cell);
    const found: [number, number][] = [];
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) {
        for (const i of this.grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = this.xy[i]!;
          const d = (q[0]! - p[0]!) ** 2 + (q[1]! - p[1]!) ** 2;
          if (d <= max * max) found.push([d, i]);
        }
      }
    }
    return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
  }

  /** The nearest node within `max` degrees that `skip` does not reject, or -1. */
  nearest(p: Position, max: number, skip: (i: number) => boolean = () => false): number {
    const r = Math.ceil(max / this.cell);
    const cx = Math.floor(p[0]! / this.cell);
    const cy = Math.floor(p[1]! / this.cell);
    let best = -1;
    let bestD = max * max;
    for (let dx = -r; dx <= r; dx++) {
      for (let dy = -r; dy <= r; dy++) {
        for (const i of this.grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (skip(i)) continue;
          const q = this.xy[i]!;
          const d = (q[0]! - p[0]!) ** 2 + (q[1]! - p[1]!) ** 2;
          if (d < bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }

  /** Dijkstra on the line graph, by geodesic length: the node path from a to b, or null. */
  path(a: number, b: number): number[] | null {
    const n = this.xy.length;
    const dist = new Float64Array(n).fill(Infinity);
    const prev = new Int32Array(n).fill(-1);
    const heap: [number, number][] = [[0, a]];
    dist[a] = 0;
    const push = (d: number, i: number): void => {
      heap.push([d, i]);
      let k = heap.length - 1;
      while (k > 0) {
        const parent = (k - 1) >> 1;
        if (heap[parent]![0] <= heap[k]![0]) break;
        [heap[parent], heap[k]] = [heap[k]!, heap[parent]!];
        k = parent;
      }
    };
    const pop = (): [number, number] => {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let k = 0;
        for (;;) {
          const l = 2 * k + 1;
          const r = l + 1;
          let m = k;
          if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
          if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
          if (m === k) break;
          [heap[m], heap[k]] = [heap[k]!, heap[m]!];
          k = m;
        }
      }
      return top;
    };
    while (heap.length > 0) {
      const [d, i] = pop();
      if (d > dist[i]!) continue;
      if (i === b) break;
      for (const j of this.adj[i]!) {
        const nd = d + km(this.xy[i]!, this.xy[j]!);
        if (nd < dist[j]!) {
          dist[j] = nd;
          prev[j] = i;
          push(nd, j);
        }
      }
    }
    if (dist[b] === Infinity) return null;
    const out: number[] = [];
    for (let i = b; i !== -1; i = prev[i]!) out.push(i);
    return out.reverse();
  }
}

/** Douglas–Peucker in Web Mercator units (the projection the map is drawn in). */
function simplifyLine(line: Position[], tolerance: number): Position[] {
  const pts = line.map((p) => [p[0]!, mercatorY(p[1]!)]);
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a] as [number, number];
    const [bx, by] = pts[b] as [number, number];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let far = -1;
    let farD = tolerance * tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i] as [number, number];
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const d = (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2;
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

export function lineKm(line: Position[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += km(line[i - 1]!, line[i]!);
  return s;
}

/** WDBII permanent and intermittent rivers (no canals) as one graph. */
export function riverGraph(): Graph {
  const g = new Graph();
  const lines = gmtSegments(['-Rd', '-Dh', '-Ir', '-Ii', '-M']).map((s) => s.points);
  const ends: [number, number][] = []; // [node, line index]
  const lineOf = new Map<number, number>();
  lines.forEach((line, li) => {
    let prev = -1;
    for (const p of line) {
      const i = g.node(p);
      if (!lineOf.has(i)) lineOf.set(i, li);
      if (prev >= 0) g.edge(prev, i);
      prev = i;
    }
    ends.push([g.node(line[0]!), li], [g.node(line[line.length - 1]!), li]);
  });
  // Dangling ends join the nearest vertex of another line.
  const dangling: number[] = [];
  for (const [i, li] of ends) {
    if (g.adj[i]!.length !== 1) continue;
    const j = g.nearest(g.xy[i]!, JOIN_DEG, (k) => lineOf.get(k) === li);
    if (j >= 0) g.edge(i, j);
    dangling.push(i);
  }
  // (components are labelled at the end)
  // WDBII stops at lake and reservoir shores (GSHHG level 2: the Dnipro's reservoirs, Lake
  // Victoria) are joined to them below. The Caspian (over 300,000 km²) is left out: nothing
  // flows through it.
  const lakes = stitchRings(gmtSegments(['-Rd', '-Dh', '-M', '-A0/2/2', '-W']).map((x) => x.points))
    .map((ring) => ({ ring, box: boundsOf(ring) }))
    .filter(({ ring }) => turfArea({ type: 'Polygon', coordinates: [ring] }) < 3e11);
  // Each touching end joins the nearest point of the lake's shore, and the shore is walked:
  // a path through a reservoir chain follows its bank, never a shortcut over land.
  const touching = (ring: Position[], box: Box, p: Position): boolean =>
    p[0]! >= box[0] - LAKE_JOIN_DEG &&
    p[0]! <= box[2] + LAKE_JOIN_DEG &&
    p[1]! >= box[1] - LAKE_JOIN_DEG &&
    p[1]! <= box[3] + LAKE_JOIN_DEG &&
    (pointInPolygon(p, [ring]) ||
      ring.some(
        (q) => Math.abs(q[0]! - p[0]!) < LAKE_JOIN_DEG && Math.abs(q[1]! - p[1]!) < LAKE_JOIN_DEG,
      ));
  const endGrid = new Map<string, number[]>();
  const cell = 0.5;
  for (const i of dangling) {
    const p = g.xy[i]!;
    const key = `${Math.floor(p[0]! / cell)},${Math.floor(p[1]! / cell)}`;
    endGrid.set(key, [...(endGrid.get(key) ?? []), i]);
  }
  const walked = new Set<number>();
  lakes.forEach(({ ring, box }, li) => {
    const ends: number[] = [];
    const m = LAKE_JOIN_DEG;
    for (let x = Math.floor((box[0] - m) / cell); x <= Math.floor((box[2] + m) / cell); x++) {
      for (let y = Math.floor((box[1] - m) / cell); y <= Math.floor((box[3] + m) / cell); y++) {
        for (const i of endGrid.get(`${x},${y}`) ?? [])
          if (touching(ring, box, g.xy[i]!)) ends.push(i);
      }
    }
    if (ends.length < 2) return;
    walked.add(li);
    const shore = ring.map((p) => g.node(p));
    for (let k = 1; k < shore.length; k++) g.edge(shore[k - 1]!, shore[k]!);
    for (const i of ends) {
      const p = g.xy[i]!;
      let best = -1;
      let bestD = Infinity;
      for (const j of shore) {
        const q = g.xy[j]!;
        const d = (q[0]! - p[0]!) ** 2 + (q[1]! - p[1]!) ** 2;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      g.edge(i, best);
    }
  });
  g.label();
  bridgePieces(
    g,
    lakes.filter((_, li) => !walked.has(li)).map(({ ring }) => ring),
  );
  g.label();
  return g;
}

/**
 * Pieces the rules above leave apart (WDBII draws a wide stretch as a closed outline of both
 * banks, whose tip is no dangling end: the Volga at the Gorky reservoir and at Kazan; the upper
 * Tisza stops 2.5 km short of the Someș) are joined where they come within BRIDGE_DEG of each
 * other, or within LAKE_JOIN_DEG of one lake's shore (which is then walked), by one edge between
 * their nearest vertices, nearest gap first, and only while the two are not yet connected: a
 * spanning forest over the pieces. A bridge never makes a second route between points that were
 * already connected, so it cannot shorten any path, only connect pieces.
 */
function bridgePieces(g: Graph, lakes: Position[][]): void {
  const n = g.compSize.length;
  // Candidate links: [gap², piece a, piece b, vertex a, vertex b or lake index]. Lakes are
  // pieces n, n+1, …
  const best = new Map<string, [number, number, number, number, number]>();
  const offer = (d: number, a: number, b: number, i: number, j: number): void => {
    const key = `${a},${b}`;
    const had = best.get(key);
    if (!had || d < had[0] || (d === had[0] && (i < had[3] || (i === had[3] && j < had[4]))))
      best.set(key, [d, a, b, i, j]);
  };
  for (let i = 0; i < g.xy.length; i++) {
    const p = g.xy[i]!;
    for (const j of g.within(p, BRIDGE_DEG)) {
      const [a, b] = [g.comp[i]!, g.comp[j]!];
      if (a < b) offer((g.xy[j]![0]! - p[0]!) ** 2 + (g.xy[j]![1]! - p[1]!) ** 2, a, b, i, j);
    }
  }
  lakes.forEach((ring, li) => {
    ring.forEach((q, k) => {
      for (const i of g.within(q, LAKE_JOIN_DEG)) {
        const d = (g.xy[i]![0]! - q[0]!) ** 2 + (g.xy[i]![1]! - q[1]!) ** 2;
        offer(d, g.comp[i]!, n + li, i, k);
      }
    });
  });
  const parent = Array.from({ length: n + lakes.length }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]!]!;
    return k;
  };
  const links = [...best.values()].sort(
    (x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || x[3] - y[3] || x[4] - y[4],
  );
  const chosen: typeof links = [];
  for (const link of links) {
    const [ra, rb] = [find(link[1]), find(link[2])];
    if (ra === rb) continue;
    parent[ra] = rb;
    chosen.push(link);
  }
  // A lake joined to one piece only is a dead end: left out.
  const uses = new Map<number, number>();
  for (const [, , b] of chosen) if (b >= n) uses.set(b, (uses.get(b) ?? 0) + 1);
  const shores = new Map<number, number[]>();
  for (const [, , b, i, j] of chosen) {
    if (b < n) {
      g.edge(i, j);
      continue;
    }
    if (uses.get(b)! < 2) continue;
    let shore = shores.get(b);
    if (!shore) {
      shore = lakes[b - n]!.map((p) => g.node(p));
      for (let k = 1; k < shore.length; k++) g.edge(shore[k - 1]!, shore[k]!);
      shores.set(b, shore);
    }
    g.edge(i, shore[j]!);
  }
}

/**
 * Named rivers: the shortest path on the WDBII line graph from the source through the via
 * points to the mouth of each configured river, as one LineString. Fails when a path is missing
 * or its length is more than 25% off the published length (a wrong branch).
 */
export function rivers(
  water: WaterConfig,
  log: (m: string) => void,
  tolerance = LENGTH_TOLERANCE,
): WaterPlace[] {
  if (water.rivers.length === 0) return [];
  const t0 = performance.now();
  const g = riverGraph();
  const out: WaterPlace[] = [];
  const problems: string[] = [];
  for (const r of water.rivers) {
    const result = trace(g, r, tolerance);
    if (typeof result === 'string') {
      problems.push(`river ${r.id}: ${result}`);
      continue;
    }
    out.push(result);
  }
  if (problems.length > 0 && tolerance !== Infinity) {
    throw new Error(`water.json: ${problems.join('; ')}`);
  }
  for (const p of problems) log(`  ${p}`);
  log(`gazetteer: ${out.length} rivers (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return out;
}

function trace(g: Graph, r: RiverConfig, tolerance: number): WaterPlace | string {
  // Each point snaps to its nearest vertex in the largest component that every point reaches
  // (a stray fragment of line near the source must not win).
  const near = [r.source, ...r.via, r.mouth].map((p) => g.within(p, SNAP_DEG));
  const missing = near.findIndex((list) => list.length === 0);
  if (missing >= 0) return `no WDBII line within ${SNAP_DEG}° of point ${missing}`;
  const shared = [...new Set(near[0]!.map((i) => g.comp[i]!))]
    .filter((c) => near.every((list) => list.some((i) => g.comp[i] === c)))
    .sort((a, b) => g.compSize[b]! - g.compSize[a]! || a - b);
  if (shared.length === 0) return 'its points are on lines that never connect';
  const stops = near.map((list) => list.find((i) => g.comp[i] === shared[0])!);
  let nodes: number[] = [];
  for (let k = 1; k < stops.length; k++) {
    const part = g.path(stops[k - 1]!, stops[k]!);
    if (!part) return `no connected path between points ${k - 1} and ${k}`;
    nodes = nodes.length ? [...nodes, ...part.slice(1)] : part;
  }
  const full = nodes.map((i) => g.xy[i]!);
  const traced = lineKm(full);
  const off = traced / r.length_km - 1;
  if (Math.abs(off) > (tolerance === Infinity ? tolerance : (r.length_tolerance ?? tolerance))) {
    return `traced ${Math.round(traced)} km, published ${r.length_km} km (${(off * 100).toFixed(0)}%)`;
  }
  const line = simplifyLine(full, 0.5 * (360 / (256 * 2 ** 8)))
    .map((p) => [round(p[0]!, 4), round(p[1]!, 4)])
    .filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
  const length_km = Math.round(lineKm(line));
  return {
    id: r.id,
    kind: 'river',
    name: r.name,
    name_uk: r.name_uk,
    name_ru: r.name_ru,
    aliases: r.aliases,
    source: 'wdbii',
    prominence: r.length_km,
    geometry: { type: 'LineString', coordinates: line },
    extra: {
      label_point: line[Math.floor(line.length / 2)]!,
      length_km,
      published_length_km: r.length_km,
      length_source: r.length_source,
      source_point: r.source,
      mouth_point: r.mouth,
    },
  };
}
