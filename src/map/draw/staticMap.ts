// The map before (or without) WebGL: the story's first view drawn at build time with d3-geo from
// the same data and colours as the live map (the world tiles for the basemap, the story's GeoJSON
// for its places). The basemap becomes an SVG file per theme; the story's places stay inline so
// they can be focused and clicked.
import {
  geoMercator,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import turfBbox from '@turf/bbox';
import turfRewind from '@turf/rewind';
import simplify from 'simplify-js';
import turfAlong from '@turf/along';
import turfLength from '@turf/length';
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import { geometryOf, KINDS, type PlaceKind } from '../../catalogue/kinds.ts';
import { BASEMAP_LAYERS, type BasemapLayer } from '../../catalogue/basemap.ts';
import { escapeText } from '../../lib/escape.ts';
import type { StaticFeature, StaticMapData } from '../../state/page.ts';
import type { Bounds, Camera } from '../../story/schema.ts';
import { legendSide, STATIC_INSET as INSET, STATIC_SIZE } from '../camera.ts';
import { STATIC_VARIANTS, type StaticVariant } from '../../lib/breakpoints.ts';
import type { Palette } from '../../catalogue/palette.ts';

/** The maps' text face (the live map's glyphs, the page's font): the images embed the same. */
export const FONT_FAMILY = 'Noto Sans, Arial, sans-serif';

/** Tenths of a pixel are plenty, and keep the page small. */
export const round = (n: number) => Math.round(n * 10) / 10;

/** A canvas and how far in from its sides a view's bounds are fitted. The page's static map is
 * STATIC_FRAME; the share images (images.ts) draw the same map in a frame of their own. */
export interface Frame {
  width: number;
  height: number;
  inset: { x: number; y: number };
}

export const STATIC_FRAME: Frame = { ...STATIC_SIZE, inset: INSET };

function projection(bounds: Bounds, frame: Frame = STATIC_FRAME) {
  const [[w, s], [e, n]] = bounds;
  const { width, height, inset } = frame;
  return geoMercator()
    .fitExtent(
      [
        [inset.x, inset.y],
        [width - inset.x, height - inset.y],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [w, s],
          [e, n],
        ],
      },
    )
    .clipExtent([
      [-10, -10],
      [width + 10, height + 10],
    ]);
}

/** Simplifies projected lines and rings to `px` (Douglas–Peucker, simplify-js) and drops those
 * that fit in a `px` square (Canada's Arctic islands at world scale): detail finer than a pixel
 * only adds bytes to the page. */
function thinned(px: number) {
  return (out: GeoStream): GeoStream => {
    let ring: { x: number; y: number }[] = [];
    return {
      point(x, y) {
        ring.push({ x, y });
      },
      lineStart() {
        ring = [];
      },
      lineEnd() {
        const xs = ring.map((p) => p.x);
        const ys = ring.map((p) => p.y);
        const big =
          Math.max(...xs) - Math.min(...xs) >= px || Math.max(...ys) - Math.min(...ys) >= px;
        if (!big) return;
        out.lineStart();
        for (const { x, y } of simplify(ring, px)) out.point(x, y);
        out.lineEnd();
      },
      polygonStart: () => out.polygonStart(),
      polygonEnd: () => out.polygonEnd(),
      sphere: () => out.sphere?.(),
    };
  };
}

/** SVG paths in whole pixels through `proj`, simplified to `px`. */
export function thinPath(proj: GeoProjection, px = 1.5) {
  const thin = thinned(px);
  return geoPath({ stream: (s) => proj.stream(thin(s)) }).digits(0);
}

function pathFor(bounds: Bounds, frame: Frame) {
  const proj = projection(bounds, frame);
  return { proj, path: thinPath(proj) };
}

const rewound = new WeakMap<Feature, GeoPermissibleObjects>();

/** d3-geo reads RFC 7946 (counter-clockwise) rings as "the world minus the shape". Rewound once
 * per feature: a story's images draw each place in every view, and a rewind copies it. */
export function forD3<G extends Geometry>(feature: Feature<G>): GeoPermissibleObjects {
  let d3 = rewound.get(feature);
  if (!d3) {
    d3 = turfRewind(feature, { reverse: true }) as GeoPermissibleObjects;
    rewound.set(feature, d3);
  }
  return d3;
}

const boxes = new WeakMap<Feature, number[]>();

/** Degrees a great-circle edge may bow past its vertices' box (an edge 30° long at 60°N bows
 * about 1°): the box is widened by this before it is tested against a view. */
