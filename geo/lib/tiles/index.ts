// The world basemap archive: the basemap layers cut into tiles and written as one PMTiles file
// that any static host serves with HTTP range requests.
import type { Feature, Geometry } from 'geojson';
import type { Borders } from '../gazetteer/land.ts';
import { cutTiles } from './cut.ts';
import { basemapLayers } from './layers.ts';
import { writePmtiles } from './pmtiles.ts';

export const TILES_FILE = 'tiles/world.pmtiles';
export const MAX_ZOOM = 8;
export const ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0) · GSHHG (LGPL)';

export function buildTiles(
  gazetteer: Feature[],
  basemap: { land: Geometry[]; borders: Borders },
  log: (m: string) => void,
): { bytes: Buffer; tiles: number } {
  const t0 = performance.now();
  const layers = basemapLayers(gazetteer, basemap);
  const tiles = cutTiles(layers, MAX_ZOOM, log);
  const fields = (l: (typeof layers)[number]): Record<string, string> => {
    const keys = new Set<string>();
    for (const f of l.features)
      for (const k of Object.keys(f.feature.properties ?? {})) keys.add(k);
    return Object.fromEntries(
      [...keys].sort().map((k) => [k, k === 'population' || k === 'rank' ? 'Number' : 'String']),
    );
  };
  const bytes = writePmtiles(tiles, {
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    bounds: [-180, -85.05113, 180, 85.05113],
    center: [0, 20, 1],
    metadata: {
      name: 'map-explainer world basemap',
      description: 'Built by npm run geo (geo/lib/tiles) from the world gazetteer\u2019s sources',
      attribution: ATTRIBUTION,
      vector_layers: layers.map((l) => ({
        id: l.name,
        description: l.description,
        minzoom: Math.min(...l.features.map((f) => f.minzoom)),
        maxzoom: MAX_ZOOM,
        fields: fields(l),
      })),
    },
  });
  log(
    `tiles: ${tiles.length} tiles z0–${MAX_ZOOM}, ${(bytes.length / 1e6).toFixed(1)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return { bytes, tiles: tiles.length };
}
