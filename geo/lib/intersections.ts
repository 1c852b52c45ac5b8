import type { Position } from 'geojson';

export interface Crossing {
  point: Position;
  /** The two segments, as [line index, segment index]. */
  a: [number, number];
  b: [number, number];
}

/**
 * Segment crossings among the given lines (polygon rings or line strings), with the same rules
 * as Turf's `kinks` (touching counts, neighbouring segments and a ring's closing pair do not),
 * but bucketed on a grid so 10^5 segments take milliseconds instead of minutes.
 */
export function findCrossings(lines: Position[][]): Crossing[] {
  const segs: { line: number; i: number; closed: boolean; n: number }[] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [line, coords] of lines.entries()) {
    const first = coords[0];
    const last = coords[coords.length - 1];
    const closed = !!first && !!last && first[0] === last[0] && first[1] === last[1];
    for (let i = 0; i < coords.length - 1; i++) {
      segs.push({ line, i, closed, n: coords.length });
    }
    for (const p of coords) {
      minX = Math.min(minX, p[0]!);
      minY = Math.min(minY, p[1]!);
      maxX = Math.max(maxX, p[0]!);
      maxY = Math.max(maxY, p[1]!);
    }
  }
  if (segs.length < 2) return [];
  // Cells about as big as the typical segment: few cells per segment, few segments per cell.
  let length = 0;
  for (const s of segs) {
    const a = lines[s.line]![s.i]!;
    const b = lines[s.line]![s.i + 1]!;
    length += Math.abs(b[0]! - a[0]!) + Math.abs(b[1]! - a[1]!);
  }
  const area = (maxX - minX) * (maxY - minY);
  const cell = Math.max(Math.sqrt(area / segs.length), (2 * length) / segs.length, 1e-9);
  const cols = Math.max(1, Math.ceil((maxX - minX) / cell) + 1);
  const grid = new Map<number, number[]>();
  const at = (s: { line: number; i: number }, k: 0 | 1): Position => lines[s.line]![s.i + k]!;
  for (const [index, s] of segs.entries()) {
    const a = at(s, 0);
    const b = at(s, 1);
    const x0 = Math.floor((Math.min(a[0]!, b[0]!) - minX) / cell);
    const x1 = Math.floor((Math.max(a[0]!, b[0]!) - minX) / cell);
    const y0 = Math.floor((Math.min(a[1]!, b[1]!) - minY) / cell);
    const y1 = Math.floor((Math.max(a[1]!, b[1]!) - minY) / cell);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = y * cols + x;
        const list = grid.get(key);
        if (list) list.push(index);
        else grid.set(key, [index]);
      }
    }
  }
  const seen = new Set<number>();
  const out: Crossing[] = [];
  for (const key of [...grid.keys()].sort((p, q) => p - q)) {
    const list = grid.get(key)!;
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const p = list[u]!;
        const q = list[v]!;
        const pair = Math.min(p, q) * segs.length + Math.max(p, q);
        if (seen.has(pair)) continue;
        seen.add(pair);
        const s = segs[p]!;
        const t = segs[q]!;
        if (s.line === t.line) {
          const d = Math.abs(s.i - t.i);
          if (d === 1) continue;
          if (s.closed && d === s.n - 2) continue;
        }
        const hit = intersect(at(s, 0), at(s, 1), at(t, 0), at(t, 1));
        if (hit) out.push({ point: hit, a: [s.line, s.i], b: [t.line, t.i] });
      }
    }
  }
  return out;
}

/** Turf kinks' test: parallel segments never count, touching ones do. */
function intersect(a: Position, b: Position, c: Position, d: Position): Position | null {
  const denom = (d[1]! - c[1]!) * (b[0]! - a[0]!) - (d[0]! - c[0]!) * (b[1]! - a[1]!);
  if (denom === 0) return null;
  const ay = a[1]! - c[1]!;
  const ax = a[0]! - c[0]!;
  const ua = ((d[0]! - c[0]!) * ay - (d[1]! - c[1]!) * ax) / denom;
  const ub = ((b[0]! - a[0]!) * ay - (b[1]! - a[1]!) * ax) / denom;
  if (ua < 0 || ua > 1 || ub < 0 || ub > 1) return null;
  return [a[0]! + ua * (b[0]! - a[0]!), a[1]! + ua * (b[1]! - a[1]!)];
}
