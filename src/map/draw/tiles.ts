// Reads the world tiles at build time, as the live map does in the browser: the same archive, the
// same zoom, so the static first view draws what the live map will. Node-free: the build gives
// the archive's bytes (scripts/tiles.ts reads the file); a page gives its URL, read with range
// requests as MapLibre reads it.
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import type { Bounds } from '../../story/schema.ts';

/** An archive held in memory. */
class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'basemap';
  }
  async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

export interface TileReader {
  maxZoom: number;
  /** The archive's credit line (its metadata's `attribution`). */
  attribution: string;
  /** Features of the tiles covering `bounds` at `zoom` (clamped to the archive's zooms), each
   * with `properties.layer` naming its tile layer and `properties.tile` its tile's lon/lat box
   * [west, south, east, north] (a feature runs past it into the tile's buffer). */
  features(bounds: Bounds, zoom: number): Promise<FeatureCollection>;
}

const tileX = (lon: number, n: number) => Math.floor(((lon + 180) / 360) * n);
function tileY(lat: number, n: number): number {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
}

const lonOf = (x: number, n: number) => (x / n) * 360 - 180;
const latOf = (y: number, n: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;

/** `decompress` is the tiles' gzip; without it, the browser's DecompressionStream (pmtiles'). */
export async function tileReader(
  archiveOf: Uint8Array | Source,
  decompress?: (data: ArrayBuffer) => Promise<ArrayBuffer>,
): Promise<TileReader> {
  const source = archiveOf instanceof Uint8Array ? new BytesSource(archiveOf) : archiveOf;
  const archive = new PMTiles(source, undefined, decompress && ((buf) => decompress(buf)));
  const header = await archive.getHeader();
  const metadata = (await archive.getMetadata()) as { attribution?: unknown };
  if (typeof metadata.attribution !== 'string') throw new Error('basemap archive: no attribution');
  return {
    maxZoom: header.maxZoom,
    attribution: metadata.attribution,
    async features([[w, s], [e, n]], zoom) {
      const z = Math.max(header.minZoom, Math.min(header.maxZoom, Math.floor(zoom)));
      const count = 2 ** z;
      const out: Feature[] = [];
      for (let y = tileY(n, count); y <= Math.min(count - 1, tileY(s, count)); y++) {
        for (let x = tileX(w, count); x <= tileX(e, count); x++) {
          const wrapped = ((x % count) + count) % count;
          const tile = await archive.getZxy(z, wrapped, y);
          if (!tile) continue;
          const vt = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
          const box = [lonOf(x, count), latOf(y + 1, count), lonOf(x + 1, count), latOf(y, count)];
          for (const [name, layer] of Object.entries(vt.layers)) {
            for (let i = 0; i < layer.length; i++) {
              const f = layer.feature(i).toGeoJSON(x, y, z) as Feature;
              f.properties = { ...f.properties, layer: name, tile: box };
              out.push(f);
            }
          }
        }
      }
      return { type: 'FeatureCollection', features: out };
    },
  };
}
