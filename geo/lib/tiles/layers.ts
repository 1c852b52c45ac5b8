// The basemap's source layers: what the world tiles carry, each feature with the zoom it first
// appears at. Built from the world gazetteer's own outputs (the same land, arcs, cities and water
// the stories' places come from) and GSHHG/WDBII lakes and rivers for the unnamed ones.
import turfArea from '@turf/area';
import type { Feature, Geometry, Position } from 'geojson';
import { gmtSegments, stitchRings } from '../gazetteer/lakes.ts';
import type { Borders } from '../gazetteer/land.ts';
import { round } from '../geometry.ts';

/** One feature and the lowest zoom whose tiles hold it. */
export interface TileFeature {
  minzoom: number;
  feature: Feature;
}

export interface TileLayer {
  name: string;
  /** Shown in the archive's metadata (vector_layers), for anyone styling the tiles. */
  description: string;
  features: TileFeature[];
}

/** Thresholds read top down: the first whose test passes gives the zoom. */
const zoomBy = (value: number, steps: [number, number][], otherwise: number): number =>
  steps.find(([min]) => value >= min)?.[1] ?? otherwise;

const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties,
  geometry,
});

const DECIMALS = 4; // ~11 m, a 20th of a pixel at zoom 8

function lakeLayer(): TileFeature[] {
  const rings = stitchRings(
    gmtSegments(['-Rd', '-Di', '-M', '-A25/2/2', '-W']).map((s) => s.points),
  );
  return rings.map((ring) => {
    const polygon: Geometry = {
      type: 'Polygon',
      coordinates: [ring.map((p) => [round(p[0]!, DECIMALS), round(p[1]!, DECIMALS)])],
    };
    const km2 = turfArea(polygon) / 1e6;
    return {
      minzoom: zoomBy(
        km2,
        [
          [5000, 1],
          [1000, 3],
          [200, 4],
          [60, 5],
        ],
        6,
      ),
      feature: feature(polygon),
    };
  });
}

/** WDBII levels: 1 double-lined, 2 permanent major, 3 additional major, 4 additional. */
const RIVER_ZOOM: Record<number, number> = { 1: 3, 2: 3, 3: 5, 4: 6 };

function riverLayer(): TileFeature[] {
  return gmtSegments(['-Rd', '-Di', '-I1', '-I2', '-I3', '-I4', '-M']).flatMap(
    ({ header, points }) => {
      const level = Number(/Level (\d+)/.exec(header)?.[1]);
      if (!(level in RIVER_ZOOM) || points.length < 2) return [];
      const line: Position[] = points.map((p) => [round(p[0]!, DECIMALS), round(p[1]!, DECIMALS)]);
      return [
        {
          minzoom: RIVER_ZOOM[level]!,
          feature: feature({ type: 'LineString', coordinates: line }),
        },
      ];
    },
  );
}

const props = (f: Feature) => f.properties as Record<string, unknown>;
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** Cities appear by population; capitals earlier than their size alone would give. */
export function cityZoom(population: number, capital: unknown): number {
  if (capital === 'country') return Math.min(2, cityZoom(population, undefined));
  const z = zoomBy(
    population,
    [
      [5e6, 3],
      [1e6, 4],
      [250e3, 5],
      [100e3, 6],
      [40e3, 7],
    ],
    8,
  );
  return capital === 'region' ? Math.max(3, z - 1) : z;
}

function labelZoom(kind: string, km2: number): number | null {
  switch (kind) {
    case 'country':
      return zoomBy(
        km2,
        [
          [1e6, 1],
          [2e5, 2],
          [3e4, 3],
          [3e3, 4],
        ],
        5,
      );
    case 'region':
      return zoomBy(
        km2,
        [
          [3e5, 3],
          [5e4, 4],
          [1e4, 5],
        ],
        6,
      );
    case 'sea':
      return zoomBy(
        km2,
        [
          [2e6, 1],
          [3e5, 3],
          [5e4, 4],
        ],
        5,
      );
    case 'strait':
      return 5;
    case 'lake':
      return zoomBy(
        km2,
        [
          [2e4, 3],
          [3e3, 4],
        ],
        6,
      );
    default:
      return null;
  }
}

/** Suburbs and districts (Istanbul's Bağcılar, Üsküdar...) wait until a city of their own size
 * would: a town within `NEAR_KM` of a bigger one appears from zoom 7 at the earliest. */
