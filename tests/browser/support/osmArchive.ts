// A tiny archive in the Protomaps basemap schema (the layers and fields @protomaps/basemaps
// styles: earth, water, roads, places, boundaries), written with our own tile cutter and PMTiles
// writer (geo/lib/tiles), so the BASEMAP_URL option is tested without an OSM extract.
import type { Feature, Geometry } from 'geojson';
import { cutTiles } from '../../../geo/lib/tiles/cut.ts';
import type { TileLayer } from '../../../geo/lib/tiles/layers.ts';
import { writePmtiles } from '../../../geo/lib/tiles/pmtiles.ts';

/** Where things are: around the seed story's Black Sea, clear of its own labels. */
export const OSM_TEST = {
  bounds: [28, 43, 40, 48] as [number, number, number, number],
  maxZoom: 6,
  /** Inside the water polygon, clear of labels (the story's sea is drawn over it). */
  water: [37.3, 43.3] as [number, number],
  /** Near Sochi: in the first view, clear of the legend and the story's labels. */
  town: { name: 'Testville', at: [39.3, 43.6] as [number, number] },
};

const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry,
  properties,
});
const box = ([w, s, e, n]: number[]): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [w!, s!],
      [e!, s!],
      [e!, n!],
      [w!, n!],
      [w!, s!],
    ],
  ],
});
const layer = (name: string, ...features: Feature[]): TileLayer => ({
  name,
  description: `Protomaps schema: ${name}`,
  features: features.map((f) => ({ minzoom: 0, feature: f })),
});

/** The archive's bytes: z0–6 tiles of the five layers. */
export function osmTestArchive(): Buffer {
  const t = OSM_TEST;
  const layers = [
    layer('earth', feature(box(t.bounds), { kind: 'earth' })),
    layer('water', feature(box([31, 43, 38, 45]), { kind: 'water', name: 'Test Sea' })),
    layer(
      'roads',
      feature(
        {
          type: 'LineString',
          coordinates: [
            [28.5, 47],
            [34, 47.2],
            [39.5, 47.5],
          ],
        },
        { kind: 'highway', min_zoom: 3 },
      ),
    ),
    layer(
      'places',
      feature(
        { type: 'Point', coordinates: t.town.at },
        { kind: 'locality', name: t.town.name, min_zoom: 0, population_rank: 10 },
      ),
    ),
    layer(
      'boundaries',
      feature(
        {
          type: 'LineString',
          coordinates: [
            [30.5, 45.5],
            [30.5, 48],
          ],
        },
        // kind_detail 2: a country border, as the package's filter reads it.
        { kind: 'country', kind_detail: 2, min_zoom: 0 },
      ),
    ),
  ];
  const tiles = cutTiles(layers, t.maxZoom, () => {});
  return writePmtiles(tiles, {
    minZoom: 0,
    maxZoom: t.maxZoom,
    bounds: t.bounds,
    center: [34, 45.5, 4],
    metadata: {
      name: 'map-explainer test archive (Protomaps schema)',
      attribution: 'test tiles',
      vector_layers: layers.map((l) => ({ id: l.name, fields: {} })),
    },
  });
}
