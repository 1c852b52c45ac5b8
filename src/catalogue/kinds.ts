// The one catalogue of what the map can draw: every kind of place and every way of drawing a
// status, as data. The live map's layers, the canvas icons, the static map's CSS, the legend
// swatches, the places list's groups and the panel's words are all generated from it
// (style.ts, icons.ts, css.ts, categories.ts). Adding a kind is one entry here.
import type { PaletteToken } from './palette.ts';

export type GeometryClass = 'area' | 'line' | 'point';

/** A value for a place outside the current passage (`faint`) and inside it (`active`). At rest
 * (no passage yet, nothing selected) places draw faint, as a passage's unmentioned places do. */
export interface Emphasis {
  faint: number;
  active: number;
}

export interface AreaPaint {
  fill: PaletteToken;
  fillOpacity: Emphasis;
  outline: PaletteToken;
  outlineWidth: Emphasis;
  outlineOpacity: Emphasis;
}

export interface LinePaint {
  line: PaletteToken;
  width: Emphasis;
  opacity: Emphasis;
  /** Dash and gap, in line widths (MapLibre's line-dasharray); none is a solid line. */
  dash?: readonly [number, number];
  /** A halo under the line, so it reads over land and sea. */
  casing: PaletteToken;
}

export interface PointPaint {
  symbol: SymbolId;
  colour: PaletteToken;
  opacity: Emphasis;
}

interface KindBase<G extends GeometryClass> {
  geometry: G;
  /** The places list's heading and the legend's line. */
  group: string;
  /** The panel's word for one ("Region", "River"). */
  word: string;
  /** Label size in CSS px. */
  labelSize: number;
  /** Which label wins a collision, and which place a click picks where places overlap: lower
   * first. Points before lines before areas; smaller kinds first. */
  rank: number;
  /** Zoom for framing an exact point (or a short line) with no camera of its own. */
  zoom: number;
}

export type KindSpec =
  | (KindBase<'area'> & { paint: AreaPaint })
  | (KindBase<'line'> & { paint: LinePaint })
  | (KindBase<'point'> & { paint: PointPaint });

export type SymbolId = 'dot' | 'square' | 'diamond' | 'burst' | 'anchor';

/** Point symbols as SVG path data centred on 0,0, in CSS px: the live map rasterises the same
 * path on a canvas (Path2D), the static map and the legend draw it as SVG. */
export const SYMBOLS: Record<SymbolId, { path: string; size: number; halo: number }> = {
  dot: { path: 'M4.5,0A4.5,4.5 0 1 1 -4.5,0A4.5,4.5 0 1 1 4.5,0Z', size: 14, halo: 2 },
  square: { path: 'M-4,-4H4V4H-4Z', size: 14, halo: 2 },
  diamond: { path: 'M0,-5.5L5.5,0L0,5.5L-5.5,0Z', size: 14, halo: 1.5 },
  burst: { path: burst(8, 3.8, 8), size: 18, halo: 1.5 },
  // A ring with a shank and flukes, reduced to strokes a 14 px symbol can hold.
  anchor: {
    path: 'M-1,-6H1V-4.2A1.8,1.8 0 0 1 1,-0.9V3.4A4,4 0 0 0 4,1L5.5,2.5A6,6 0 0 1 -5.5,2.5L-4,1A4,4 0 0 0 -1,3.4V-0.9A1.8,1.8 0 0 1 -1,-4.2Z',
    size: 16,
    halo: 1.5,
  },
};

/** A star burst: the conventional mark for a strike or a downing. */
function burst(outer: number, inner: number, points: number): string {
  return (
    Array.from({ length: points * 2 }, (_, i) => {
      const r = i % 2 === 0 ? outer : inner;
      const a = (i * Math.PI) / points - Math.PI / 2;
      return `${i === 0 ? 'M' : 'L'}${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`;
    }).join('') + 'Z'
  );
}

const area = (fill: PaletteToken, outline: PaletteToken = fill): AreaPaint => ({
  fill,
  fillOpacity: { faint: 0.3, active: 0.75 },
  outline,
  outlineWidth: { faint: 0.6, active: 1.6 },
  outlineOpacity: { faint: 0.6, active: 1 },
});

