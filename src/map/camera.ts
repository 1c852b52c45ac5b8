// Cameras are story data (see src/story/schema.ts); this is what the map needs on top.
import type { Bounds, ResolvedStory } from '../story/schema.ts';

export type { Bounds, Camera, Projection } from '../story/schema.ts';

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
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
