import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KIND_IDS } from '../../src/catalogue/kinds.ts';
import { KEBAB } from '../../src/lib/ids.ts';
import { GeoInputError } from './errors.ts';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.tuple([lon, lat]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
const placeId = z.string().regex(KEBAB, 'expected a kebab-case id');
const regionCode = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]+$/, 'expected an ISO 3166-2 code like UA-14');

/** Which Natural Earth admin-1 regions make a place; every code must exist in the source. */
const regionSelector = z
  .object({
    iso_3166_2: z.array(regionCode).min(1).optional(),
    iso_3166_2_prefix: z
      .string()
      .regex(/^[A-Z]{2}-$/)
      .optional(),
    adm0_a3: z
      .array(z.string().regex(/^[A-Z0-9]{3}$/))
      .min(1)
      .optional(),
    exclude_iso_3166_2: z.array(regionCode).optional(),
  })
  .strict()
  .refine((s) => s.iso_3166_2 || s.iso_3166_2_prefix || s.adm0_a3, {
    message: 'a region selector needs iso_3166_2, iso_3166_2_prefix or adm0_a3',
  });

const water = z
  .object({
    note: z.string(),
    // A closed ring over land everywhere except along `cuts`: land is subtracted from it.
    mask: z.array(position).min(4),
    // Mask edges allowed to cross water: the strait entrances that end the basin.
    cuts: z.array(z.tuple([position, position])).min(1),
    // A point in open water: the basin is the piece of (mask minus land) that contains it.
    seed: position,
  })
  .strict();

const place = z
  .object({
    id: placeId,
    // The kinds are the app's catalogue's: one list for the gazetteer, stories and both maps.
    kind: z.enum(KIND_IDS),
    name: z.string().min(1),
    name_uk: z.string().min(1).optional(),
    name_ru: z.string().min(1).optional(),
    // Take name_uk/name_ru from this Natural Earth region when the place is one region.
    names_from: regionCode.optional(),
    aliases: z.array(z.string().min(1)).min(1),
    // Status ids and date names are data: a story defines what each status means (its statuses:).
    status: z.string().regex(KEBAB).optional(),
    // What happened when: annexed, claimed, incident... (the place panel shows each by name).
    dates: z.record(z.string().regex(/^[a-z]+(?:-[a-z]+)*$/), isoDate).optional(),
    source: z.string(),
    confidence: z.enum(['exact', 'approximate']),
    uncertainty_m: z.number().positive().optional(),
    // Simplification: zoom whose pixel the outline must hold (8 = ~430 m at 45°N).
    detail_zoom: z.number().min(0).max(12).optional(),
    regions: regionSelector.optional(),
    union: z.array(placeId).min(2).optional(),
    water: water.optional(),
    point: position.optional(),
    // Point checks: the uncertainty circle must stay this far from any coast...
    keep_offshore_m: z.number().positive().optional(),
    // ...or the point must be this close to the coast of `coast_of`.
    max_coast_m: z.number().positive().optional(),
    coast_of: placeId.optional(),
    inside: placeId.optional(),
  })
  .strict();

/** A data source as both configs (places.json, gazetteer.json) declare it. */
export const sourceSchema = z
  .object({
    dataset: z.string(),
    version: z.string(),
    licence: z.string(),
    // What a reader sees on the map and in the panel: the source and, where it asks, its licence.
    credit: z.string().min(1),
    url: z.string(),
  })
  .strict();

const configSchema = z
  .object({
    $comment: z.string().optional(),
    sources: z.record(z.string(), sourceSchema),
    // The map's label font: the glyph ranges copied to public/fonts (tileserver-gl-styles).
    glyphs: z
      .object({
        font: z.string(),
        ranges: z.array(z.string().regex(/^\d+-\d+$/)).min(1),
      })
      .strict(),
    places: z.array(place).min(1),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type PlaceConfig = z.infer<typeof place>;
export type RegionSelector = z.infer<typeof regionSelector>;

function shapeOf(p: PlaceConfig): string[] {
  return (['regions', 'union', 'water', 'point'] as const).filter((k) => p[k] !== undefined);
}

/**
 * Reads and checks the place definitions; any problem is one GeoInputError naming the fix.
 * `file` is how messages name the config (relative to where the command runs).
 */
export function loadConfig(path: string, file = path): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON';
    throw new GeoInputError(`config ${file} is ${why}`, 'pass an existing JSON file to --config');
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    throw new GeoInputError(
      `config ${file}: ${where || '(root)'}: ${issue.message}`,
      `correct that entry in ${file}`,
    );
  }
  const config = parsed.data;
  const ids = new Set<string>();
  for (const p of config.places) {
    const fix = `correct place "${p.id}" in ${file}`;
    if (ids.has(p.id)) throw new GeoInputError(`place id "${p.id}" is defined twice`, fix);
    ids.add(p.id);
    const shapes = shapeOf(p);
    if (shapes.length !== 1) {
      throw new GeoInputError(
        `place "${p.id}" needs exactly one of regions, union, water, point (has ${shapes.join(', ') || 'none'})`,
        fix,
      );
    }
    if (!config.sources[p.source]) {
      throw new GeoInputError(`place "${p.id}" names unknown source "${p.source}"`, fix);
    }
    if (p.confidence === 'approximate' && p.uncertainty_m === undefined) {
      throw new GeoInputError(`place "${p.id}" is approximate but has no uncertainty_m`, fix);
    }
  }
  // References to other places are checked once every id is known.
  for (const p of config.places) {
    const refs = [...(p.union ?? []), p.coast_of, p.inside].filter((r): r is string => !!r);
    for (const ref of refs) {
      if (!ids.has(ref)) {
        throw new GeoInputError(
          `place "${p.id}" refers to place id "${ref}", which matches no place`,
          `define "${ref}" or correct the reference in ${file}`,
        );
      }
    }
  }
  return config;
}
