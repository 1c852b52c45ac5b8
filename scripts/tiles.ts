// The world tiles on disk, opened with the reader the build draws the static maps with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BASEMAP_ARCHIVE } from '../src/catalogue/basemap.ts';
import { tileReader, type TileReader } from '../src/map/draw/tiles.ts';

/** The archive under `publicDir` (public/ in the repository: what `npm run geo` wrote). */
export function openBasemap(publicDir: string): Promise<TileReader> {
  const bytes = new Uint8Array(readFileSync(join(publicDir, BASEMAP_ARCHIVE)));
  return tileReader(bytes, async (data) => {
    const out = gunzipSync(new Uint8Array(data));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  });
}

/** The whole world at zoom 0 (one tile): the locator map's land. */
export const WORLD = {
  bounds: [
    [-180, -85],
    [180, 85],
  ] as [[number, number], [number, number]],
  zoom: 0,
};