const EDGE_BOW = 2;

/** Whether a place may show in the view `proj` draws: its vertices' box, widened, meets the
 * view's (a Mercator view is a box of longitudes and latitudes). Drawing every place of a
 * 300-place story in each of its 200 passage views spent most of a build clipping places far
 * away; those whose box misses the view draw nothing anyway. */
function mayShow(f: Feature, view: { w: number; s: number; e: number; n: number } | null) {
  if (!view) return true;
  let box = boxes.get(f);
  if (!box) {
    box = turfBbox(f);
    boxes.set(f, box);
  }
  const [w, s, e, n] = box as [number, number, number, number];
  if (n + EDGE_BOW < view.s || s - EDGE_BOW > view.n) return false;
  // A place across the antimeridian has a box of every longitude: it is always drawn.
  return !(e + EDGE_BOW < view.w || w - EDGE_BOW > view.e);
}

/** The longitudes and latitudes `proj` shows in `width` × `height` (and a 10 px margin), or null
 * when that is not one box of the world (a view wider than the world, or a rotated one). The
 * longitudes come from the scale, unwrapped: `invert` would fold a view wider than the world. */
function viewBox(proj: GeoProjection, width: number, height: number) {
  const nw = proj.invert?.([-10, -10]);
  const se = proj.invert?.([width + 10, height + 10]);
  if (!nw || !se || proj.rotate().some((r) => r !== 0)) return null;
  const [tx] = proj.translate();
  const degrees = (x: number) => ((x - tx) / proj.scale()) * (180 / Math.PI);
  const box = { w: degrees(-10), n: nw[1], e: degrees(width + 10), s: se[1] };
  return box.w >= -180 && box.e <= 180 ? box : null;
}

