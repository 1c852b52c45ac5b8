// The whole map style as MapLibre style-spec data, generated from the catalogue (kinds.ts) and a
// palette. Kept pure (no maplibre import) so it is validated against the spec in a unit test and
// shared by the explainer, the embed and the benchmark's baseline page. Layers are placed by an
// explicit z-order (ORDER), never by their position in a list.
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import {
  KINDS,
  LINE_HIT_WIDTH,
  POINT_HIT_RADIUS,
  STATES,
  STATUS_STYLES,
  UNCERTAINTY,
  tintsOf,
  toneOf,
  type Emphasis,
  type PlaceKind,
  type StatusStyle,
} from './kinds.ts';
import { BASEMAP_LAYERS, BASEMAP_SOURCE, PROTOMAPS_PREFIX } from './basemap.ts';
import { DARK, type Palette, type PaletteToken } from './palette.ts';
import type { ProtomapsLayers } from './protomaps.ts';

export const FONT = 'Noto Sans Regular';

export interface StyleInput {
  palette: Palette;
  /** The basemap's TileJSON URL (`pmtiles://` + the archive's absolute URL). */
  basemap: string;
  /** Given when the archive is a Protomaps OSM one (basemap.ts): the maker of its layers
   * (protomaps.ts, a lazy chunk). Otherwise it holds the world tiles. */
  protomaps?: ProtomapsLayers;
  /** The story's language, for a Protomaps basemap's labels. */
  lang?: string;
  /** Place ids the story draws itself: the basemap leaves their names out. */
  hide?: string[];
  /** Absolute, with `{fontstack}` and `{range}` left unencoded. */
  glyphs: string;
  /** The story's places, as a URL or as data. */
  places: string | FeatureCollection;
  /** One point per area place, where its single label goes. */
  labels: FeatureCollection;
}

export const SOURCE = { basemap: BASEMAP_SOURCE, places: 'places', labels: 'labels' };

/** Bottom to top. A layer not named here is an error, so inserting one never reorders others. */
export const ORDER = [
  'background',
  'basemap-land',
  'basemap-lakes',
  // A Protomaps basemap's layers, in its own order within each slot (see slotOf), where the
  // world tiles' fills, lines and labels go.
  'protomaps-fills',
  'place-area-fill',
  'place-hatch',
  'place-hatch-wide',
  'place-uncertainty',
  'basemap-rivers',
  'basemap-region-border',
  'basemap-disputed-border',
  'basemap-country-border',
  'protomaps-lines',
  'place-uncertainty-line',
  'place-area-outline',
  'place-line-casing',
  'place-line-dash-0',
  'place-line-dash-1',
  'place-line-dash-2',
  'place-line-dash-3',
  'place-line-dash-4',
  'place-line-hit',
  'place-point-ring',
  'place-point',
  'basemap-town-dots',
  'basemap-water-names',
  'basemap-river-names',
  'basemap-town-names',
  'basemap-region-names',
  'basemap-country-names',
  'protomaps-labels',
  'place-line-labels',
  'place-labels',
] as const;

/** Layers a reader can click: every story feature, and nothing of the basemap. */
export const INTERACTIVE_LAYERS = [
  'place-area-fill',
  'place-hatch',
  'place-hatch-wide',
  'place-uncertainty',
  'place-line-hit',
  'place-point',
];

type Expr = ExpressionSpecification;
// The spec's TypeScript types cannot follow nested expressions; the style is checked against the
// spec itself (validateStyleMin) in tests/unit/catalogue/style.test.ts instead.
const filter = (e: Expr) => e as FilterSpecification;
const state = (key: 'active' | Mark): Expr => ['boolean', ['feature-state', key], false];
const on: Expr = ['any', state('active'), state('selected')];

type Mark = keyof typeof STATES;
/** The states drawn over a place's paint, strongest first: the keyboard's focus is where the
 * reader is, so it shows even on the open place or under the pointer. */
