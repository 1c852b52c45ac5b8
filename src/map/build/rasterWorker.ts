// A worker thread of the view images' raster pool (images.ts): it rasterises one SVG at a time
// while the build draws the next view's SVG on the main thread.
import { parentPort } from 'node:worker_threads';
import { rasterise } from './images.ts';

// An error ends the worker: the pool then rasterises its work itself, and throws as it would.
parentPort?.on('message', ({ id, svg }: { id: number; svg: string }) => {
  parentPort!.postMessage({ id, png: rasterise(svg) });
});
