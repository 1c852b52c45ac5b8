// Hatch patterns and point symbols for the live map, drawn at run time from the catalogue's SVG
// paths (the static map and the legend draw the same paths as SVG), so the map needs no sprite
// file or network. Hatching carries a place's status, so status never depends on colour alone.
import { KINDS, STATUS_STYLES, SYMBOLS, type HatchSpec, type PlaceKind } from './kinds.ts';
import type { Palette } from './palette.ts';

export interface MapImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixelRatio: number;
}

const RATIO = 2;

/** The area status styles drawn with a hatch, each read once by the live map, the static map and
 * the view images. */
const HATCH_STYLES = Object.entries(STATUS_STYLES).flatMap(([id, s]) =>
  s.geometry === 'area' && 'hatch' in s ? [{ id, hatch: s.hatch, fill: s.fill }] : [],
);

function draw(size: number, paint: (ctx: CanvasRenderingContext2D, s: number) => void): MapImage {
  const px = size * RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.scale(RATIO, RATIO);
  paint(ctx, size);
  return { width: px, height: px, data: ctx.getImageData(0, 0, px, px).data, pixelRatio: RATIO };
}

/** The segments of one hatch tile, in tile coordinates: each stroke again one tile over, so the
 * pattern tiles seamlessly. The static map's SVG pattern draws the same segments. */
export function hatchSegments({
  spacing: s,
  direction,
}: HatchSpec): [number, number, number, number][] {
  return [-s, 0, s].map((o) => (direction === 1 ? [o, s, o + s, 0] : [o, 0, o + s, s]));
}

export function mapImages(p: Palette): Record<string, MapImage> {
  const images: Record<string, MapImage> = {};
  for (const { id, hatch, fill } of HATCH_STYLES) {
    images[id] = draw(hatch.spacing, (ctx) => {
      ctx.strokeStyle = p[fill];
      ctx.lineWidth = hatch.width;
      ctx.lineCap = 'square';
      for (const [x0, y0, x1, y1] of hatchSegments(hatch)) {
        ctx.beginPath();
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
        ctx.stroke();
      }
    });
  }
  for (const [kind, spec] of Object.entries(KINDS) as [PlaceKind, (typeof KINDS)[PlaceKind]][]) {
    if (spec.geometry !== 'point') continue;
    const symbol = SYMBOLS[spec.paint.symbol];
    images[`icon-${kind}`] = draw(symbol.size, (ctx, s) => {
      ctx.translate(s / 2, s / 2);
      const path = new Path2D(symbol.path);
      ctx.fillStyle = p[spec.paint.colour];
      ctx.fill(path);
      ctx.lineWidth = symbol.halo;
      ctx.strokeStyle = p.labelHalo;
      ctx.stroke(path);
    });
  }
  return images;
}

/** The hatch fills as SVG `<pattern>`s, ids `<prefix><style>`: the tiles the live map's hatch
 * images are drawn from, for the static map and the view images. */
export function hatchPatternsSvg(prefix: string): string {
  return HATCH_STYLES.map(({ id, hatch }) => {
    const d = hatchSegments(hatch)
      .map(([x0, y0, x1, y1]) => `M${x0},${y0}L${x1},${y1}`)
      .join('');
    return `<pattern id="${prefix}${id}" width="${hatch.spacing}" height="${hatch.spacing}" patternUnits="userSpaceOnUse"><path class="hatch-${id}" d="${d}"/></pattern>`;
  }).join('');
}

/** The status styles drawn with a hatch. */
export const HATCHED: ReadonlySet<string> = new Set(HATCH_STYLES.map((h) => h.id));
