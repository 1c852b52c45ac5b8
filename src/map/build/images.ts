// The story's views as image files: each view's SVG (map/draw/viewImage.ts) and its PNG,
// rasterised by resvg with the bundled Noto Sans, never a browser screenshot.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { LIGHT, type Palette } from '../../catalogue/palette.ts';
import { imageFile } from '../../lib/viewImages.ts';
import type { ResolvedStory } from '../../story/schema.ts';
import type { MapData } from '../draw/mapData.ts';
import type { TileReader } from '../draw/tiles.ts';
import { viewImageSvg, viewSpec, viewTiles, type ViewSpec } from '../draw/viewImage.ts';
import { indexedPng } from './png.ts';

const require = createRequire(import.meta.url);
/** Noto Sans (SIL OFL 1.1) as TrueType, which resvg reads (it reads no WOFF2): the face the page
 * and the live map's glyphs use. */
export const IMAGE_FONTS = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

/** The story's views: the first, then each passage's, as the live map shows them. */
export function storyViews(
  story: Pick<ResolvedStory, 'initialView' | 'passages'>,
): { passageId?: string; view: ViewSpec }[] {
  return [undefined, ...story.passages.map((p) => p.id)].map((passageId) => ({
    ...(passageId ? { passageId } : {}),
    view: viewSpec(story, passageId),
  }));
}

/** Every image of a story's views, each as an SVG and a PNG: its file relative to the story's
 * folder (imageFile) and its contents. */
export async function storyImages(
  story: Pick<
    ResolvedStory,
    'title' | 'places' | 'statuses' | 'borders' | 'initialView' | 'passages'
  >,
  data: MapData,
  basemap: Pick<TileReader, 'features'>,
  attribution: string,
  palette: Palette = LIGHT,
): Promise<{ file: string; contents: string | Buffer }[]> {
  const out: { file: string; contents: string | Buffer }[] = [];
  const pngs: Promise<void>[] = [];
  const pool = new RasterPool();
  try {
    for (const { passageId, view } of storyViews(story)) {
      const { bounds, zoom } = viewTiles(view.camera);
      const tiles = await basemap.features(bounds, zoom);
      const svg = viewImageSvg({ story, data, tiles, view, attribution, palette });
      out.push({ file: imageFile(passageId, 'svg'), contents: svg });
      const png: { file: string; contents: string | Buffer } = {
        file: imageFile(passageId, 'png'),
        contents: '',
      };
      out.push(png);
      pngs.push(pool.rasterise(svg).then((contents) => void (png.contents = contents)));
    }
    await Promise.all(pngs);
  } finally {
    await pool.close();
  }
  return out;
}

/** The worker's module is TypeScript, as the build is: the worker registers tsx's loader
 * first (a worker does not inherit the one the build runs under). */
const WORKER_BOOT = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./rasterWorker.ts', import.meta.url).href)});
});`;

/** Rasterises on worker threads, one per core but the one drawing the SVGs: a 200-passage
 * story's images took the build 100 s on one core. A worker that fails (one that cannot load
 * TypeScript, say) leaves its work to this thread, so the images are the same either way. */
class RasterPool {
  readonly #workers: Worker[] = [];
  readonly #waiting = new Map<number, { svg: string; done: (png: Buffer) => void }>();
  #id = 0;
  #broken = false;

  constructor(size = Math.max(1, availableParallelism() - 1)) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_BOOT, { eval: true });
      worker.on('message', ({ id, png }: { id: number; png: Uint8Array }) => {
        this.#waiting.get(id)?.done(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
        this.#waiting.delete(id);
      });
      worker.on('error', () => this.#fallBack());
      this.#workers.push(worker);
    }
  }

  rasterise(svg: string): Promise<Buffer> {
    if (this.#broken) return Promise.resolve(rasterise(svg));
    const id = this.#id++;
    return new Promise((done) => {
      this.#waiting.set(id, { svg, done });
      this.#workers[id % this.#workers.length]!.postMessage({ id, svg });
    });
  }

  #fallBack() {
    this.#broken = true;
    for (const { svg, done } of this.#waiting.values()) done(rasterise(svg));
    this.#waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
/** The SVG as a PNG of the same size (indexed colour: png.ts), its text in the bundled fonts
 * only, so every machine writes the same bytes. */
export function rasterise(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: IMAGE_FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  });
  const image = resvg.render();
  return indexedPng(image.pixels, image.width, image.height);
}
