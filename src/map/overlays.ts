// Where a camera may put its subject: the map box less what the map's own HTML overlays cover
// (the place panel, the legend), measured from their real rectangles. Pure, so it is unit tested.
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
}

const MARGIN = 16;
const BASE: Padding = { top: 48, right: 40, bottom: 40, left: 40 };

/** A map box wider than this keeps the panel to its side; narrower ones fit above it. */
export const SIDE_PANEL_MIN_WIDTH = 600;

/** The padding that fits `camera` clear of the overlays over `box`: the panel beside (wide) or
 * below (narrow); the legend stepped around beside or above, whichever shows the place larger;
 * never so much that the place is squeezed to nothing. */
export function overlayPadding(box: Rect, overlays: Overlays, camera: Camera): Padding {
  const pad = { ...BASE };
  const over = (r: Rect | undefined) =>
    r && r.width > 0 && r.right > box.left && r.left < box.right && r.top < box.bottom
      ? r
      : undefined;
  const clamp = (p: Padding): Padding => {
    const right = Math.min(p.right, box.width * 0.65);
    const left = Math.min(p.left, box.width * 0.8 - right);
    return { ...p, right, left, bottom: Math.min(p.bottom, box.height / 2) };
  };
  const wide = box.width > SIDE_PANEL_MIN_WIDTH;
  const panel = over(overlays.panel);
  if (panel && wide) pad.right = Math.max(pad.right, box.right - panel.left + MARGIN);
  else if (panel && panel.bottom <= box.bottom)
    pad.bottom = Math.max(pad.bottom, box.bottom - panel.top + MARGIN);
  const legend = over(overlays.legend);
  if (!legend) return clamp(pad);
  const above = clamp({ ...pad, bottom: Math.max(pad.bottom, box.bottom - legend.top + MARGIN) });
  if (!wide) return above;
  const onLeft = legend.left - box.left < box.right - legend.right;
  const beside = clamp(
    onLeft
      ? { ...pad, left: Math.max(pad.left, legend.right - box.left + MARGIN) }
      : { ...pad, right: Math.max(pad.right, box.right - legend.left + MARGIN) },
  );
  return fitScale(camera, box, beside) >= fitScale(camera, box, above) ? beside : above;
}