/** Places and their labels in the first view. `labels` holds one point per area (mapData.ts). */
export function staticPlaces(
  places: FeatureCollection,
  bounds: Bounds,
  labels?: FeatureCollection,
  frame: Frame = STATIC_FRAME,
  /** The layouts to place labels for: the page's three, or the one an image is drawn in. */
  variants: readonly StaticVariant[] = STATIC_VARIANTS,
): StaticMapData {
  const { proj, path } = pathFor(bounds, frame);
  const { width, height } = frame;
  const view = viewBox(proj, width, height);
  const inside = (xy: [number, number] | null): xy is [number, number] =>
    !!xy && xy[0] >= 0 && xy[1] >= 0 && xy[0] <= width && xy[1] <= height;
  const features: StaticFeature[] = [];
  for (const f of places.features) {
    const p = f.properties ?? {};
    const kind = p.kind as PlaceKind;
    const base = {
      id: String(p.id),
      label: String(p.label ?? p.id),
      category: String(p.category ?? p.kind),
      statusStyle: String(p.statusStyle ?? 'none'),
      tint: Number(p.tint ?? 0),
      kind,
      role: p.role === 'uncertainty' ? ('uncertainty' as const) : ('place' as const),
      geometry: p.role === 'uncertainty' ? ('area' as const) : geometryOf(kind),
    };
    if (f.geometry.type === 'Point') {
      const xy = proj(f.geometry.coordinates as [number, number]);
      if (!inside(xy)) continue;
      features.push({ ...base, d: '', x: round(xy[0]), y: round(xy[1]) });
      continue;
    }
    if (!mayShow(f, view)) continue;
    const d = path(forD3(f));
    if (d) features.push({ ...base, d });
  }
  for (const variant of variants) {
    placeLabels(features, places, labels, variant, (lonLat) => {
      const xy = proj(lonLat);
      return inside(xy) ? [round(xy[0]), round(xy[1])] : undefined;
    });
  }
  const marks = features.flatMap((f) => [
    ...(f.x !== undefined && f.y !== undefined ? [{ x: f.x, y: f.y }] : []),
    ...(f.texts?.wide ? [{ x: f.texts.wide.x, y: f.texts.wide.y }] : []),
  ]);
  return { width, height, features, legend: legendSide(marks) };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Greedy label placement, as MapLibre's: a label that would overlap one already placed is left
 * out. Text widths are estimated (Noto Sans averages about 0.55 em a character). */
class Labels {
  private taken: Box[] = [];

  /** The box of a label centred on x whose top is at `top`. */
  static box(x: number, top: number, text: string, size: number): Box {
    const half = (text.length * size * 0.55) / 2;
    return { x0: x - half, y0: top, x1: x + half, y1: top + size * 1.2 };
  }

  take(box: Box): boolean {
    const hit = this.taken.some(
      (t) => box.x0 < t.x1 && t.x0 < box.x1 && box.y0 < t.y1 && t.y0 < box.y1,
    );
    if (!hit) this.taken.push(box);
    return !hit;
  }

  /** Marks what the story's places already cover in one layout: symbols and placed labels. */
  static over(features: readonly StaticFeature[], variant: StaticVariant): Labels {
    const labels = new Labels();
    const r = 7 / variant.scale;
    for (const f of features) {
      if (f.x !== undefined && f.y !== undefined) {
        labels.take({ x0: f.x - r, y0: f.y - r, x1: f.x + r, y1: f.y + r });
      }
      const t = f.texts?.[variant.id];
      if (t) labels.take(Labels.box(t.x, t.y - t.size * 0.95, f.label, t.size));
    }
    return labels;
  }
}

/** Sizes and offsets follow style.ts, scaled for the layout (`variant`): symbols first, then
 * point labels, then area labels (countries before the rest), as MapLibre places them. */
function placeLabels(
  features: StaticFeature[],
  places: FeatureCollection,
  labels: FeatureCollection | undefined,
  variant: StaticVariant,
  project: (lonLat: [number, number]) => [number, number] | undefined,
) {
  const unit = 1 / variant.minScale;
  const sizeOf = (f: StaticFeature) => round(KINDS[f.kind as PlaceKind].labelSize * unit);
  const set = (f: StaticFeature, x: number, top: number, size: number) => {
    f.texts = { ...f.texts, [variant.id]: { x, y: round(top + size * 0.95), size } };
  };
  const points = features.filter((f) => f.x !== undefined && f.y !== undefined);
  const placed = Labels.over(points, variant);
  for (const f of points) {
    // Below the symbol, as text-offset [0, 1.1] with text-anchor top.
    const size = sizeOf(f);
    const top = f.y! + 13 / variant.scale;
    if (placed.take(Labels.box(f.x!, top, f.label, size))) set(f, f.x!, top, size);
  }
  // Lines: above the line's midpoint (the live map writes along the line itself).
  for (const f of features.filter((x) => x.geometry === 'line' && x.role === 'place')) {
    const line = places.features.find(
      (g) => g.properties?.id === f.id && g.properties?.role !== 'uncertainty',
    );
    if (!line || (line.geometry.type !== 'LineString' && line.geometry.type !== 'MultiLineString'))
      continue;
    const part: Feature<LineString> =
      line.geometry.type === 'LineString'
        ? (line as Feature<LineString>)
        : {
            type: 'Feature',
            properties: {},
            geometry: { type: 'LineString', coordinates: longest(line.geometry.coordinates) },
          };
    const mid = turfAlong(part, turfLength(part) / 2).geometry.coordinates as [number, number];
    const xy = project(mid);
    if (!xy) continue;
    const size = sizeOf(f);
    const top = xy[1] - size * 1.6;
    if (placed.take(Labels.box(xy[0], top, f.label, size))) set(f, xy[0], top, size);
  }
  const at = new Map<string, [number, number]>();
  for (const l of labels?.features ?? []) {
    if (l.geometry.type !== 'Point') continue;
    const xy = project(l.geometry.coordinates as [number, number]);
    if (xy) at.set(String(l.properties?.id), xy);
  }
  const areas = features
    .filter((f) => f.geometry === 'area' && f.role === 'place' && at.has(f.id))
    .sort((a, b) => Number(b.kind === 'country') - Number(a.kind === 'country'));
  for (const f of areas) {
    const [x, y] = at.get(f.id)!;
    const size = sizeOf(f);
    const top = y - size * 0.6;
    if (placed.take(Labels.box(x, top, f.label, size))) set(f, x, top, size);
  }
}

function longest(lines: number[][][]): number[][] {
  return lines.reduce((a, b) => (b.length > a.length ? b : a), lines[0] ?? []);
}

/** The web-mercator zoom (512 px tiles, as MapLibre counts) of the static map's first view. */
export function staticZoom(bounds: Bounds, frame: Frame = STATIC_FRAME): number {
  return Math.log2((2 * Math.PI * projection(bounds, frame).scale()) / 512);
}

/** The bounds a camera frames in `frame`'s inset box: its own, or for a centre and zoom what that
 * zoom (512 px tiles, as MapLibre counts) spans there, so fitting them gives that zoom back. */
export function cameraBounds(camera: Camera, frame: Frame): Bounds {
  if ('bounds' in camera) return camera.bounds;
  const { width, height, inset } = frame;
  const proj = geoMercator()
    .scale((512 * 2 ** camera.zoom) / (2 * Math.PI))
    .center(camera.center)
    .translate([width / 2, height / 2]);
  const sw = proj.invert!([inset.x, height - inset.y])!;
  const ne = proj.invert!([width - inset.x, inset.y])!;
  return [
    [sw[0], sw[1]],
    [ne[0], ne[1]],
  ];
}

/** The lon/lat box the whole static canvas shows (the first view's bounds plus the inset). */
export function staticView(bounds: Bounds, frame: Frame = STATIC_FRAME): Bounds {
  const proj = projection(bounds, frame);
  const { width, height } = frame;
  const sw = proj.invert!([0, height])!;
  const ne = proj.invert!([width, 0])!;
  return [
    [sw[0], sw[1]],
    [ne[0], ne[1]],
  ];
}

type Projected = { x: number; y: number };

/** Where a label goes: a point's position, or the middle of a line's longest part. */
function anchorOf(f: Feature, proj: GeoProjection, frame: Frame): Projected | undefined {
  const g = f.geometry;
  let at: number[] | undefined;
  if (g.type === 'Point') at = g.coordinates;
  else if (g.type === 'LineString' || g.type === 'MultiLineString') {
    const coords = g.type === 'LineString' ? g.coordinates : longest(g.coordinates);
    if (coords.length < 2) return undefined;
    const part: Feature<LineString> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: coords },
    };
    at = turfAlong(part, turfLength(part) / 2).geometry.coordinates;
  }
  const xy = at && proj(at as [number, number]);
  const { width, height } = frame;
  if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > width || xy[1] > height) return undefined;
  return { x: xy[0], y: xy[1] };
}

