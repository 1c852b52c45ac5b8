import turfArea from '@turf/area';
import difference from '@turf/difference';
import { featureCollection, multiPolygon, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { Feature, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  boxPolygon,
  cleanMultiLineString,
  cleanMultiPolygon,
  clipLines,
  densifyLongitude,
  largestPolygon,
  poleOfInaccessibility,
  round,
} from './geometry.ts';
import type { Box, TopoCollection, TopoGeometry, Topology, TopojsonClient } from './types.ts';

export type Layer =
  'land' | 'coastline' | 'country-border' | 'admin1-border' | 'country-label' | 'sea-label';

export interface BasemapProperties {
  layer: Layer;
  name?: string;
  rank?: number;
}

export type BasemapFeature = Feature<MultiPolygon | MultiLineString | Point, BasemapProperties>;

const collection = (geometries: TopoGeometry[]): TopoCollection => ({
  type: 'GeometryCollection',
  geometries: geometries.filter((g) => g.type !== null),
});

const layerOf = <G extends MultiPolygon | MultiLineString>(
  layer: Layer,
  geometry: G,
): Feature<G, BasemapProperties> => ({ type: 'Feature', properties: { layer }, geometry });

function toMultiPolygon(f: Feature<Polygon | MultiPolygon> | null): MultiPolygon {
  if (!f) return { type: 'MultiPolygon', coordinates: [] };
  return f.geometry.type === 'Polygon'
    ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] }
    : f.geometry;
}

/** Keeps land inside (region) or outside (world) the box, so the two files tile. */
export function clipLand(land: MultiPolygon, box: Box, keep: 'inside' | 'outside'): MultiPolygon {
  if (land.coordinates.length === 0) return land;
  const pair = featureCollection<Polygon | MultiPolygon>([
    multiPolygon(land.coordinates),
    polygon(boxPolygon(box)),
  ]);
  return toMultiPolygon(keep === 'inside' ? intersect(pair) : difference(pair));
}

export interface MeshRule {
  layer: Layer;
  filter: (a: TopoGeometry, b: TopoGeometry) => boolean;
}

export interface Prepare {
  polygons(mp: MultiPolygon): MultiPolygon;
  lines(ml: MultiLineString): MultiLineString;
}

const asIs: Prepare = { polygons: (mp) => mp, lines: (ml) => ml };

/**
 * Land fill and line layers of one basemap file. `prepare` runs on raw merged/meshed geometry
 * (the world needs its antimeridian cut there), before rounding and clipping to the box.
 */
export function basemapLayers(
  client: TopojsonClient,
  topology: Topology,
  geometries: TopoGeometry[],
  rules: MeshRule[],
  box: Box,
  keep: 'inside' | 'outside',
  decimals: number,
  prepare: Prepare = asIs,
): BasemapFeature[] {
  const object = collection(geometries);
  const land = cleanMultiPolygon(
    prepare.polygons(client.merge(topology, object.geometries)),
    decimals,
  );
  const features: BasemapFeature[] = [
    layerOf('land', cleanMultiPolygon(densifyLongitude(clipLand(land, box, keep)), decimals)),
  ];
  for (const rule of rules) {
    const mesh = cleanMultiLineString(
      prepare.lines(client.mesh(topology, object, rule.filter)),
      decimals,
    );
    const lines = clipLines(mesh.coordinates, box, keep);
    const clipped = cleanMultiLineString({ type: 'MultiLineString', coordinates: lines }, decimals);
    if (clipped.coordinates.length > 0) features.push(layerOf(rule.layer, clipped));
  }
  return features;
}

export interface Label {
  name: string;
  point: Position;
  area: number;
}

/** A label at the pole of inaccessibility of the country's largest part. */
export function countryLabel(name: string, shape: MultiPolygon, decimals: number): Label | null {
  if (shape.coordinates.length === 0) return null;
  const p = poleOfInaccessibility(largestPolygon(shape));
  return {
    name,
    point: [round(p[0]!, decimals), round(p[1]!, decimals)],
    area: turfArea(shape),
  };
}

export function labelFeature(
  layer: 'country-label' | 'sea-label',
  name: string,
  point: Position,
  rank: number,
): BasemapFeature {
  return {
    type: 'Feature',
    properties: { layer, name, rank },
    geometry: { type: 'Point', coordinates: point },
  };
}
