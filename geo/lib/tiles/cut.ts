// Cuts the basemap layers into Mapbox Vector Tiles with geojson-vt (clipping, simplification per
// zoom) and vt-pbf (encoding). A layer's features enter the tiles from their own min zoom, so a
// zoom 3 tile holds the big cities only, not every town in it.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import type { TileLayer } from './layers.ts';

export const EXTENT = 4096;

export interface CutTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

type VtTile = NonNullable<ReturnType<GeoJSONVT['getTile']>>;

/**
 * The tiles an index made when told to make them all (the README's way: indexMaxZoom = maxZoom,
 * indexMaxPoints 0). This fork keeps the list on its inner index; the version is pinned.
 */
function tileCoordsOf(index: GeoJSONVT): { z: number; x: number; y: number }[] {
  const coords = (index as unknown as { tileIndex?: { tileCoords?: unknown } }).tileIndex
    ?.tileCoords;
  if (!Array.isArray(coords)) throw new Error('geojson-vt: no tileCoords (a new version?)');
  return coords as { z: number; x: number; y: number }[];
}

/** Tiles of every zoom from 0 to maxZoom that hold anything, encoded, in z/x/y order. */
export function cutTiles(
  layers: TileLayer[],
  maxZoom: number,
  log: (m: string) => void,
): CutTile[] {
  const byTile = new Map<string, Record<string, VtTile>>();
  for (const layer of layers) {
    const t0 = performance.now();
    let count = 0;
    // Zoom ranges over which the layer's feature set stays the same: one index each.
    for (let z0 = 0; z0 <= maxZoom;) {
      let z1 = z0;
      while (z1 < maxZoom && !layer.features.some((f) => f.minzoom === z1 + 1)) z1++;
      const data: FeatureCollection = {
        type: 'FeatureCollection',
        features: layer.features.filter((f) => f.minzoom <= z0).map((f) => f.feature),
      };
      if (data.features.length > 0) {
        const index = new GeoJSONVT(data, {
          maxZoom: z1,
          indexMaxZoom: z1,
          indexMaxPoints: 0,
          extent: EXTENT,
          buffer: 64,
          tolerance: 3,
        });
        for (const { z, x, y } of tileCoordsOf(index)) {
          if (z < z0 || z > z1) continue;
          const tile = index.getTile(z, x, y);
          if (!tile || tile.features.length === 0) continue;
          const key = `${z}/${x}/${y}`;
          const entry = byTile.get(key) ?? {};
          entry[layer.name] = tile;
          byTile.set(key, entry);
          count++;
        }
      }
      z0 = z1 + 1;
    }
    log(
      `tiles: ${layer.name} ${layer.features.length} features in ${count} tiles (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  }
  const out: CutTile[] = [];
  for (const [key, tileLayers] of byTile) {
    const [z, x, y] = key.split('/').map(Number) as [number, number, number];
    // Layers in a fixed order, so the bytes do not depend on which layer was cut first.
    const ordered = Object.fromEntries(
      layers.filter((l) => tileLayers[l.name]).map((l) => [l.name, tileLayers[l.name]!]),
    );
    out.push({ z, x, y, data: fromGeojsonVt(ordered, { version: 2, extent: EXTENT }) });
  }
  return out.sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y);
}
