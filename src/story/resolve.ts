// Story + places → the resolved story the app renders. Assumes check.ts found no errors.
import turfBbox from '@turf/bbox';
import turfLength from '@turf/length';
import { geoDistance, geoInterpolate } from 'd3-geo';
// An exact point with no camera: its kind's zoom (a city fills the view, a building is close up).
import { KINDS } from '../catalogue/kinds.ts';
import { unionBounds } from '../lib/geometry.ts';
import type {
  Bounds,
  Camera,
  Display,
  FrontMatter,
  Inline,
  LayerFeature,
  PlaceFeature,
  ResolvedPlace,
  ResolvedStory,
  ResolvedView,
  View,
} from './schema.ts';

export interface ResolveInput {
  slug: string;
  frontMatter: FrontMatter;
  passages: { id: string; inlines: Inline[]; placeIds: string[] }[];
  places: ReadonlyMap<string, PlaceFeature>;
}

const WORLD: Camera = { center: [0, 20], zoom: 1 };
const METRES_PER_DEGREE = 111_320;

export function resolveStory({
  slug,
  frontMatter: fm,
  passages,
  places,
}: ResolveInput): ResolvedStory {
  const resolved: Record<string, ResolvedPlace> = {};
  const features: LayerFeature[] = [];

  for (const [id, entry] of Object.entries(fm.places)) {
    const feature = places.get(id);
    if (!feature?.geometry) continue;
    const p = feature.properties;
    const display: Display = entry?.display ?? 'map';
    const label = entry?.label ?? p.name;
    const bounds =
      entry?.camera && 'bounds' in entry.camera ? entry.camera.bounds : featureBounds(feature);
    const camera: Camera =
      entry?.camera ??
      (feature.geometry.type === 'Point' && !p.uncertainty_m
        ? { center: lonLat(feature.geometry.coordinates), zoom: KINDS[p.kind].zoom }
        : { bounds });
    resolved[id] = {
      id,
      label,
      name: p.name,
      kind: p.kind,
      status: p.status,
      dates: p.dates && { ...p.dates },
      source: {
        dataset: p.source.dataset,
        version: p.source.version,
        licence: p.source.licence,
        credit: p.source.credit,
        url: p.source.url,
      },
      confidence: p.confidence,
      uncertainty_m: p.uncertainty_m,
      area_km2: p.area_km2,
      length_km: lengthKm(feature.geometry),
      label_point: p.label_point,
      display,
      bounds,
      camera,
      passages: passages.filter((s) => s.placeIds.includes(id)).map((s) => s.id),
      note: entry?.note,
    };
    features.push({
      type: 'Feature',
      id,
      geometry: feature.geometry,
      properties: {
        id,
        label,
        kind: p.kind,
        status: p.status,
        display,
        confidence: p.confidence,
        uncertainty_m: p.uncertainty_m,
      },
    });
  }

  const fit = (ids: string[]): Camera | undefined => {
    const list = ids.map((id) => resolved[id]).filter((p): p is ResolvedPlace => !!p);
    if (list.length === 0) return undefined;
    if (list.length === 1) return list[0]!.camera;
    return { bounds: unionBounds(list.map((p) => p.bounds)) };
  };

  const mapPlaces = Object.values(resolved).filter((p) => p.display === 'map');
  const initialView: ResolvedView = {
    layers: fm.view?.layers ?? [],
    camera: fm.view?.camera ?? fit(mapPlaces.map((p) => p.id)) ?? WORLD,
    projection: fm.view?.projection ?? 'mercator',
    insets: [],
    cards: [],
  };

  const viewOf = (placeIds: string[], view: View | undefined): ResolvedView => {
    const layers = view?.layers ?? placeIds.filter((id) => resolved[id]?.display === 'map');
    const offMap = (display: Display) =>
      placeIds.filter((id) => !layers.includes(id) && resolved[id]?.display === display);
    return {
      layers,
      // A passage with nothing to draw keeps the story's own view rather than jumping.
      camera: view?.camera ?? fit(layers) ?? initialView.camera,
      projection: view?.projection ?? 'mercator',
      insets: offMap('inset'),
      cards: offMap('card'),
    };
  };

  return {
    slug,
    title: fm.title,
    dek: fm.dek,
    lang: fm.lang,
    source: fm.source,
    published: fm.published,
    byline: fm.byline,
    passages: passages.map((s) => ({
      id: s.id,
      inlines: s.inlines,
      placeIds: s.placeIds,
      view: viewOf(s.placeIds, fm.passages?.[s.id]?.view),
    })),
    places: resolved,
    statuses: Object.entries(fm.statuses ?? {}).map(([id, s]) => ({ id, ...s })),
    borders: fm.borders,
    layers: { type: 'FeatureCollection', features },
    initialView,
  };
}

