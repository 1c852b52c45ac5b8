// The basemap's look, defined once: the layers of the world tiles (geo/lib/tiles/layers.ts) drawn
// bottom to top with palette tokens and sizes. The live map's style (style.ts) and the static
// map's SVG (map/draw/staticMap.ts) are both generated from this list, so they agree.
import type { PaletteToken } from './palette.ts';

/** The vector source of the world tiles, and the archive the build ships. */
export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_ARCHIVE = 'tiles/world.pmtiles';

/** The style's source URL for an archive: the `pmtiles` protocol (registered by the live map)
 * reads its header and tiles with HTTP range requests. */
export const basemapUrl = (absoluteArchiveUrl: string): string => `pmtiles://${absoluteArchiveUrl}`;

/** Which basemap the live map draws: the bundled world tiles with the layers below, or a
 * newsroom's own Protomaps OSM archive (`BASEMAP_URL`, src/map/build/basemap.ts) with the layers
 * of @protomaps/basemaps (protomaps.ts). The static map always draws the world tiles. */
export type BasemapSchema = 'world' | 'protomaps';

/** The id prefix of a Protomaps basemap's layers (protomaps.ts), so they never meet ours. */
export const PROTOMAPS_PREFIX = 'protomaps-';

/** ODbL asks for this credit wherever OSM data is shown. */
export const OSM_CREDIT = '© OpenStreetMap contributors';

/** Only features whose property `key` is one of `values`. */
export interface Only {
  key: string;
  values: string[];
}

interface Common {
  id: string;
  /** The tile layer it draws (geo/lib/tiles/layers.ts names them). */
  layer: string;
  only?: Only;
  colour: PaletteToken;
}

export type BasemapLayer =
  | (Common & { type: 'fill' })
  | (Common & { type: 'line'; width: number; dash?: [number, number] })
  | (Common & { type: 'dot'; radius: number })
  | (Common & {
      type: 'label';
      size: number;
      /** Along the line (rivers) or centred on the point; `below` sits under a dot. */
      placement: 'point' | 'below' | 'line';
      upper?: boolean;
      spacing?: number;
      /** Which feature wins when labels collide: the most populous, or the first in rank. */
      priority?: 'population' | 'rank';
    });

const kind = (...values: string[]): Only => ({ key: 'kind', values });

/** Bottom to top. Text is at least 11 px (legible on a phone) in a colour at AA contrast. */
export const BASEMAP_LAYERS: readonly BasemapLayer[] = [
  { id: 'basemap-land', layer: 'land', type: 'fill', colour: 'land' },
  { id: 'basemap-lakes', layer: 'water', type: 'fill', colour: 'sea' },
  { id: 'basemap-rivers', layer: 'rivers', type: 'line', colour: 'coastline', width: 0.8 },
  {
    id: 'basemap-region-border',
    layer: 'boundaries',
    only: kind('region'),
    type: 'line',
    colour: 'admin1Border',
    width: 0.7,
  },
  {
    id: 'basemap-disputed-border',
    layer: 'boundaries',
    only: kind('disputed'),
    type: 'line',
    colour: 'countryBorder',
    width: 1.1,
    dash: [3, 2],
  },
  {
    id: 'basemap-country-border',
    layer: 'boundaries',
    only: kind('country'),
    type: 'line',
    colour: 'countryBorder',
    width: 1.1,
  },
  { id: 'basemap-town-dots', layer: 'places', type: 'dot', colour: 'muted', radius: 2 },
  {
    id: 'basemap-water-names',
    layer: 'labels',
    only: kind('sea', 'strait', 'lake'),
    type: 'label',
    colour: 'waterLabel',
    size: 11,
    placement: 'point',
    spacing: 0.1,
    priority: 'rank',
  },
  {
    id: 'basemap-river-names',
    layer: 'river_names',
    type: 'label',
    colour: 'waterLabel',
    size: 11,
    placement: 'line',
  },
  {
    id: 'basemap-town-names',
    layer: 'places',
    type: 'label',
    colour: 'muted',
    size: 11,
    placement: 'below',
    priority: 'population',
  },
  {
    id: 'basemap-region-names',
    layer: 'labels',
    only: kind('region'),
    type: 'label',
    colour: 'muted',
    size: 11,
    placement: 'point',
    priority: 'rank',
  },
  {
    id: 'basemap-country-names',
    layer: 'labels',
    only: kind('country'),
    type: 'label',
    colour: 'muted',
    size: 12,
    placement: 'point',
    upper: true,
    spacing: 0.08,
    priority: 'rank',
  },
];