const line = (
  colour: PaletteToken,
  width: number,
  dash?: readonly [number, number],
): LinePaint => ({
  line: colour,
  width: { faint: width * 0.6, active: width },
  opacity: { faint: 0.55, active: 1 },
  ...(dash ? { dash } : {}),
  casing: 'labelHalo',
});

const point = (symbol: SymbolId, colour: PaletteToken): PointPaint => ({
  symbol,
  colour,
  opacity: { faint: 0.55, active: 1 },
});

/** Every kind, in the legend's and the places list's order. */
export const KINDS = {
  country: {
    geometry: 'area',
    group: 'Countries',
    word: 'Country',
    labelSize: 14,
    rank: 90,
    zoom: 5,
    paint: area('countryFill'),
  },
  region: {
    geometry: 'area',
    group: 'Regions',
    word: 'Region',
    labelSize: 12,
    rank: 80,
    zoom: 7,
    paint: area('countryFill'),
  },
  sea: {
    geometry: 'area',
    group: 'Seas',
    word: 'Sea',
    labelSize: 12,
    rank: 85,
    zoom: 6,
    paint: area('seaFill'),
  },
  strait: {
    geometry: 'area',
    group: 'Straits',
    word: 'Strait',
    labelSize: 12,
    rank: 70,
    zoom: 9,
    paint: area('seaFill'),
  },
  lake: {
    geometry: 'area',
    group: 'Lakes',
    word: 'Lake',
    labelSize: 12,
    rank: 75,
    zoom: 8,
    paint: area('seaFill'),
  },
  river: {
    geometry: 'line',
    group: 'Rivers',
    word: 'River',
    labelSize: 12,
    rank: 40,
    zoom: 6,
    paint: line('river', 3),
  },
  route: {
    geometry: 'line',
    group: 'Routes',
    word: 'Route',
    labelSize: 12,
    rank: 30,
    zoom: 6,
    paint: line('route', 3, [2, 1.5]),
  },
  crossing: {
    geometry: 'line',
    group: 'Bridges and crossings',
    word: 'Crossing',
    labelSize: 12,
    rank: 20,
    zoom: 10,
    paint: line('crossing', 4),
  },
  front: {
    geometry: 'line',
    group: 'Lines of contact',
    word: 'Line of contact',
    labelSize: 12,
    rank: 35,
    zoom: 7,
    paint: line('front', 3, [1, 1]),
  },
  city: {
    geometry: 'point',
    group: 'Cities',
    word: 'City',
    labelSize: 12,
    rank: 12,
    zoom: 9,
    paint: point('dot', 'city'),
  },
  port: {
    geometry: 'point',
    group: 'Ports',
    word: 'Port',
    labelSize: 12,
    rank: 11,
    zoom: 10,
    paint: point('anchor', 'port'),
  },
  site: {
    geometry: 'point',
    group: 'Sites',
    word: 'Site',
    labelSize: 12,
    rank: 10,
    zoom: 13,
    paint: point('diamond', 'site'),
  },
  incident: {
    geometry: 'point',
    group: 'Incidents (approximate positions ringed)',
    word: 'Incident',
    labelSize: 12,
    rank: 5,
    zoom: 10,
    paint: point('burst', 'incident'),
  },
} as const satisfies Record<string, KindSpec>;

export type PlaceKind = keyof typeof KINDS;
export const KIND_IDS = Object.keys(KINDS) as [PlaceKind, ...PlaceKind[]];

export function kindSpec(kind: PlaceKind): KindSpec {
  return KINDS[kind];
}

export function geometryOf(kind: PlaceKind): GeometryClass {
  return KINDS[kind].geometry;
}

/** The symbol a point of this kind is drawn with; a dot for a kind drawn as an area or a line. */
export function symbolOf(kind: string): (typeof SYMBOLS)[SymbolId] {
  const spec = KINDS[kind as PlaceKind];
  return SYMBOLS[spec.geometry === 'point' ? spec.paint.symbol : 'dot'];
}

// ---- Status styles: how a status (the story says which) changes a place's look ----

export interface HatchSpec {
  /** Tile size in CSS px. */
  spacing: number;
  width: number;
  /** 1: rising lines, -1: falling lines: distinct without colour (WCAG 1.4.1). */
  direction: 1 | -1;
}

