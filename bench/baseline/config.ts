// What the benchmark hands the baseline page at build time (Vite `define`): the story's files and
// first camera, taken from the built story page so both pages show the same map.
import type { Camera, Projection } from '../../src/map/camera.ts';

export interface BaselineConfig {
  /** Relative to the baseline page. */
  files: { places: string; labels: string; tiles: string; glyphs: string };
  /** The story's place ids: the basemap leaves their names out, as on the story page. */
  hide: string[];
  camera: Camera;
  projection: Projection;
  attribution: string;
}

declare global {
  const __BASELINE__: BaselineConfig;
}