const MARKS = ['focus', 'selected', 'hover'] as const satisfies readonly Mark[];
/** `value` of the strongest state a place is in, else `otherwise`. */
const marked = (
  value: (s: (typeof STATES)[Mark]) => Expr | string | number,
  otherwise: Expr | string | number,
): Expr => ['case', ...MARKS.flatMap((m) => [state(m), value(STATES[m])]), otherwise] as Expr;
const isMarked: Expr = ['any', ...MARKS.map(state)];
const statusStyle: Expr = ['get', 'statusStyle'];
const isArea: Expr = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isLine: Expr = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const isPoint: Expr = ['==', ['geometry-type'], 'Point'];
const isPlace: Expr = ['!=', ['get', 'role'], 'uncertainty'];
const isUncertainty: Expr = ['==', ['get', 'role'], 'uncertainty'];

const kinds = Object.entries(KINDS) as [PlaceKind, (typeof KINDS)[PlaceKind]][];
const styles = Object.entries(STATUS_STYLES) as [
  StatusStyle,
  (typeof STATUS_STYLES)[StatusStyle],
][];

/** A value per kind: `['match', ['get', 'kind'], 'country', a, 'region', b, ..., fallback]`. */
function byKind<T extends string | number>(
  value: (kind: PlaceKind) => T | undefined,
  fallback: T,
): Expr {
  const arms = kinds.flatMap(([k]) => {
    const x = value(k);
    return x === undefined ? [] : [k, x];
  });
  return arms.length === 0
    ? (fallback as never)
    : (['match', ['get', 'kind'], ...arms, fallback] as unknown as Expr);
}

/** A value per status style, else `fallback` (the kind's value). */
function byStatus(
  value: (style: StatusStyle) => string | number | Expr | undefined,
  fallback: Expr,
): Expr {
  const arms = styles.flatMap(([s]) => {
    const x = value(s);
    return x === undefined ? [] : [s, x];
  });
  return arms.length === 0
    ? fallback
    : (['match', statusStyle, ...arms, fallback] as unknown as Expr);
}

const emphasis = (e: (kind: PlaceKind) => Emphasis | undefined, fallback: Emphasis): Expr => [
  'case',
  on,
  byKind((k) => e(k)?.active, fallback.active),
  byKind((k) => e(k)?.faint, fallback.faint),
];

function areaLayers(p: Palette): LayerSpecification[] {
  const paint = (k: PlaceKind) => (KINDS[k].geometry === 'area' ? KINDS[k].paint : undefined);
  const area = (s: StatusStyle) =>
    STATUS_STYLES[s].geometry === 'area' ? STATUS_STYLES[s] : undefined;
  const colour = (t: PaletteToken | undefined) => (t ? p[t] : undefined);
  // A style with tints: the feature's `tint` (mapData.ts) picks one, so neighbours differ.
  const tinted = (s: StatusStyle): Expr | undefined => {
    const [first, ...rest] = tintsOf(s);
    if (!first || rest.length === 0) return undefined;
    const arms = rest.flatMap((t, i) => [i + 1, p[t]]);
    return ['match', ['get', 'tint'], ...arms, p[first]] as unknown as Expr;
  };
  const fillColor = byStatus(
    (s) => tinted(s) ?? colour(area(s)?.fill),
    byKind((k) => colour(paint(k)?.fill), p.countryFill),
  );
  const outlineColor = byStatus(
    (s) => colour(area(s)?.outline),
    byKind((k) => colour(paint(k)?.outline), p.countryFill),
  );
  // An area's value at an emphasis: its status style's, else its kind's.
  const areaValue = (key: 'fillOpacity' | 'outlineWidth', at: keyof Emphasis, fallback: number) =>
    byStatus(
      (s) => area(s)?.[key][at],
      byKind((k) => paint(k)?.[key][at], fallback),
    );
  const fillOpacity: Expr = [
    'case',
    on,
    areaValue('fillOpacity', 'active', 0.75),
    areaValue('fillOpacity', 'faint', 0.3),
  ];
  const outlineWidth = marked(
    (s) => s.areaWidth,
    ['case', on, areaValue('outlineWidth', 'active', 1.6), areaValue('outlineWidth', 'faint', 0.6)],
  );
  const hatches = styles.flatMap(([id, s]): LayerSpecification[] =>
    s.geometry === 'area' && 'hatch' in s
      ? [
          {
            id: `place-${id}`,
            type: 'fill',
            source: SOURCE.places,
            filter: filter(['all', isArea, isPlace, ['==', statusStyle, id]]),
            paint: {
              'fill-pattern': id,
              'fill-opacity': ['case', on, s.hatch.opacity.active, s.hatch.opacity.faint],
            },
          },
        ]
      : [],
  );
  return [
    {
      id: 'place-area-fill',
      type: 'fill',
      source: SOURCE.places,
      // Tint only; hatching on top says the status.
      filter: filter(['all', isArea, isPlace]),
      paint: { 'fill-color': fillColor, 'fill-opacity': fillOpacity },
    },
    ...hatches,
    {
      id: 'place-area-outline',
      type: 'line',
      source: SOURCE.places,
      filter: filter(['all', isArea, isPlace]),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': marked((s) => p[s.colour], outlineColor),
        'line-width': outlineWidth,
        'line-opacity': [
          'case',
          isMarked,
          1,
          emphasis((k) => paint(k)?.outlineOpacity, { active: 1, faint: 0.6 }),
        ],
      },
    },
  ];
}

