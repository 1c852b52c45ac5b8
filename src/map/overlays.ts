// Where a camera may put its subject: the map box less what the map's own HTML overlays cover
// (the place panel, the legend, the far-places cards), measured from their real rectangles.
// Pure, so it is unit tested.
import { fitScale, type Camera, type Padding } from './camera.ts';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Overlays {
  /** The open place panel, if shown. */
  panel?: Rect | undefined;
  /** The legend, if shown. */
  legend?: Rect | undefined;
  /** The far-places cards, if shown. */
  cards?: Rect | undefined;
}

const MARGIN = 16;
const BASE: Padding = { top: 48, right: 40, bottom: 40, left: 40 };

/** A map box wider than this keeps the panel to its side; narrower ones fit above it. */
export const SIDE_PANEL_MIN_WIDTH = 600;

const widest = (a: Padding, b: Partial<Padding>): Padding => ({
  top: Math.max(a.top, b.top ?? 0),
  right: Math.max(a.right, b.right ?? 0),
  bottom: Math.max(a.bottom, b.bottom ?? 0),
  left: Math.max(a.left, b.left ?? 0),
});

/** The two ways round an overlay in a corner: above or below it, or beside it. */
function around(box: Rect, r: Rect): Partial<Padding>[] {
  const atTop = r.top - box.top < box.bottom - r.bottom;
  const onLeft = r.left - box.left < box.right - r.right;
  return [
    atTop ? { top: r.bottom - box.top + MARGIN } : { bottom: box.bottom - r.top + MARGIN },
    onLeft ? { left: r.right - box.left + MARGIN } : { right: box.right - r.left + MARGIN },
  ];
}

/** How large `padding` lets the subject show: the fitted scale of a bounds camera, the free
 * area for a centre-and-zoom one (its subject sits in the middle of what is free). */
function roomFor(camera: Camera, box: Rect, padding: Padding): number {
  if ('bounds' in camera) return fitScale(camera, box, padding);
  const w = Math.max(0, box.width - padding.left - padding.right);
  const h = Math.max(0, box.height - padding.top - padding.bottom);
  return w * h;
}

/** The padding that fits `camera` clear of the overlays over `box`: the panel beside or, when
 * short, above the place (wide), or below it (narrow); the legend and the cards each stepped
 * around above/below or beside; whichever shows the place larger; never so much that the place
 * is squeezed to nothing. */
export function overlayPadding(box: Rect, overlays: Overlays, camera: Camera): Padding {
  let pad = { ...BASE };
  const over = (r: Rect | undefined) =>
    r &&
    r.width > 0 &&
    r.right > box.left &&
    r.left < box.right &&
    r.top < box.bottom &&
    r.bottom > box.top
      ? r
      : undefined;
  const clamp = (p: Padding): Padding => {
    const right = Math.min(p.right, box.width * 0.65);
    const left = Math.min(p.left, box.width * 0.8 - right);
    const bottom = Math.min(p.bottom, box.height / 2);
    const top = Math.min(p.top, box.height * 0.8 - bottom);
    return { top, right, bottom, left };
  };
  const wide = box.width > SIDE_PANEL_MIN_WIDTH;
  const panel = over(overlays.panel);
  const ways: Partial<Padding>[][] = [];
  if (panel && wide) {
    // Beside the panel, or below a short one (the top half of the map): a wide place shows larger
    // under a short panel than squeezed beside it.
    const beside = { right: box.right - panel.left + MARGIN };
    const below = { top: panel.bottom - box.top + MARGIN };
    ways.push(below.top <= box.height / 2 ? [beside, below] : [beside]);
  } else if (panel && panel.bottom <= box.bottom)
    pad.bottom = Math.max(pad.bottom, box.bottom - panel.top + MARGIN);
  for (const r of [overlays.legend, overlays.cards].map(over)) if (r) ways.push(around(box, r));
  // Every combination of ways round the overlays (up to eight), the roomiest kept.
  let best = [clamp(pad)];
  for (const options of ways) {
    best = best.flatMap((p) => options.map((way) => clamp(widest(p, way))));
  }
  pad = best[0]!;
  for (const p of best) if (roomFor(camera, box, p) > roomFor(camera, box, pad)) pad = p;
  return pad;
}
