import turfArea from '@turf/area';
import type { Feature, MultiLineString, MultiPolygon, Position } from 'geojson';
import { cleanMultiLineString, cleanMultiPolygon, pointInPolygon } from '../geometry.ts';
import { compact, DECIMALS, labelPoint } from '../places.ts';
import type { Admin1Feature } from '../sources.ts';
import { stabilise, type Product } from '../stabilise.ts';
import { presimplifyMercator, weightForZoom } from '../topo.ts';
import type {
  TopoGeometry,
  Topology,
  TopojsonClient,
  TopojsonServer,
  TopojsonSimplify,
} from '../types.ts';
import type { GazetteerConfig } from './config.ts';

export interface Area {
  geometry: ReturnType<typeof compact>;
  label_point: Position;
  area_km2: number;
}

export interface RegionUnit {
  code: string; // Natural Earth iso_3166_2 (or its -99- code)
  country: string | null; // ISO 3166-1 alpha-2 by the border policy
  feature: Admin1Feature;
  shape?: Area;
}

export interface CountryUnit {
  code: string; // ISO 3166-1 alpha-2
  members: number[]; // indexes into the regions
  shape?: Area;
}

/** The basemap's boundary lines, by the border policy (see `borderKind`). */
export type BorderKind = 'country' | 'disputed' | 'region';
export type Borders = Record<BorderKind, MultiLineString>;
const BORDER_KINDS: BorderKind[] = ['country', 'disputed', 'region'];

export interface UnionUnit {
  id: string;
  members: number[];
  shape?: Area;
}

/**
 * The line between two admin-1 units: disputed where either side is held, claimed or contested
 * (a status not drawn solid) and the sides differ in status or country, or one side belongs to
 * no country; else a country border where the countries differ; else a region border.
 */
export function borderKind(
  a: RegionUnit,
  b: RegionUnit,
  config: GazetteerConfig,
): BorderKind | null {
  if (a === b) return null;
  const bp = config.border_policy;
  const status = (r: RegionUnit): string =>
    bp.unit_status[r.code] ?? (r.country ? bp.country_status[r.country] : undefined) ?? 'recognised';
  const solid = (s: string): boolean => bp.statuses[s]?.style === 'solid';
  const [sa, sb] = [status(a), status(b)];
  if (a.country === null || b.country === null) return 'disputed';
  if ((!solid(sa) || !solid(sb)) && (sa !== sb || a.country !== b.country)) return 'disputed';
  return a.country !== b.country ? 'country' : 'region';
}

/** The recognised country of a Natural Earth admin-1 unit: its ISO 3166-2 prefix, or the table. */
export function countryOfCode(code: string, config: GazetteerConfig): string | null {
  if (code in config.border_policy.country_of_unit)
    return config.border_policy.country_of_unit[code]!;
  const m = /^([A-Z]{2})-/.exec(code);
  return m ? m[1]! : null;
}

export function shapeOf(mp: MultiPolygon): Area | undefined {
  const clean = cleanMultiPolygon(mp, DECIMALS);
  if (clean.coordinates.length === 0) return undefined;
  return {
    geometry: compact(clean),
    label_point: labelPoint(clean),
    area_km2: Math.round(turfArea(clean) / 1e6),
  };
}

/**
 * Countries, first-level regions and the declared unions (disputed areas) from one topology of
 * Natural Earth 10m admin-1: shared borders are shared arcs, simplified once at the configured
 * zoom, and self-intersections are repaired by the same `stabilise` step as the story layers.
 */
