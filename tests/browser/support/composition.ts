// What the composition test measures: points sampled inside a place, and what a reader sees of
// them on the live map (inside the map box, the canvas topmost there).
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, Geometry, Position } from 'geojson';
import type { Page } from 'playwright-core';
import type { Bounds, Camera } from '../../../src/story/schema.ts';

const GRID = 14;

export interface Sampled {
  id: string;
  /** Its extent on screen counts for the span (an area's does). */
  spans: boolean;
  points: Position[];
}

const inBox = ([x, y]: Position, [[w, s], [e, n]]: Bounds) =>
  y! >= s && y! <= n && (w <= e ? x! >= w && x! <= e : x! >= w || x! <= e);

/** Points inside `f`, within `clip` (the camera's declared box): a grid over an area, the
 * vertices of a line, the point itself. */
export function samples(f: Feature<Geometry>, clip: Bounds | undefined): Position[] {
  const g = f.geometry;
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const all = g.type === 'LineString' ? g.coordinates : g.coordinates.flat();
    const kept = clip ? all.filter((p) => inBox(p, clip)) : all;
    const step = Math.max(1, Math.floor(kept.length / 60));
    return kept.filter((_, i) => i % step === 0);
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const xs = rings.flat().map((p) => p[0]!);
  const ys = rings.flat().map((p) => p[1]!);
  let [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  if (clip && clip[0][0] <= clip[1][0]) {
    [w, s, e, n] = [
      Math.max(w, clip[0][0]),
      Math.max(s, clip[0][1]),
      Math.min(e, clip[1][0]),
      Math.min(n, clip[1][1]),
    ];
  }
  const out: Position[] = [];
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const p = [w + ((i + 0.5) / GRID) * (e - w), s + ((j + 0.5) / GRID) * (n - s)];
      if (booleanPointInPolygon(p, g)) out.push(p);
    }
  }
  return out;
}

export const boundsOf = (camera: Camera): Bounds | undefined =>
  'bounds' in camera ? camera.bounds : undefined;

/** Opens `hash` in the page and waits until the map has settled there. */
export async function go(page: Page, hash: string): Promise<void> {
  // Settled: the camera and the projection unchanged over 300 ms, and every tile drawn.
  await page.evaluate(`new Promise((resolve) => {
    const map = window.mapExplainer.map;
    const now = () => JSON.stringify([map.getCenter(), map.getZoom(), map.getProjection()]);
    location.hash = ${JSON.stringify(hash)};
    let last = '';
    const poll = () => {
      const next = now();
      if (next === last && !map.isMoving() && map.loaded()) resolve();
      else setTimeout(poll, 300);
      last = next;
    };
    setTimeout(poll, 300);
  })`);
  await page.locator('.map.live[aria-busy="false"]').waitFor({ timeout: 30_000 });
}

/** What the reader sees of `places`: the share of their points seen, and the on-screen span of
 * the areas' seen points (a share of the map box's width or height; null without areas). When
 * the map shows a centre-and-zoom view, only points inside that view count. */
export interface Measured {
  seen: number;
  span: number | null;
  /** What hid the points not seen. */
  covered: string[];
}

export async function measure(page: Page, places: Sampled[], clipToView: boolean) {
  return page.evaluate(
    `(${String((o: { places: Sampled[]; clipToView: boolean }) => {
      const map = (
        window as unknown as {
          mapExplainer: {
            map: {
              project(p: number[]): { x: number; y: number };
              getBounds(): { contains(p: number[]): boolean };
              getCanvas(): HTMLCanvasElement;
            };
          };
        }
      ).mapExplainer.map;
      const canvas = map.getCanvas();
      const box = canvas.closest('.map')!.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const view = map.getBounds();
      let seen = 0;
      let total = 0;
      const covered: string[] = [];
      const xs: number[] = [];
      const ys: number[] = [];
      for (const place of o.places) {
        for (const p of place.points) {
          if (o.clipToView && !view.contains(p)) continue;
          total++;
          const q = map.project(p);
          const x = c.left + q.x;
          const y = c.top + q.y;
          const inside = x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
          const top = inside ? document.elementFromPoint(x, y) : null;
          if (top !== canvas) {
            // What hid it: the overlay's class (the legend, a card) or the map's edge.
            const by = top?.closest('[class]')?.classList[0] ?? 'outside the map';
            if (!covered.includes(by)) covered.push(by);
            continue;
          }
          seen++;
          if (place.spans) {
            xs.push(x);
            ys.push(y);
          }
        }
      }
      const span =
        o.places.some((p) => p.spans) && xs.length > 0
          ? Math.max(
              (Math.max(...xs) - Math.min(...xs)) / box.width,
              (Math.max(...ys) - Math.min(...ys)) / box.height,
            )
          : o.places.some((p) => p.spans)
            ? 0
            : null;
      return { seen: total === 0 ? 0 : seen / total, span, covered };
    })})(${JSON.stringify({ places, clipToView })})`,
  ) as Promise<Measured>;
}