/** Paths clipped to each feature's own tile: tiles overlap by their buffer, and a coast or a
 * border drawn twice there would only add bytes. */
function tilePaths(bounds: Bounds, frame: Frame) {
  const base = projection(bounds, frame);
  const { width, height } = frame;
  const byTile = new Map<string, ReturnType<typeof thinPath>>();
  return (f: Feature) => {
    const box = f.properties?.tile as [number, number, number, number];
    const key = box.join();
    let path = byTile.get(key);
    if (!path) {
      const [x0, y1] = base([box[0], box[1]])!;
      const [x1, y0] = base([box[2], box[3]])!;
      const clipped = geoMercator()
        .scale(base.scale())
        .translate(base.translate())
        .center(base.center())
        .rotate(base.rotate())
        .clipExtent([
          [Math.max(-10, x0), Math.max(-10, y0)],
          [Math.min(width + 10, x1), Math.min(height + 10, y1)],
        ]);
      path = thinPath(clipped);
      byTile.set(key, path);
    }
    return path;
  };
}

/** A point feature that falls inside its own tile (not a copy in a neighbour's buffer). */
function ownTile(f: Feature): boolean {
  const box = f.properties?.tile as number[] | undefined;
  if (!box || f.geometry.type !== 'Point') return true;
  const [x, y] = f.geometry.coordinates as [number, number];
  return x >= box[0]! && x < box[2]! && y >= box[1]! && y < box[3]!;
}

const matches = (layer: BasemapLayer, f: Feature): boolean =>
  f.properties?.layer === layer.layer &&
  (!layer.only || layer.only.values.includes(String(f.properties?.[layer.only.key])));

/** The tile zoom the live map shows in a layout when it takes over the first view. */
export function variantZoom(
  bounds: Bounds,
  variant: StaticVariant,
  frame: Frame = STATIC_FRAME,
): number {
  return Math.floor(staticZoom(bounds, frame) + Math.log2(variant.scale));
}

/**
 * The basemap as a standalone SVG document in one palette and one layout, drawn from the world
 * tiles' features at that layout's zoom (variantZoom, tiles.ts) through the basemap's one
 * definition (BASEMAP_LAYERS), its sizes scaled so they read as the live map's there.
 */
export function staticBasemapSvg(
  tiles: FeatureCollection,
  bounds: Bounds,
  palette: Palette,
  variant: StaticVariant,
  /** The story's places drawn over it: basemap labels they would cover are left out. */
  over: readonly StaticFeature[] = [],
  /** Place ids the story labels itself (as the live map's `hide`). */
  hide: readonly string[] = [],
): string {
  const { width, height } = STATIC_FRAME;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    basemapLayers(tiles, bounds, palette, variant, { over, hide }),
    '</svg>',
  ].join('\n');
}

