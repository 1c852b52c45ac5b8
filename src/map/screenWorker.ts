// The drawing of the view on screen, off the page's main thread (map/screenImage.ts starts it):
// the world tiles read by range requests, the story's layers and the build's image code. Its own
// bundle, so none of the drawing code joins a chunk the page loads first.
import type { FeatureCollection, Point } from 'geojson';
import { FetchSource } from 'pmtiles';
import { DARK, LIGHT } from '../catalogue/palette.ts';
import type { PageData } from '../state/page.ts';
import type { MapData } from './draw/mapData.ts';
import { tileReader, type TileReader } from './draw/tiles.ts';
import { viewImageSvg, viewSpec, viewTiles, type ViewSpec } from './draw/viewImage.ts';
import { loadCollection } from './loadFiles.ts';

/** What the page asks for: its files as absolute URLs (a worker has no document to resolve them
 * against), the view on screen and its theme. */
export interface ScreenRequest {
  story: PageData['story'];
  attribution: string;
  files: { world: string; places: string; labels: string };
  passageId: string | undefined;
  view: Pick<ViewSpec, 'camera' | 'emphasised'> & { caption?: string };
  dark: boolean;
}

export type ScreenReply = { svg: string } | { error: string };

/** Fetched once (the browser's cache has the data files already); a failure is not kept, so
 * the next request tries again. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= make().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}

let world: (() => Promise<TileReader>) | undefined;
let data: (() => Promise<MapData>) | undefined;

async function draw(request: ScreenRequest): Promise<string> {
  const { files } = request;
  world ??= once(() => tileReader(new FetchSource(files.world)));
  data ??= once(async () => {
    const [places, labels] = await Promise.all(
      [files.places, files.labels].map((f) => loadCollection(f)),
    );
    return { places: places!, labels: labels as FeatureCollection<Point> };
  });
  const view = viewSpec(request.story, request.passageId, request.view);
  const { bounds, zoom } = viewTiles(view.camera);
  const [reader, mapData] = await Promise.all([world(), data()]);
  return viewImageSvg({
    story: request.story,
    data: mapData,
    tiles: await reader.features(bounds, zoom),
    view,
    attribution: request.attribution,
    palette: request.dark ? DARK : LIGHT,
  });
}

self.onmessage = async (event: MessageEvent<ScreenRequest>) => {
  let reply: ScreenReply;
  try {
    reply = { svg: await draw(event.data) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  self.postMessage(reply);
};
