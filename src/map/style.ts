// The whole map style as MapLibre style-spec data, built from the story's places and a palette.
// Kept pure (no maplibre import) so it is validated against the spec in a unit test and shared by
// the explainer, the embed and the benchmark's baseline page.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { Palette } from './palette.ts';

export const FONT = 'Noto Sans Regular';

export interface StyleInput {
  palette: Palette;
  /** Data, or absolute URLs: MapLibre fetches in a worker, where relative URLs break. */
  basemap: { world: string | FeatureCollection; region: string | FeatureCollection };
  /** Absolute, with `{fontstack}` and `{range}` left unencoded. */
  glyphs: string;
  /** The story's places, as a URL or as data. */
  places: string | FeatureCollection;
  /** One point per polygon place, where its single label goes. */
  labels: FeatureCollection;
}

export const SOURCE = { world: 'world', region: 'region', places: 'places', labels: 'labels' };

/** Layers a reader can click: every story feature, and nothing of the basemap. */
export const INTERACTIVE_LAYERS = [
  'place-fill',
  'place-hatch',
  'place-hatch-wide',
  'place-uncertainty',
  'place-point',
];

const state = (key: 'active' | 'selected' | 'hover'): ExpressionSpecification => [
  'boolean',
  ['feature-state', key],
  false,
];
// The spec's TypeScript types cannot follow nested expressions; the style is checked against the
// spec itself (validateStyleMin) in tests/unit/map/style.test.ts instead.
type Expr = ExpressionSpecification;
const filter = (e: Expr) => e as FilterSpecification;
// How the story draws a feature's status (mapData.ts): solid, hatch, hatch-wide or none.
const statusStyle: Expr = ['get', 'statusStyle'];
const hatched: Expr = ['match', statusStyle, ['hatch', 'hatch-wide'], true, false];
const isPolygon: Expr = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint: Expr = ['==', ['geometry-type'], 'Point'];
const notUncertainty: Expr = ['!=', ['get', 'kind'], 'uncertainty'];

/** Places outside the current passage stay drawn, faintly, so they can still be clicked. */
function emphasis(on: number, off: number): Expr {
  return ['case', ['any', state('active'), state('selected')], on, off];
}

function basemapLayers(p: Palette): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  for (const source of [SOURCE.world, SOURCE.region]) {
    layers.push({
      id: `${source}-land`,
      type: 'fill',
      source,
      filter: ['==', ['get', 'layer'], 'land'],
      // No antialiasing: the world and region files meet along a box edge, which would show.
      paint: { 'fill-color': p.land, 'fill-antialias': false },
    });
  }
  for (const source of [SOURCE.world, SOURCE.region]) {
    layers.push(
      {
        id: `${source}-admin1-border`,
        type: 'line',
        source,
        filter: ['==', ['get', 'layer'], 'admin1-border'],
        paint: { 'line-color': p.admin1Border, 'line-width': 0.8 },
      },
      {
        id: `${source}-coastline`,
        type: 'line',
        source,
        filter: ['==', ['get', 'layer'], 'coastline'],
        paint: { 'line-color': p.coastline, 'line-width': 0.8 },
      },
      {
        id: `${source}-country-border`,
        type: 'line',
        source,
        filter: ['==', ['get', 'layer'], 'country-border'],
        paint: { 'line-color': p.countryBorder, 'line-width': 1.2 },
      },
    );
  }
  return layers;
}

function labelLayers(p: Palette): LayerSpecification[] {
  const text = {
    'text-color': p.label,
    'text-halo-color': p.labelHalo,
    'text-halo-width': 1.5,
  };
  return [
    ...[SOURCE.world, SOURCE.region].map((source): LayerSpecification => ({
      id: `${source}-labels`,
      type: 'symbol',
      source,
      minzoom: source === SOURCE.world ? 1.5 : 3,
      filter: ['match', ['get', 'layer'], ['country-label', 'sea-label'], true, false],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [FONT],
        'text-size': 11,
        'text-letter-spacing': 0.05,
        'text-max-width': 7,
      },
      paint: { ...text, 'text-color': p.countryBorder },
    })),
    {
      id: 'place-labels',
      type: 'symbol',
      source: SOURCE.labels,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': ['case', ['==', ['get', 'kind'], 'country'], 14, 12],
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: text,
    },
  ];
}