function uncertaintyLayers(p: Palette): LayerSpecification[] {
  const tone = byKind((k) => p[toneOf(k)], p.incident);
  return [
    {
      id: 'place-uncertainty',
      type: 'fill',
      source: SOURCE.places,
      filter: filter(isUncertainty),
      paint: {
        'fill-color': tone,
        'fill-opacity': ['case', on, UNCERTAINTY.fillOpacity.active, UNCERTAINTY.fillOpacity.faint],
      },
    },
    {
      id: 'place-uncertainty-line',
      type: 'line',
      source: SOURCE.places,
      filter: filter(isUncertainty),
      paint: {
        'line-color': tone,
        'line-width': UNCERTAINTY.width,
        'line-dasharray': [...UNCERTAINTY.dash],
      },
    },
  ];
}

/** A line's dash: its line status style's, else its kind's. One layer per distinct dash, since
 * line-dasharray is not data-driven. */
function dashes(): { dash: readonly [number, number] | undefined; when: Expr }[] {
  const lineStyles = styles.filter(([, s]) => s.geometry === 'line').map(([id]) => id);
  const groups = new Map<
    string,
    { dash: readonly [number, number] | undefined; kinds: PlaceKind[]; styles: string[] }
  >();
  const group = (dash: readonly [number, number] | undefined) => {
    const key = dash ? dash.join(',') : 'none';
    if (!groups.has(key)) groups.set(key, { dash, kinds: [], styles: [] });
    return groups.get(key)!;
  };
  for (const [k, spec] of kinds) if (spec.geometry === 'line') group(spec.paint.dash).kinds.push(k);
  for (const [id, s] of styles) if (s.geometry === 'line') group(s.dash).styles.push(id);
  const notLineStyle: Expr = ['!', ['in', statusStyle, ['literal', lineStyles]]];
  return [...groups.values()].map((g) => ({
    dash: g.dash,
    when: [
      'any',
      ...(g.styles.length ? [['in', statusStyle, ['literal', g.styles]] as Expr] : []),
      ...(g.kinds.length
        ? [['all', notLineStyle, ['in', ['get', 'kind'], ['literal', g.kinds]]] as Expr]
        : []),
    ] as Expr,
  }));
}

