import turfArea from '@turf/area';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Config, PlaceConfig } from './config.ts';
import {
  cleanMultiPolygon,
  largestPolygon,
  pointInPolygon,
  poleOfInaccessibility,
  round,
} from './geometry.ts';
import type { TopoGeometry, Topology, TopojsonClient } from './types.ts';

export const DECIMALS = 4; // ~11 m: a 20th of a pixel at zoom 8

export interface PlaceProperties {
  name: string;
  name_uk?: string;
  name_ru?: string;
  kind: PlaceConfig['kind'];
  status?: NonNullable<PlaceConfig['status']>;
  aliases: string[];
  dates?: Record<string, string>;
  source: { dataset: string; version: string; licence: string; credit: string };
  confidence: PlaceConfig['confidence'];
  uncertainty_m?: number;
  label_point?: Position;
  area_km2?: number;
}

export type PlaceFeature = Feature<Polygon | MultiPolygon | Point, PlaceProperties>;

/** One polygon when there is one part: simpler for every consumer. */
export function compact(mp: MultiPolygon): Polygon | MultiPolygon {
  return mp.coordinates.length === 1 ? { type: 'Polygon', coordinates: mp.coordinates[0]! } : mp;
}

export function labelPoint(mp: MultiPolygon): Position {
  const largest = largestPolygon(mp);
  const p = poleOfInaccessibility(largest);
  const label = [round(p[0]!, DECIMALS), round(p[1]!, DECIMALS)];
  if (!pointInPolygon(label, largest)) throw new Error('label point fell outside its polygon');
  return label;
}

/** Properties in a fixed key order, so the output is byte-stable. */
export function placeProperties(
  p: PlaceConfig,
  config: Config,
  names: { name_uk?: string; name_ru?: string },
  extra: { uncertainty_m?: number; label_point?: Position; area_km2?: number },
): PlaceProperties {
  const s = config.sources[p.source]!;
  const out: Record<string, unknown> = { name: p.name };
  const name_uk = p.name_uk ?? names.name_uk;
  const name_ru = p.name_ru ?? names.name_ru;
  if (name_uk) out.name_uk = name_uk;
  if (name_ru) out.name_ru = name_ru;
  out.kind = p.kind;
  if (p.status) out.status = p.status;
  out.aliases = p.aliases;
  if (p.dates) {
    const d: Record<string, string> = {};
    for (const k of Object.keys(p.dates).sort()) d[k] = p.dates[k]!;
    out.dates = d;
  }
  out.source = { dataset: s.dataset, version: s.version, licence: s.licence, credit: s.credit };
  out.confidence = p.confidence;
  if (extra.uncertainty_m !== undefined) out.uncertainty_m = extra.uncertainty_m;
  if (extra.label_point) out.label_point = extra.label_point;
  if (extra.area_km2 !== undefined) out.area_km2 = extra.area_km2;
  return out as unknown as PlaceProperties;
}

/** A polygon place from merged topology geometries: rounded, oriented, labelled, measured. */
export function polygonPlace(
  client: TopojsonClient,
  topology: Topology,
  geometries: TopoGeometry[],
  p: PlaceConfig,
  config: Config,
  names: { name_uk?: string; name_ru?: string },
): PlaceFeature {
  const parts = geometries.filter((g) => g.type !== null);
  const merged = cleanMultiPolygon(client.merge(topology, parts), DECIMALS);
  const geometry = compact(merged);
  const area_km2 = Math.round(turfArea(geometry) / 1e6);
  return {
    type: 'Feature',
    id: p.id,
    properties: placeProperties(p, config, names, { label_point: labelPoint(merged), area_km2 }),
    geometry,
  };
}

export function pointPlace(p: PlaceConfig, config: Config, uncertainty_m?: number): PlaceFeature {
  const [lon, lat] = p.point!;
  return {
    type: 'Feature',
    id: p.id,
    properties: placeProperties(p, config, {}, { uncertainty_m }),
    geometry: { type: 'Point', coordinates: [round(lon, 5), round(lat, 5)] },
  };
}
