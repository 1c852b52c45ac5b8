import difference from '@turf/difference';
import { featureCollection, polygon } from '@turf/helpers';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { boundsOf, boxesIntersect, pointInPolygon } from '../geometry.ts';
import type { Box, TopojsonClient } from '../types.ts';
import type { WaterConfig } from './config.ts';
import { shapeOf, type landUnits } from './land.ts';
import { lakes } from './lakes.ts';
import { rivers } from './rivers.ts';

export interface WaterPlace {
  id: string;
  kind: 'lake' | 'river' | 'sea' | 'strait';
  name: string;
  name_uk?: string;
  name_ru?: string;
  aliases: string[];
  source: string;
  prominence: number;
  geometry: Geometry;
  extra: Record<string, unknown>;
}

interface Part {
  box: Box;
  rings: Position[][];
}

function partsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Masks smaller than this (square degrees) are cut from full-precision land: straits are narrow. */
const FINE_MASK_DEG2 = 16;

/**
 * Seas and straits: each mask minus land, keeping the piece that holds the seed. Large masks use
 * the gazetteer's own simplified land (so coasts match the countries); small ones the
 * full-precision Natural Earth land, so the Bosporus (700 m wide) stays open.
 */
function seas(
  water: WaterConfig,
  land: ReturnType<typeof landUnits>,
  log: (m: string) => void,
): WaterPlace[] {
  const index = (shapes: (Polygon | MultiPolygon)[]): Part[] =>
    shapes.flatMap((g) => partsOf(g).map((rings) => ({ box: boundsOf(rings[0]!), rings })));
  const coarse = index([
    ...land.countries.flatMap((c) => (c.shape ? [c.shape.geometry] : [])),
    ...land.regions.flatMap((r) => (r.country === null && r.shape ? [r.shape.geometry] : [])),
  ]);
  const fine = index(land.regions.map((r) => r.feature.geometry));
  const out: WaterPlace[] = [];
  const t0 = performance.now();
  const problems: string[] = [];
  for (const s of water.seas) {
    try {
      out.push(sea(s));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${problems.length} water bodies failed: ${problems.join('; ')}`);
  }
  log(
    `gazetteer: ${out.length} seas and straits (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return out;

  function sea(s: WaterConfig['seas'][number]): WaterPlace {
    const box = boundsOf(s.mask);
    const small = (box[2] - box[0]) * (box[3] - box[1]) < FINE_MASK_DEG2;
    const near = (small ? fine : coarse).filter((p) => boxesIntersect(p.box, box));
    const diff = difference(
      featureCollection([polygon([s.mask]), ...near.map((p) => polygon(p.rings))]),
    );
    if (!diff) throw new Error(`water.json: ${s.id}: the mask is all land`);
    const pieces = partsOf(diff.geometry);
    const body = pieces.filter((p) => pointInPolygon(s.seed, p));
    if (body.length !== 1) {
      throw new Error(`water.json: ${s.id}: the seed ${s.seed.join(', ')} is not in open water`);
    }
    const shape = shapeOf({ type: 'MultiPolygon', coordinates: body });
    if (!shape) throw new Error(`water.json: ${s.id}: nothing left after rounding`);
    return {
      id: s.id,
      kind: s.kind,
      name: s.name,
      name_uk: s.name_uk,
      name_ru: s.name_ru,
      aliases: s.aliases,
      source: 'iho-seas',
      prominence: shape.area_km2,
      geometry: shape.geometry,
      extra: { label_point: shape.label_point, area_km2: shape.area_km2, limits: s.limits },
    };
  }
}

export function waterFeatures(
  water: WaterConfig,
  land: ReturnType<typeof landUnits>,
  _client: TopojsonClient,
  log: (m: string) => void,
): WaterPlace[] {
  return [...lakes(water, log), ...rivers(water, log), ...seas(water, land, log)];
}
