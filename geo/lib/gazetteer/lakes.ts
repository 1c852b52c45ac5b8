import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import turfArea from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Position } from 'geojson';
import { GeoInputError } from '../errors.ts';
import { boundsOf, boxPolygon, pointInPolygon } from '../geometry.ts';
import type { WaterConfig } from './config.ts';
import { shapeOf } from './land.ts';
import type { WaterPlace } from './water.ts';

const GMT_FIX = 'install GMT and its coastlines: `apt-get install gmt gmt-gshhg-high`';

/** Runs `gmt coast … -M` and parses its multisegment text: one list of positions per segment. */
export function gmtSegments(args: string[]): { header: string; points: Position[] }[] {
  // GMT writes gmt.history into its working folder: give it a scratch one.
  const cwd = mkdtempSync(join(tmpdir(), 'geo-gmt-'));
  const r = spawnSync('gmt', ['coast', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, cwd });
  rmSync(cwd, { recursive: true, force: true });
  if (r.error || r.status !== 0) {
    throw new GeoInputError(
      `gmt coast ${args.join(' ')} failed (${r.error?.message ?? r.stderr.trim().split('\n')[0]})`,
      GMT_FIX,
    );
  }
  const out: { header: string; points: Position[] }[] = [];
  let cur: Position[] | null = null;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('>')) {
      cur = [];
      out.push({ header: line, points: cur });
    } else if (line.trim() && cur) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      cur.push([x!, y!]);
    }
  }
  return out;
}

/**
 * GSHHG shorelines come out of `gmt coast -M` cut at the edges of GMT's bins: the pieces of one
 * shoreline meet end to start at the same point. Joins them back into closed rings.
 */
export function stitchRings(segments: Position[][]): Position[][] {
  const key = (p: Position): string => `${p[0]},${p[1]}`;
  const rings: Position[][] = [];
  const open: Position[][] = [];
  for (const s of segments) {
    const a = s[0]!;
    const b = s[s.length - 1]!;
    if (a[0] === b[0] && a[1] === b[1]) rings.push(s);
    else open.push(s);
  }
  const byStart = new Map<string, number[]>();
  open.forEach((s, i) => byStart.set(key(s[0]!), [...(byStart.get(key(s[0]!)) ?? []), i]));
  const used = new Set<number>();
  for (let i = 0; i < open.length; i++) {
    if (used.has(i)) continue;
    used.add(i);
    const ring = [...open[i]!];
    const start = key(ring[0]!);
    for (let guard = 0; guard < open.length; guard++) {
      const end = key(ring[ring.length - 1]!);
      if (end === start) break;
      const next = (byStart.get(end) ?? []).find((j) => !used.has(j));
      if (next === undefined) break;
      used.add(next);
      ring.push(...open[next]!.slice(1));
    }
    if (key(ring[ring.length - 1]!) === start && ring.length >= 4) rings.push(ring);
  }
  return rings;
}

/** Named lakes: the GSHHG level-2 (lake) shoreline around each configured point. */
export function lakes(water: WaterConfig, log: (m: string) => void): WaterPlace[] {
  if (water.lakes.length === 0) return [];
  const t0 = performance.now();
  const segments = gmtSegments(['-Rd', '-Di', '-M', '-A0/2/2', '-W']).map((s) => s.points);
  const rings = stitchRings(segments).map((ring) => ({ ring, box: boundsOf(ring) }));
  const out: WaterPlace[] = [];
  const problems: string[] = [];
  for (const l of water.lakes) {
    const [x, y] = l.point;
    const hits = rings.filter(
      (r) =>
        x >= r.box[0] &&
        x <= r.box[2] &&
        y >= r.box[1] &&
        y <= r.box[3] &&
        pointInPolygon(l.point, [r.ring]),
    );
    if (hits.length === 0) {
      problems.push(`lake ${l.id}: no GSHHG lake around ${l.point.join(', ')}`);
      continue;
    }
    // The largest lake around the point (a lake can hold no other level-2 ring).
    const ring = hits.sort(
      (a, b) =>
        turfArea({ type: 'Polygon', coordinates: [b.ring] }) -
        turfArea({ type: 'Polygon', coordinates: [a.ring] }),
    )[0]!.ring;
    let coords: Position[][][] = [[ring]];
    if (l.clip) {
      const piece = intersect(featureCollection([polygon([ring]), polygon(boxPolygon(l.clip))]));
      const parts = !piece
        ? []
        : piece.geometry.type === 'Polygon'
          ? [piece.geometry.coordinates]
          : piece.geometry.coordinates;
      coords = parts.filter((p) => pointInPolygon(l.point, p));
    }
    const shape = shapeOf({ type: 'MultiPolygon', coordinates: coords });
    if (!shape) {
      problems.push(`lake ${l.id}: collapsed`);
      continue;
    }
    out.push({
      id: l.id,
      kind: l.kind,
      name: l.name,
      name_uk: l.name_uk,
      name_ru: l.name_ru,
      aliases: l.aliases,
      source: 'gshhg',
      prominence: shape.area_km2,
      geometry: shape.geometry,
      extra: { label_point: shape.label_point, area_km2: shape.area_km2 },
    });
  }
  if (problems.length > 0) throw new Error(`water.json: ${problems.join('; ')}`);
  log(`gazetteer: ${out.length} lakes (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return out;
}
