import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { sourceSchema } from '../config.ts';
import { GeoInputError } from '../errors.ts';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.tuple([lon, lat]);
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const alpha2 = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');
const names = {
  name: z.string().min(1),
  name_uk: z.string().min(1).optional(),
  name_ru: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).default([]),
};


const mainConfig = z
  .object({
    $comment: z.string().optional(),
    sources: z.record(z.string(), sourceSchema),
    land: z
      .object({
        quantization: z.number().int().positive(),
        detail_zoom: z.number().min(0).max(12),
        speck_zoom: z.number().min(0).max(16),
      })
      .strict(),
    border_policy: z
      .object({
        $comment: z.string().optional(),
        // The policy in readers' words, and what each status means: suggest copies both into a
        // drafted story (gazetteer/policy.json), so a story's legend states the policy.
        borders: z.string().min(1),
        statuses: z.record(
          kebab,
          z
            .object({
              legend: z.string().min(1),
              description: z.string().min(1),
              style: z.enum(['solid', 'hatch', 'hatch-wide']),
            })
            .strict(),
        ),
        // Natural Earth admin-1 units whose ISO 3166-2 code has no country prefix (-99-…).
        country_of_unit: z.record(z.string(), alpha2.nullable()),
        unit_status: z.record(z.string(), kebab),
        country_status: z.record(alpha2, kebab),
        country_names: z.record(alpha2, z.string()),
        country_aliases: z.record(alpha2, z.array(z.string())),
        // i18n-iso-countries' Ukrainian and Russian names where they take a side (Taiwan).
        country_names_uk: z.record(alpha2, z.string()),
        country_names_ru: z.record(alpha2, z.string()),
      })
      .strict(),
    region_names_comment: z.string().optional(),
    // English names for admin-1 units, by ISO 3166-2 code, where Natural Earth's differ.
    region_names: z.record(
      z.string(),
      z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]) }).strict(),
    ),
    unions: z.array(
      z
        .object({
          id: kebab,
          ...names,
          status: kebab,
          units: z.array(z.string()).min(1),
          administered_by: z.array(alpha2),
          claimed_by: z.array(alpha2),
          confidence: z.enum(['exact', 'approximate']),
          note: z.string(),
        })
        .strict(),
    ),
    cities: z
      .object({
        min_population: z.number().int().positive(),
        always: z.array(z.string()),
        skip: z.array(z.string()),
        // "CC:GeoNames name" → English name and aliases (GeoNames' name is not always English).
        names: z.record(
          z.string().regex(/^[A-Z]{2}:.+$/),
          z
            .object({
              name: z.string().min(1).optional(),
              name_uk: z.string().min(1).optional(),
              name_ru: z.string().min(1).optional(),
              aliases: z.array(z.string().min(1)).default([]),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

export const waterBody = z
  .object({
    id: kebab,
    kind: z.enum(['sea', 'strait']),
    ...names,
    // A closed ring around the water: it may run over land, which is subtracted.
    mask: z.array(position).min(4),
    // A point in open water: the body is the piece of (mask minus land) that holds it.
    seed: position,
    limits: z.string(),
  })
  .strict();

const lake = z
  .object({
    id: kebab,
    ...names,
    point: position,
    kind: z.enum(['lake', 'sea']).default('lake'),
    // GSHHG draws some lakes as one shoreline (Superior, Michigan and Huron): the box that
    // keeps this one, its edges across the connecting straits.
    clip: z.tuple([lon, lat, lon, lat]).optional(),
  })
  .strict();

const river = z
  .object({
    id: kebab,
    ...names,
    source: position,
    mouth: position,
    // Points the main stem passes (in order from the source), for rivers whose shortest path
    // would take a branch.
    via: z.array(position).default([]),
    length_km: z.number().positive(),
    length_source: z.string(),
    // Wider than the default 25% where WDBII draws the river without its meanders (the Jordan).
    length_tolerance: z.number().positive().max(0.5).optional(),
  })
  .strict();

const waterFile = z
  .object({
    $comment: z.string().optional(),
    seas: z.array(waterBody),
    lakes: z.array(lake),
    rivers: z.array(river),
  })
  .strict();

export type GazetteerConfig = z.infer<typeof mainConfig>;
export type WaterConfig = z.infer<typeof waterFile>;
export type RiverConfig = z.infer<typeof river>;

function load<T>(schema: z.ZodType<T>, path: string, shown: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON';
    throw new GeoInputError(`gazetteer config ${shown} is ${why}`, `restore ${shown}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GeoInputError(
      `gazetteer config ${shown}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      `correct that entry in ${shown}`,
    );
  }
  return parsed.data;
}

export function loadGazetteerConfig(dir: string): { main: GazetteerConfig; water: WaterConfig } {
  const main = load(mainConfig, join(dir, 'gazetteer.json'), 'geo/gazetteer/gazetteer.json');
  const water = load(waterFile, join(dir, 'water.json'), 'geo/gazetteer/water.json');
  const ids = new Set<string>();
  for (const w of [...water.seas, ...water.lakes, ...water.rivers, ...main.unions]) {
    if (ids.has(w.id)) {
      throw new GeoInputError(`gazetteer id "${w.id}" is defined twice`, 'rename one of them');
    }
    ids.add(w.id);
  }
  return { main, water };
}
