// Cameras are story data (see src/story/schema.ts); this is what the map needs on top.
import type { LegendSide } from '../state/page.ts';
import type { Camera } from '../story/schema.ts';

export type { LegendSide };

export type { Bounds, Camera, Projection } from '../story/schema.ts';

/** The static map's canvas; the first view's bounds fill its middle (STATIC_INSET in from each
 * side) so a box of any shape crops it, like CSS `object-fit: cover`, and still shows them. */
export const STATIC_SIZE = { width: 1000, height: 800 } as const;
export const STATIC_INSET = { x: 170, y: 140 } as const;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The padding that makes a fit of the first view's bounds in a `width` × `height` box frame them
 * exactly as the static map does there, so the live map takes over without a jump. */
export function staticFramePadding({ width, height }: { width: number; height: number }): Padding {
  const scale = Math.max(width / STATIC_SIZE.width, height / STATIC_SIZE.height);
  // A box narrower than the bounds' share of the canvas crops them: the fit then zooms out a little.
  const x = Math.max(0, (width - (STATIC_SIZE.width - 2 * STATIC_INSET.x) * scale) / 2);
  const y = Math.max(0, (height - (STATIC_SIZE.height - 2 * STATIC_INSET.y) * scale) / 2);
  return { top: y, right: x, bottom: y, left: x };
}

/** The wide layout's map box (1280×800 less the text column), where the open legend covers the
 * most of the first view; and the legend's footprint there, margins included. */
const WIDE_MAP = { width: 672, height: 800 };
const LEGEND_FOOTPRINT = { width: 290, height: 360 };

/** A centre-and-zoom camera's zoom in a `box`: its kind's zoom is set for the wide map, so a
 * smaller map zooms out as much as it is smaller (a city on a phone shows as much around it). */
export function zoomFor(zoom: number, box: { width: number; height: number }): number {
  return zoom + Math.log2(Math.min(1, box.width / WIDE_MAP.width, box.height / WIDE_MAP.height));
}

/** The zoom at which MapLibre draws a globe centred at `lat` at most `diameter` px across: its
 * radius is worldSize / 2π / cos(lat), so the scale at the centre matches Web Mercator's. A
 * globe view shows the whole globe, in the room the overlays leave. */
export function globeZoomFor(diameter: number, lat: number): number {
  return Math.log2((diameter * Math.PI * Math.cos((lat * Math.PI) / 180)) / 512);
}

/** The bottom corner for the legend that hides fewer of the first view's places: `points` are
 * symbols and labels in static-map (STATIC_SIZE) coordinates. The right wins a tie. */
export function legendSide(points: readonly { x: number; y: number }[]): LegendSide {
  const { width, height } = WIDE_MAP;
  const scale = Math.max(width / STATIC_SIZE.width, height / STATIC_SIZE.height);
  const x0 = (width - STATIC_SIZE.width * scale) / 2;
  const y0 = (height - STATIC_SIZE.height * scale) / 2;
  const under = (side: LegendSide) =>
    points.filter(({ x, y }) => {
      const bx = x * scale + x0;
      const by = y * scale + y0;
      const inX =
        side === 'left'
          ? bx >= 0 && bx <= LEGEND_FOOTPRINT.width
          : bx >= width - LEGEND_FOOTPRINT.width && bx <= width;
      return inX && by >= height - LEGEND_FOOTPRINT.height && by <= height;
    }).length;
  return under('left') < under('right') ? 'left' : 'right';
}

/** Pixels per radian of longitude when `camera`'s bounds are fitted in `box` with `padding` (Web
 * Mercator): larger shows the place larger. 0 for a centre-and-zoom camera, which fits nothing. */
export function fitScale(
  camera: Camera,
  box: { width: number; height: number },
  padding: Padding,
): number {
  if (!('bounds' in camera)) return 0;
  const [[west, south], [east, north]] = camera.bounds;
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const width = (((east - west + 360) % 360 || 360) * Math.PI) / 180;
  const height = y(north) - y(south);
  return Math.min(
    (box.width - padding.left - padding.right) / width,
    (box.height - padding.top - padding.bottom) / height,
  );
}