export type StatusStyleSpec =
  | {
      geometry: 'area';
      legend: string;
      fill: PaletteToken;
      outline: PaletteToken;
      fillOpacity: Emphasis;
      outlineWidth: Emphasis;
      hatch?: HatchSpec & { opacity: Emphasis };
      /** Fills that areas of this style take in turn where they neighbour each other (the build
       * gives each its `tint`, an index here: mapData.ts); the first is `fill`. */
      tints?: readonly [PaletteToken, ...PaletteToken[]];
    }
  | {
      geometry: 'line';
      legend: string;
      /** Replaces the kind's dash, so a claimed or disputed line is told apart by its pattern. */
      dash: readonly [number, number];
    };

export const STATUS_STYLES = {
  solid: {
    geometry: 'area',
    legend: 'tinted, with a firm border',
    fill: 'solidFill',
    tints: ['solidFill', 'tintB', 'tintC'],
    outline: 'solidLine',
    fillOpacity: { faint: 0.3, active: 0.75 },
    outlineWidth: { faint: 2, active: 2 },
  },
  hatch: {
    geometry: 'area',
    legend: 'dense rising lines',
    fill: 'hatch',
    outline: 'hatch',
    fillOpacity: { faint: 0.08, active: 0.18 },
    outlineWidth: { faint: 0.6, active: 1.6 },
    hatch: { spacing: 6, width: 1.6, direction: 1, opacity: { faint: 0.45, active: 1 } },
  },
  'hatch-wide': {
    geometry: 'area',
    legend: 'wider falling lines',
    fill: 'hatchWide',
    outline: 'hatchWide',
    fillOpacity: { faint: 0.08, active: 0.18 },
    outlineWidth: { faint: 0.6, active: 1.6 },
    hatch: { spacing: 9, width: 1.4, direction: -1, opacity: { faint: 0.45, active: 1 } },
  },
  dashed: { geometry: 'line', legend: 'a dashed line', dash: [2, 2] },
  dotted: { geometry: 'line', legend: 'a dotted line', dash: [0.5, 1.5] },
} as const satisfies Record<string, StatusStyleSpec>;

export type StatusStyle = keyof typeof STATUS_STYLES;
export const STATUS_STYLE_IDS = Object.keys(STATUS_STYLES) as [StatusStyle, ...StatusStyle[]];

/** "solid, hatch, hatch-wide, dashed or dotted": for messages that list the choices. */
export const statusStyleChoices = (): string =>
  `${STATUS_STYLE_IDS.slice(0, -1).join(', ')} or ${STATUS_STYLE_IDS.at(-1)}`;

/** The fills an area of a status style takes in turn, or none when it keeps one fill. */
export function tintsOf(style: string): readonly PaletteToken[] {
  const spec = (STATUS_STYLES as Record<string, StatusStyleSpec>)[style];
  return spec?.geometry === 'area' ? (spec.tints ?? []) : [];
}

// ---- States every place shares ----

/** How the selected, hovered and keyboard-focused place is marked, on top of its paint. */
export const STATES = {
  selected: { colour: 'selected', areaWidth: 3.5, lineExtra: 3, ring: 3 },
  hover: { colour: 'focus', areaWidth: 2.5, lineExtra: 2, ring: 2 },
  focus: { colour: 'focus', areaWidth: 3.5, lineExtra: 3, ring: 3 },
} as const satisfies Record<
  string,
  { colour: PaletteToken; areaWidth: number; lineExtra: number; ring: number }
>;

/** A line is clickable this far either side, whatever its drawn width (WCAG 2.5.8: 24 px). */
export const LINE_HIT_WIDTH = 24;
/** The radius of a point's click target and selection ring. */
export const POINT_HIT_RADIUS = 12;

/** An approximate position's uncertainty: a ring around a point, a corridor along a line, in
 * the kind's own colour. */
export const UNCERTAINTY = {
  fillOpacity: { faint: 0.06, active: 0.15 },
  width: 1.5,
  dash: [2, 2],
} as const satisfies {
  fillOpacity: Emphasis;
  width: number;
  dash: readonly [number, number];
};

/** The colour a kind is known by: its symbol, its line, or its area's fill. */
export function toneOf(kind: PlaceKind): PaletteToken {
  const spec = kindSpec(kind);
  if (spec.geometry === 'point') return spec.paint.colour;
  if (spec.geometry === 'line') return spec.paint.line;
  return spec.paint.fill;
}