/** The basemap's elements (sea, then BASEMAP_LAYERS bottom to top) in `frame`: what
 * staticBasemapSvg wraps, and what a view image draws under its places. */
export function basemapLayers(
  tiles: FeatureCollection,
  bounds: Bounds,
  palette: Palette,
  variant: StaticVariant,
  {
    over = [],
    hide = [],
    frame = STATIC_FRAME,
  }: { over?: readonly StaticFeature[]; hide?: readonly string[]; frame?: Frame } = {},
): string {
  const placed = Labels.over(over, variant);
  // Lines and dots at the live map's size on the layout's typical screen; text at least its size.
  const unit = 1 / variant.scale;
  const textUnit = 1 / variant.minScale;
  const { proj } = pathFor(bounds, frame);
  const pathOf = tilePaths(bounds, frame);
  const hidden = new Set(hide);
  const of = (layer: BasemapLayer) => tiles.features.filter((f) => matches(layer, f) && ownTile(f));
  const drawn = new Map<string, string>();
  // Labels are placed from the top layer down, as MapLibre places symbols.
  for (const layer of [...BASEMAP_LAYERS].reverse()) {
    if (layer.type !== 'label') continue;
    const sortKey = (f: Feature) =>
      layer.priority === 'population'
        ? -Number(f.properties?.population ?? 0)
        : layer.priority === 'rank'
          ? Number(f.properties?.rank ?? 0)
          : 0;
    const texts = of(layer)
      .filter((f) => !hidden.has(String(f.properties?.id)))
      .sort((a, b) => sortKey(a) - sortKey(b))
      .flatMap((f) => {
        const at = anchorOf(f, proj, frame);
        if (!at) return [];
        const raw = String(f.properties?.name ?? '');
        const name = layer.upper ? raw.toUpperCase() : raw;
        const size = round(layer.size * textUnit);
        const top = layer.placement === 'below' ? at.y + 2 * unit + size * 0.3 : at.y - size * 0.6;
        const box = Labels.box(at.x, top, name, size * (1 + (layer.spacing ?? 0)));
        if (!placed.take(box)) return [];
        return [
          `<text x="${at.x.toFixed(1)}" y="${(top + size * 0.95).toFixed(1)}">${escapeText(name)}</text>`,
        ];
      });
    drawn.set(
      layer.id,
      texts.length === 0
        ? ''
        : `<g font-size="${round(layer.size * textUnit)}"${layer.spacing ? ` letter-spacing="${(layer.size * textUnit * layer.spacing).toFixed(2)}"` : ''} fill="${palette[layer.colour]}" stroke="${palette.labelHalo}" stroke-width="${round(3 * textUnit)}" paint-order="stroke" stroke-linejoin="round">${texts.join('')}</g>`,
    );
  }
  const body = BASEMAP_LAYERS.map((layer) => {
    const colour = palette[layer.colour];
    switch (layer.type) {
      case 'fill': {
        const d = of(layer)
          .map((f) => pathOf(f)(forD3(f)) ?? '')
          .join('');
        return d ? `<path d="${d}" fill="${colour}"/>` : '';
      }
      case 'line': {
        const d = of(layer)
          .map((f) => pathOf(f)(f as GeoPermissibleObjects) ?? '')
          .join('');
        const width = round(layer.width * unit);
        const dash = layer.dash
          ? ` stroke-dasharray="${layer.dash.map((n) => round(n * width)).join(' ')}"`
          : '';
        return d
          ? `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}"${dash}/>`
          : '';
      }
      case 'dot': {
        const dots = of(layer).flatMap((f) => {
          const at = anchorOf(f, proj, frame);
          return at
            ? [
                `<circle cx="${at.x.toFixed(1)}" cy="${at.y.toFixed(1)}" r="${round(layer.radius * unit)}"/>`,
              ]
            : [];
        });
        return dots.length ? `<g fill="${colour}">${dots.join('')}</g>` : '';
      }
      case 'label':
        return drawn.get(layer.id) ?? '';
    }
  }).filter(Boolean);
  const { width, height } = frame;
  return [
    `<rect width="${width}" height="${height}" fill="${palette.sea}"/>`,
    `<g font-family="${FONT_FAMILY}" text-anchor="middle">`,
    ...body,
    '</g>',
  ].join('\n');
}