function placeLayers(p: Palette): LayerSpecification[] {
  const fillColor: Expr = [
    'match',
    statusStyle,
    'solid',
    p.solidFill,
    'hatch',
    p.hatch,
    'hatch-wide',
    p.hatchWide,
    ['match', ['get', 'category'], 'sea', p.seaFill, p.countryFill],
  ];
  return [
    {
      id: 'place-fill',
      type: 'fill',
      source: SOURCE.places,
      // Tint only; hatching on top says the status.
      filter: filter(['all', isPolygon, notUncertainty]),
      paint: {
        'fill-color': fillColor,
        'fill-opacity': ['case', hatched, emphasis(0.18, 0.08), emphasis(0.75, 0.3)],
      },
    },
    ...(['hatch', 'hatch-wide'] as const).map((style): LayerSpecification => ({
      id: `place-${style}`,
      type: 'fill',
      source: SOURCE.places,
      filter: filter(['all', isPolygon, ['==', statusStyle, style]]),
      paint: { 'fill-pattern': style, 'fill-opacity': emphasis(1, 0.45) },
    })),
    {
      id: 'place-uncertainty',
      type: 'fill',
      source: SOURCE.places,
      filter: filter(['==', ['get', 'kind'], 'uncertainty']),
      paint: { 'fill-color': p.incident, 'fill-opacity': emphasis(0.15, 0.06) },
    },
    {
      id: 'place-uncertainty-line',
      type: 'line',
      source: SOURCE.places,
      filter: filter(['==', ['get', 'kind'], 'uncertainty']),
      paint: { 'line-color': p.incident, 'line-width': 1.5, 'line-dasharray': [2, 2] },
    },
    {
      id: 'place-outline',
      type: 'line',
      source: SOURCE.places,
      filter: filter(['all', isPolygon, notUncertainty]),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': [
          'case',
          state('selected'),
          p.selected,
          ['==', statusStyle, 'solid'],
          p.solidLine,
          fillColor,
        ],
        'line-width': [
          'case',
          state('selected'),
          3.5,
          ['==', statusStyle, 'solid'],
          2,
          emphasis(1.6, 0.6),
        ],
        'line-opacity': emphasis(1, 0.6),
      },
    },
    {
      // Layout properties cannot read feature state, so the selection ring is its own layer.
      id: 'place-point-ring',
      type: 'circle',
      source: SOURCE.places,
      filter: filter(isPoint),
      paint: {
        'circle-radius': 12,
        'circle-opacity': 0,
        'circle-stroke-color': p.selected,
        'circle-stroke-width': ['case', state('selected'), 3, 0],
      },
    },
    {
      id: 'place-point',
      type: 'symbol',
      source: SOURCE.places,
      filter: filter(isPoint),
      layout: {
        'icon-image': ['concat', 'icon-', ['get', 'kind']],
        'icon-allow-overlap': true,
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': 12,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: {
        'icon-opacity': emphasis(1, 0.55),
        'text-color': p.label,
        'text-halo-color': p.labelHalo,
        'text-halo-width': 1.5,
      },
    },
  ];
}

export function buildStyle(input: StyleInput): StyleSpecification {
  const { palette: p } = input;
  return {
    version: 8,
    glyphs: input.glyphs,
    sources: {
      [SOURCE.world]: { type: 'geojson', data: input.basemap.world },
      [SOURCE.region]: { type: 'geojson', data: input.basemap.region },
      // promoteId: feature-state needs a key; our ids are strings in `properties.id`.
      [SOURCE.places]: { type: 'geojson', data: input.places, promoteId: 'id' },
      [SOURCE.labels]: { type: 'geojson', data: input.labels },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': p.sea } },
      ...basemapLayers(p).filter((l) => l.id.endsWith('-land')),
      ...placeLayers(p).slice(0, 4),
      ...basemapLayers(p).filter((l) => !l.id.endsWith('-land')),
      ...placeLayers(p).slice(4),
      ...labelLayers(p),
    ],
  };
}