function lineLayers(p: Palette): LayerSpecification[] {
  const paint = (k: PlaceKind) => (KINDS[k].geometry === 'line' ? KINDS[k].paint : undefined);
  const width = emphasis((k) => paint(k)?.width, { active: 3, faint: 1.8 });
  const lines = filter(['all', isLine, isPlace]);
  const groups = dashes();
  if (groups.length > 5)
    throw new Error('style.ts: more than five line dashes: add dash slots to ORDER');
  return [
    {
      id: 'place-line-casing',
      type: 'line',
      source: SOURCE.places,
      filter: lines,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': marked(
          (s) => p[s.colour],
          byKind((k) => (paint(k) ? p[paint(k)!.casing] : undefined), p.labelHalo),
        ),
        'line-width': marked(
          (s) => ['+', byKind((k) => paint(k)?.width.active, 3), 2 * s.lineExtra],
          ['+', width, 2],
        ),
      },
    },
    ...groups.map((g, i): LayerSpecification => ({
      id: `place-line-dash-${i}`,
      type: 'line',
      source: SOURCE.places,
      filter: filter(['all', isLine, isPlace, g.when]),
      layout: { 'line-join': 'round', ...(g.dash ? {} : { 'line-cap': 'round' }) },
      paint: {
        'line-color': byKind((k) => (paint(k) ? p[paint(k)!.line] : undefined), p.route),
        'line-width': width,
        'line-opacity': emphasis((k) => paint(k)?.opacity, { active: 1, faint: 0.55 }),
        ...(g.dash ? { 'line-dasharray': [...g.dash] } : {}),
      },
    })),
    {
      // Clicks reach a line within LINE_HIT_WIDTH / 2 of it, whatever its drawn width.
      id: 'place-line-hit',
      type: 'line',
      source: SOURCE.places,
      filter: lines,
      paint: { 'line-width': LINE_HIT_WIDTH, 'line-opacity': 0 },
    },
  ];
}

function pointLayers(p: Palette): LayerSpecification[] {
  const text = { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 };
  const paint = (k: PlaceKind) => (KINDS[k].geometry === 'point' ? KINDS[k].paint : undefined);
  return [
    {
      // Layout properties cannot read feature state, so the selection and focus ring is its own
      // layer.
      id: 'place-point-ring',
      type: 'circle',
      source: SOURCE.places,
      filter: filter(['all', isPoint, isPlace]),
      paint: {
        'circle-radius': POINT_HIT_RADIUS,
        'circle-opacity': 0,
        'circle-stroke-color': marked((s) => p[s.colour], p[STATES.hover.colour]),
        'circle-stroke-width': marked((s) => s.ring, 0),
      },
    },
    {
      id: 'place-point',
      type: 'symbol',
      source: SOURCE.places,
      filter: filter(['all', isPoint, isPlace]),
      layout: {
        'icon-image': ['concat', 'icon-', ['get', 'kind']],
        'icon-allow-overlap': true,
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': byKind((k) => (paint(k) ? KINDS[k].labelSize : undefined), 12),
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 8,
      },
      paint: {
        'icon-opacity': emphasis((k) => paint(k)?.opacity, { active: 1, faint: 0.55 }),
        ...text,
      },
    },
  ];
}