/** The geometry's bbox, widened by the position's uncertainty so the whole circle is in view. */
export function featureBounds(feature: PlaceFeature): Bounds {
  const [w, s, e, n] = turfBbox(feature.geometry!) as [number, number, number, number];
  const metres = feature.properties.uncertainty_m ?? 0;
  const dLat = metres / METRES_PER_DEGREE;
  const dLon =
    metres / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(((s + n) / 2) * (Math.PI / 180))));
  return [
    [round(Math.max(-180, w - dLon)), round(Math.max(-90, s - dLat))],
    [round(Math.min(180, e + dLon)), round(Math.min(90, n + dLat))],
  ];
}

function lonLat(position: number[]): [number, number] {
  return [position[0]!, position[1]!];
}

function lengthKm(geometry: NonNullable<PlaceFeature['geometry']>): number | undefined {
  if (geometry.type !== 'LineString' && geometry.type !== 'MultiLineString') return undefined;
  return Math.round(turfLength(geometry as never, { units: 'kilometers' }) * 10) / 10;
}

/** A route's segments are split so that no piece is longer than this: short enough that the
 * great circle reads as a curve on a Mercator map, not as the straight rhumb line between two
 * distant waypoints. */
export const MAX_SEGMENT_KM = 100;
const EARTH_RADIUS_KM = 6371.0088;

/** The line through `waypoints` along great circles, densified every MAX_SEGMENT_KM at most,
 * rounded to 5 decimals (about 1 m). Every waypoint is a vertex of the line. */
export function greatCircleLine(waypoints: readonly [number, number][]): [number, number][] {
  const line: [number, number][] = [];
  waypoints.forEach((to, i) => {
    if (i === 0) {
      line.push([round(to[0]), round(to[1])]);
      return;
    }
    const from = waypoints[i - 1]!;
    const km = geoDistance(from, to) * EARTH_RADIUS_KM;
    const steps = Math.max(1, Math.ceil(km / MAX_SEGMENT_KM));
    const along = geoInterpolate(from, to);
    for (let step = 1; step <= steps; step++) {
      const [lon, lat] = step === steps ? to : along(step / steps);
      // d3 gives longitudes within ±180: a segment across the antimeridian would jump from 179
      // to -179 and be drawn the long way round the world. Unwrapping each longitude to within
      // 180° of the one before keeps the line continuous (179, 181...), which MapLibre draws
      // as one line over the antimeridian.
      const previous = line.at(-1)![0];
      const unwrapped = lon + 360 * Math.round((previous - lon) / 360);
      line.push([round(unwrapped), round(lat)]);
    }
  });
  return line;
}

/** The point a route's waypoint stands for: a point's position, else the place's label point,
 * else the centre of its bounding box. */
export function waypointOf(feature: PlaceFeature): [number, number] {
  const geometry = feature.geometry!;
  if (geometry.type === 'Point') return lonLat(geometry.coordinates);
  if (feature.properties.label_point) return feature.properties.label_point;
  const [w, s, e, n] = turfBbox(geometry) as [number, number, number, number];
  return [round((w + e) / 2), round((s + n) / 2)];
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** The extent of the story's first view: its camera bounds, else its places' bounds. */
export function mainBounds(story: Pick<ResolvedStory, 'initialView' | 'places'>): Bounds {
  const camera = story.initialView.camera;
  if ('bounds' in camera) return camera.bounds;
  const boxes = story.initialView.layers
    .map((id) => story.places[id]?.bounds)
    .filter((b): b is Bounds => !!b);
  return unionBounds(boxes);
}