export function landUnits(
  admin1: Admin1Feature[],
  config: GazetteerConfig,
  tools: { server: TopojsonServer; client: TopojsonClient; simplify: TopojsonSimplify },
  log: (m: string) => void,
): {
  regions: RegionUnit[];
  countries: CountryUnit[];
  unions: UnionUnit[];
  land: MultiPolygon;
  borders: Borders;
} {
  const { server, client, simplify } = tools;
  const regions: RegionUnit[] = admin1.map((f) => ({
    code: f.properties.iso_3166_2,
    country: countryOfCode(f.properties.iso_3166_2, config),
    feature: f,
  }));
  const byCountry = new Map<string, number[]>();
  for (const [i, r] of regions.entries()) {
    if (!r.country) continue;
    byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), i]);
  }
  const countries: CountryUnit[] = [...byCountry.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, members]) => ({ code, members }));
  const unions: UnionUnit[] = config.unions.map((u) => {
    const members = regions.flatMap((r, i) => (u.units.includes(r.code) ? [i] : []));
    const missing = u.units.filter((c) => !regions.some((r) => r.code === c));
    if (missing.length > 0) throw new Error(`union ${u.id}: no admin-1 unit ${missing.join(', ')}`);
    return { id: u.id, members };
  });

  const t0 = performance.now();
  const topology: Topology = server.topology(
    {
      admin1: {
        type: 'FeatureCollection',
        features: admin1.map((f, i): Feature => ({
          type: 'Feature',
          properties: { i },
          geometry: f.geometry,
        })),
      },
    },
    config.land.quantization,
  );
  const geometries = topology.objects.admin1!.geometries;
  const arcs = presimplifyMercator(simplify, topology);
  log(
    `gazetteer: admin-1 topology ${arcs.length} arcs, ${arcs.reduce((n, a) => n + a.length, 0)} points (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  const thresholds = new Float64Array(arcs.length).fill(weightForZoom(config.land.detail_zoom));
  const minRingArea = 4 * weightForZoom(config.land.speck_zoom);
  const merged = (topo: Topology, settled: TopoGeometry[], members: number[]): MultiPolygon =>
    client.merge(
      topo,
      members.map((i) => settled[i]!).filter((g) => g.type !== null),
    );
  const feature = (mp: MultiPolygon, key: string): Feature => ({
    type: 'Feature',
    properties: { key },
    geometry: cleanMultiPolygon(mp, DECIMALS),
  });
  const product: Product = {
    name: 'gazetteer-land',
    thresholds,
    minRingArea,
    decimals: DECIMALS,
    keepWhole: new Set(),
    geometries,
    build: (topo, settled) => [
      ...regions.map((r, i) => feature(merged(topo, settled, [i]), `r${i}`)),
      ...countries.map((c, i) => feature(merged(topo, settled, c.members), `c${i}`)),
      ...unions.map((u, i) => feature(merged(topo, settled, u.members), `u${i}`)),
      // The basemap's land (one fill, no inner edges) and boundaries, from the same arcs.
      feature(
        merged(
          topo,
          settled,
          regions.map((_, i) => i),
        ),
        'land',
      ),
      ...BORDER_KINDS.map((kind): Feature => {
        const object = { type: 'GeometryCollection' as const, geometries: settled };
        const unit = (g: TopoGeometry): RegionUnit => regions[Number(g.properties!.i)]!;
        const mesh = client.mesh(topo, object, (a, b) => borderKind(unit(a), unit(b), config) === kind);
        return { type: 'Feature', properties: { key: kind }, geometry: cleanMultiLineString(mesh, DECIMALS) };
      }),
    ],
  };
  try {
    stabilise(arcs, [product], log);
  } catch (e) {
    // Crossings present in the source at full detail (touching rings of merged units): the
    // features stay valid RFC 7946; the count is reported.
    if (!product.features) throw e;
    log(`gazetteer: kept as is: ${(e as Error).message}`);
  }
  const built = product.features!;
  const shape = (k: number): Area | undefined => shapeOf(built[k]!.geometry as MultiPolygon);
  regions.forEach((r, i) => (r.shape = shape(i)));
  countries.forEach((c, i) => (c.shape = shape(regions.length + i)));
  unions.forEach((u, i) => (u.shape = shape(regions.length + countries.length + i)));
  const first = regions.length + countries.length + unions.length;
  const landShape = built[first]!.geometry as MultiPolygon;
  const borders = Object.fromEntries(
    BORDER_KINDS.map((k, i) => [k, built[first + 1 + i]!.geometry as MultiLineString]),
  ) as Borders;
  log(`gazetteer: land built (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return { regions, countries, unions, land: landShape, borders };
}

/** A grid index of full-precision admin-1 units, for the region (ISO 3166-2) of each city. */
export function regionLocator(regions: RegionUnit[]): (p: Position) => RegionUnit | undefined {
  const cell = (x: number, y: number): string => `${Math.floor(x)},${Math.floor(y)}`;
  const grid = new Map<string, { r: RegionUnit; box: number[]; polys: Position[][][] }[]>();
  for (const r of regions) {
    const g = r.feature.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of polys) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of poly[0]!) {
        x0 = Math.min(x0, p[0]!);
        y0 = Math.min(y0, p[1]!);
        x1 = Math.max(x1, p[0]!);
        y1 = Math.max(y1, p[1]!);
      }
      const entry = { r, box: [x0, y0, x1, y1], polys: [poly] };
      for (let x = Math.floor(x0); x <= Math.floor(x1); x++) {
        for (let y = Math.floor(y0); y <= Math.floor(y1); y++) {
          const k = cell(x, y);
          const list = grid.get(k);
          if (list) list.push(entry);
          else grid.set(k, [entry]);
        }
      }
    }
  }
  return (p) => {
    for (const e of grid.get(cell(p[0]!, p[1]!)) ?? []) {
      const [x0, y0, x1, y1] = e.box as [number, number, number, number];
      if (p[0]! < x0 || p[0]! > x1 || p[1]! < y0 || p[1]! > y1) continue;
      if (pointInPolygon(p, e.polys[0]!)) return e.r;
    }
    return undefined;
  };
}