/** The basemap's layers from its one definition (basemap.ts). */
function basemapLayers(p: Palette, hide: string[]): LayerSpecification[] {
  return BASEMAP_LAYERS.map((b): LayerSpecification => {
    const conditions: ExpressionSpecification[] = [];
    if (b.only) conditions.push(['match', ['get', b.only.key], b.only.values, true, false]);
    if (b.type === 'label' && hide.length > 0) {
      conditions.push(['!', ['in', ['get', 'id'], ['literal', hide]]]);
    }
    const base = {
      id: b.id,
      source: SOURCE.basemap,
      'source-layer': b.layer,
      ...(conditions.length > 0
        ? {
            filter: (conditions.length === 1
              ? conditions[0]
              : ['all', ...conditions]) as FilterSpecification,
          }
        : {}),
    };
    switch (b.type) {
      case 'fill':
        return { ...base, type: 'fill', paint: { 'fill-color': p[b.colour] } };
      case 'line':
        return {
          ...base,
          type: 'line',
          paint: {
            'line-color': p[b.colour],
            'line-width': b.width,
            ...(b.dash ? { 'line-dasharray': b.dash } : {}),
          },
        };
      case 'dot':
        return {
          ...base,
          type: 'circle',
          paint: { 'circle-color': p[b.colour], 'circle-radius': b.radius },
        };
      case 'label':
        return {
          ...base,
          type: 'symbol',
          layout: {
            'text-field': ['get', 'name'],
            'text-font': [FONT],
            'text-size': b.size,
            ...(b.upper ? { 'text-transform': 'uppercase' as const } : {}),
            ...(b.spacing ? { 'text-letter-spacing': b.spacing } : {}),
            ...(b.placement === 'line'
              ? { 'symbol-placement': 'line' as const }
              : { 'text-max-width': 8 }),
            ...(b.placement === 'below'
              ? { 'text-anchor': 'top' as const, 'text-offset': [0, 0.3] }
              : {}),
            ...(b.priority === 'population'
              ? { 'symbol-sort-key': ['-', 0, ['get', 'population']] as ExpressionSpecification }
              : b.priority === 'rank'
                ? { 'symbol-sort-key': ['get', 'rank'] as ExpressionSpecification }
                : {}),
          },
          paint: {
            'text-color': p[b.colour],
            'text-halo-color': p.labelHalo,
            'text-halo-width': 1.5,
          },
        };
    }
  });
}

function labelLayers(p: Palette): LayerSpecification[] {
  const text = { 'text-color': p.label, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 };
  const size = byKind((k) => KINDS[k].labelSize, 12);
  return [
    {
      id: 'place-line-labels',
      type: 'symbol',
      source: SOURCE.places,
      filter: filter(['all', isLine, isPlace]),
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': size,
        'text-offset': [0, -1],
      },
      paint: text,
    },
    {
      id: 'place-labels',
      type: 'symbol',
      source: SOURCE.labels,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [FONT],
        'text-size': size,
        'text-max-width': 8,
        'text-padding': 4,
      },
      paint: text,
    },
  ];
}

/** A Protomaps layer draws where the world tiles' layers of its kind do: fills under the story's
 * areas, lines (roads, rivers, borders) over them, labels under the story's own labels. */
const slotOf = (type: LayerSpecification['type']): (typeof ORDER)[number] =>
  type === 'symbol' ? 'protomaps-labels' : type === 'fill' ? 'protomaps-fills' : 'protomaps-lines';

export function buildStyle(input: StyleInput): StyleSpecification {
  const { palette: p } = input;
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': p.sea } },
    ...(input.protomaps
      ? input.protomaps(SOURCE.basemap, p === DARK ? 'dark' : 'light', FONT, input.lang)
      : basemapLayers(p, input.hide ?? [])),
    ...areaLayers(p),
    ...uncertaintyLayers(p),
    ...lineLayers(p),
    ...pointLayers(p),
    ...labelLayers(p),
  ];
  const z = ({ id, type }: LayerSpecification) => {
    const i = (ORDER as readonly string[]).indexOf(
      id.startsWith(PROTOMAPS_PREFIX) ? slotOf(type) : id,
    );
    if (i < 0) throw new Error(`style.ts: layer ${id} has no place in ORDER`);
    return i;
  };
  return {
    version: 8,
    glyphs: input.glyphs,
    sources: {
      [SOURCE.basemap]: { type: 'vector', url: input.basemap },
      // promoteId: feature-state needs a key; our ids are strings in `properties.id`.
      [SOURCE.places]: { type: 'geojson', data: input.places, promoteId: 'id' },
      [SOURCE.labels]: { type: 'geojson', data: input.labels },
    },
    // A stable sort: a slot's layers keep their order.
    layers: layers.sort((a, b) => z(a) - z(b)),
    // On a globe the background is drawn on the sphere only and the page shows round it (app.css):
    // a thin halo marks the sphere's edge, gone by the zoom where its limb leaves the view.
    sky: { 'atmosphere-blend': ['interpolate', ['linear'], ['zoom'], 0, 1, 4, 1, 6, 0] },
  };
}