const NEAR_KM = 20;

function declutter(cities: TileFeature[]): void {
  const cell = 0.5; // degrees; NEAR_KM is well under a cell at any latitude we grid
  const grid = new Map<string, TileFeature[]>();
  const at = (c: TileFeature) =>
    (c.feature.geometry as { coordinates: number[] }).coordinates as [number, number];
  const key = (x: number, y: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
  const byPopulation = [...cities].sort(
    (a, b) => num(props(b.feature).population) - num(props(a.feature).population),
  );
  for (const c of byPopulation) {
    const [x, y] = at(c);
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    let near = false;
    for (let i = gx - 1; i <= gx + 1 && !near; i++) {
      for (let j = gy - 1; j <= gy + 1 && !near; j++) {
        for (const o of grid.get(`${i},${j}`) ?? []) {
          const [ox, oy] = at(o);
          const km = Math.hypot((ox - x) * Math.cos((y * Math.PI) / 180), oy - y) * 111.32;
          if (km < NEAR_KM) {
            near = true;
            break;
          }
        }
      }
    }
    if (near && !props(c.feature).capital) c.minzoom = Math.max(c.minzoom, 7);
    const k = key(x, y);
    grid.set(k, [...(grid.get(k) ?? []), c]);
  }
}

/** Every layer of the world tiles, from the gazetteer's features and its land and borders. */
export function basemapLayers(
  gazetteer: Feature[],
  basemap: { land: Geometry[]; borders: Borders },
): TileLayer[] {
  const townNames = new Set(
    gazetteer
      .filter((f) => props(f).kind === 'city')
      .map((f) => `${String(props(f).admin1)}|${String(props(f).name).toLowerCase()}`),
  );
  const cities: TileFeature[] = [];
  const labels: TileFeature[] = [];
  const riverNames: TileFeature[] = [];
  for (const f of gazetteer) {
    const p = props(f);
    const kind = String(p.kind);
    const name = String(p.name);
    if (kind === 'city' && f.geometry.type === 'Point') {
      const population = num(p.population);
      const o: Record<string, unknown> = { id: f.id, name, population };
      if (p.capital) o.capital = p.capital;
      cities.push({ minzoom: cityZoom(population, p.capital), feature: feature(f.geometry, o) });
    } else if (kind === 'river') {
      riverNames.push({
        minzoom: num(p.rank) <= 20 ? 4 : 5,
        feature: feature(f.geometry, { id: f.id, name }),
      });
    } else if (Array.isArray(p.label_point)) {
      const z = labelZoom(kind, num(p.area_km2));
      if (z === null) continue;
      // Smolensk the region and Smolensk its capital: the town's name says both.
      if (kind === 'region' && townNames.has(`${String(p.admin1)}|${name.toLowerCase()}`)) continue;
      const at = p.label_point as Position;
      labels.push({
        minzoom: z,
        feature: feature(
          { type: 'Point', coordinates: at },
          { id: f.id, name, kind, rank: num(p.rank) },
        ),
      });
    }
  }
  declutter(cities);
  const borders: TileFeature[] = (['country', 'disputed', 'region'] as const).map((kind) => ({
    minzoom: kind === 'region' ? 3 : 0,
    feature: feature(basemap.borders[kind], { kind }),
  }));
  return [
    {
      name: 'land',
      description: 'Land: countries and disputed units (Natural Earth 10m admin-1)',
      features: basemap.land.map((g) => ({ minzoom: 0, feature: feature(g) })),
    },
    { name: 'water', description: 'Lakes of 25 km² or more (GSHHG)', features: lakeLayer() },
    {
      name: 'rivers',
      description: 'Rivers (WDBII levels 1–4), the larger from lower zooms',
      features: riverLayer(),
    },
    {
      name: 'boundaries',
      description: 'Borders by the border policy: kind country, disputed or region',
      features: borders,
    },
    {
      name: 'places',
      description: 'Cities (GeoNames): id, name, population, capital',
      features: cities,
    },
    {
      name: 'labels',
      description: 'Names of countries, regions, seas, straits and lakes: id, name, kind, rank',
      features: labels,
    },
    {
      name: 'river_names',
      description: 'Named rivers for line labels: id, name',
      features: riverNames,
    },
  ];
}
