// Cameras are story data (see src/story/schema.ts); this is what the map needs on top.
import type { Bounds, ResolvedStory } from '../story/schema.ts';

export type { Bounds, Camera, Projection } from '../story/schema.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

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

export function unionBounds(boxes: Bounds[]): Bounds {
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))],
  ];
}

/** The extent of the story's first view: its camera bounds, else its places' bounds. */
export function mainBounds(story: Pick<ResolvedStory, 'initialView' | 'places'>): Bounds {
  const camera = story.initialView.camera;
  if ('bounds' in camera) return camera.bounds;
  const boxes = story.initialView.layers
    .map((id) => story.places[id]?.bounds)
    .filter((b): b is Bounds => !!b);
  return unionBounds(boxes);
}
