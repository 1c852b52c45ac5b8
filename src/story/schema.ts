// The one definition of the story format, the gazetteer contract and the resolved story the app
// renders. Every TypeScript type below is inferred from these schemas.
import { z } from 'zod';
import { KIND_IDS, KINDS, STATUS_STYLE_IDS, statusStyleChoices } from '../catalogue/kinds.ts';
import { KEBAB } from '../lib/ids.ts';

export const placeIdSchema = z
  .string()
  .regex(KEBAB, { error: 'place ids use lowercase letters, digits and single hyphens' });
export const passageIdSchema = z
  .string()
  .regex(KEBAB, { error: 'passage ids use lowercase letters, digits and single hyphens' });
export const slugSchema = z
  .string()
  .regex(KEBAB, { error: 'story folder names use lowercase letters, digits and single hyphens' });

const text = z.string().trim().min(1, { error: 'must not be empty' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
export const isoDateSchema = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

/** [longitude, latitude] */
export const lonLatSchema = z.tuple([longitude, latitude]);
/** [[west, south], [east, north]] */
export const boundsSchema = z
  .tuple([lonLatSchema, lonLatSchema])
  .refine(([[, south], [, north]]) => south <= north, { error: 'south must not exceed north' });

export const centerCameraSchema = z.strictObject({
  center: lonLatSchema,
  zoom: z.number().min(0).max(22),
  bearing: z.number().min(-360).max(360).optional(),
  pitch: z.number().min(0).max(85).optional(),
});
export const boundsCameraSchema = z.strictObject({ bounds: boundsSchema });
export const cameraSchema = z.union([centerCameraSchema, boundsCameraSchema], {
  error: 'camera must be {center: [lon, lat], zoom: N} or {bounds: [[west, south], [east, north]]}',
});

/** How a place appears when the main map does not show it: drawn, in an inset map, or as a card. */
export const displaySchema = z.enum(['map', 'inset', 'card']);
export const projectionSchema = z.enum(['mercator', 'globe']);

// ---- Gazetteer (gazetteer/world.geojson.gz) and story-local places.geojson ----

/** The kinds are the catalogue's (src/catalogue/kinds.ts): one entry there adds one here. */
export const placeKindSchema = z.enum(KIND_IDS, {
  error: `kind must be one of ${KIND_IDS.join(', ')}`,
});
/** The catalogue's line kinds (river, route...): what a route drawn through waypoints may be. */
export const LINE_KIND_IDS = KIND_IDS.filter((kind) => KINDS[kind].geometry === 'line') as [
  (typeof KIND_IDS)[number],
  ...(typeof KIND_IDS)[number][],
];
/** "river, route, crossing or front": for messages that list the choices. */
export const lineKindChoices = (): string =>
  `${LINE_KIND_IDS.slice(0, -1).join(', ')} or ${LINE_KIND_IDS.at(-1)}`;
export const routeKindSchema = z.enum(LINE_KIND_IDS, {
  error: `a route is drawn as a line: kind must be ${lineKindChoices()}`,
});
/** A political status (recognised, annexed, claimed...): the story defines what each one means
 * and how it is drawn (`statuses` in the front matter), so the words are data, not code. */
export const placeStatusSchema = z
  .string()
  .regex(KEBAB, { error: 'status ids use lowercase letters, digits and single hyphens' });
/** How a status is drawn: a tinted area with a firm border, or one of two hatchings (distinct
 * without colour: dense rising lines, wider falling lines). */
export const statusStyleSchema = z.enum(STATUS_STYLE_IDS, {
  error: `style must be ${statusStyleChoices()}`,
});
export const confidenceSchema = z.enum(['exact', 'approximate']);

// Input is tolerant of extra keys (a future `url`); the resolved story keeps the known ones.
export const placeSourceSchema = z.looseObject({
  dataset: text,
  // Data pipelines often write versions as numbers; keep them as text.
  version: z.union([text, z.number()]).transform(String),
  licence: text,
  /** The source in readers' words ("GeoNames (CC BY 4.0)"): the map's credits and the panel. */
  credit: text.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
});
export const resolvedSourceSchema = z.strictObject({
  dataset: z.string(),
  version: z.string(),
  licence: z.string(),
  credit: z.string().optional(),
  url: z.string().optional(),
});
/** What happened when (annexed, claimed, incident...): the place panel shows each by its name. */
export const placeDatesSchema = z.record(
  z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, {
    error: 'date names use lowercase letters and single hyphens',
  }),
  isoDateSchema,
);

// GeoJSON producers commonly write null for an absent optional property.
const absent = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v) => (v === null ? undefined : v));

export const placePropertiesSchema = z.looseObject({
  name: text,
  name_uk: absent(text),
  name_ru: absent(text),
  kind: placeKindSchema,
  status: absent(placeStatusSchema),
  source: placeSourceSchema,
  uncertainty_m: absent(z.number().positive()),
  aliases: z.array(text).default([]),
  dates: absent(placeDatesSchema),
  label_point: absent(lonLatSchema),
  area_km2: absent(z.number().nonnegative()),
  confidence: confidenceSchema,
});

/** GeoJSON geometry whose longitudes lie within ±`maxLongitude`. */
function geometryWithin(maxLongitude: number) {
  const position = z
    .array(z.number())
    .min(2)
    .max(3)
    .refine(([lon = 0, lat = 0]) => Math.abs(lon) <= maxLongitude && Math.abs(lat) <= 90, {
      error: `coordinates must be [longitude, latitude] within ±${maxLongitude} and ±90`,
    });
  const ring = z.array(position).min(4);
  const n = z.number();
  const bbox = z.union([z.tuple([n, n, n, n]), z.tuple([n, n, n, n, n, n])]).optional();
  const point = z.object({ type: z.literal('Point'), coordinates: position, bbox });
  const multiPoint = z.object({
    type: z.literal('MultiPoint'),
    coordinates: z.array(position),
    bbox,
  });
  const lineString = z.object({
    type: z.literal('LineString'),
    coordinates: z.array(position).min(2),
    bbox,
  });
  const multiLineString = z.object({
    type: z.literal('MultiLineString'),
    coordinates: z.array(z.array(position).min(2)),
    bbox,
  });
  const polygon = z.object({
    type: z.literal('Polygon'),
    coordinates: z.array(ring).min(1),
    bbox,
  });
  const multiPolygon = z.object({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(ring).min(1)),
    bbox,
  });
  return {
    point,
    multiPoint,
    lineString,
    multiLineString,
    polygon,
    multiPolygon,
    geometry: z.discriminatedUnion('type', [
      point,
      multiPoint,
      lineString,
      multiLineString,
      polygon,
      multiPolygon,
    ]),
  };
}
const placeGeometry = geometryWithin(180);
export const geometrySchema = placeGeometry.geometry;
/** Resolved geometry may run past ±180: a route drawn across the antimeridian keeps its
 * longitudes continuous (179, 181...), which MapLibre draws as one unbroken line. */
export const layerGeometrySchema = geometryWithin(540).geometry;

export const placeFeatureSchema = z.looseObject({
  type: z.literal('Feature'),
  id: placeIdSchema,
  // null is allowed by GeoJSON; check reports a mention of such a place.
  geometry: geometrySchema.nullable(),
  properties: placePropertiesSchema,
});

// Features are validated one by one so one bad feature does not hide the others.
export const featureCollectionShapeSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

// ---- Story front matter ----

const viewFields = {
  /** Place ids drawn on the main map. */
  layers: z.array(placeIdSchema),
  camera: cameraSchema,
  projection: projectionSchema,
};
/** Each key is optional: layers default to the passage's mentioned places shown on the map. */
export const viewSchema = z.strictObject(viewFields).partial();

/** A route's waypoint: a place id, or a [longitude, latitude] pair. */
export const waypointSchema = z.union(
  [
    placeIdSchema,
    z
      .tuple([z.number(), z.number()])
      .refine(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90, {
        error: (issue) =>
          `${JSON.stringify(issue.input).replace(/,/g, ', ')} is not a [longitude, latitude] pair: longitude must be within ±180 and latitude within ±90`,
      }),
  ],
  { error: 'a waypoint is a place id or a [longitude, latitude] pair' },
);
export const MAX_WAYPOINTS = 100;

export const placeEntrySchema = z
  .strictObject({
    label: text.optional(),
    camera: cameraSchema.optional(),
    display: displaySchema.optional(),
    note: text.optional(),
    /** A line drawn by the story through its waypoints (great circles between them). The keys
     * below are for routes only: other places take their kind and confidence from their file. */
    route: z
      .array(waypointSchema, {
        error: 'a route is a list of waypoints, e.g. [kyiv, [30.9, 45.2], sevastopol]',
      })
      .min(2, {
        error:
          'a route needs at least two waypoints: add the place id or [longitude, latitude] of its other end',
      })
      .max(MAX_WAYPOINTS, { error: `a route has at most ${MAX_WAYPOINTS} waypoints` })
      .optional(),
    kind: routeKindSchema.optional(),
    confidence: confidenceSchema.optional(),
    uncertainty_m: z
      .number()
      .positive({ error: 'must be a distance in metres, above 0' })
      .optional(),
  })
  .nullable();

export const passageEntrySchema = z.strictObject({ view: viewSchema.optional() }).nullable();

// The story's words (title, byline, a status's legend line...) are defined once, in the shapes
// below: the front matter checks them as an author writes them (AUTHORED); the resolved story
// carries them as they came out of those checks, plain strings (CARRIED).
type Word = z.ZodType<string>;
interface WordRules<L extends Word, P extends Word, U extends Word> {
  text: z.ZodString;
  lang: L;
  published: P;
  url: U;
}
const AUTHORED = {
  text,
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'must be a language tag such as en or uk' })
    .default('en'),
  published: z.union([isoDateSchema, z.iso.datetime({ offset: true })], {
    error: 'must be a date written YYYY-MM-DD',
  }),
  url: httpUrl,
};
const CARRIED = {
  text: z.string(),
  lang: z.string(),
  published: z.string(),
  url: z.string(),
};

const storyFields = <L extends Word, P extends Word, U extends Word>(
  words: WordRules<L, P, U>,
) => ({
  title: words.text,
  dek: words.text.optional(),
  lang: words.lang,
  source: z.strictObject({ outlet: words.text, url: words.url.optional() }),
  published: words.published,
  byline: words.text,
  /** The legend's note on how borders are drawn. */
  borders: words.text.optional(),
});

const statusFields = (words: { text: z.ZodString }) => ({
  /** The legend's line, e.g. "Annexed by Russia, 2014". */
  legend: words.text,
  /** The place panel's sentence, e.g. "Annexed by Russia in 2014; not recognised". */
  description: words.text,
  style: statusStyleSchema,
});

export const statusEntrySchema = z.strictObject(statusFields(AUTHORED));

export const frontMatterSchema = z.strictObject({
  ...storyFields(AUTHORED),
  places: z.record(placeIdSchema, placeEntrySchema),
  passages: z.record(passageIdSchema, passageEntrySchema).optional(),
  view: viewSchema.optional(),
  /** Every status the story's places carry, in legend order. */
  statuses: z.record(placeStatusSchema, statusEntrySchema).optional(),
});

// ---- Passage text: typed inline nodes, rendered as plain text (never as HTML) ----

export const textInlineSchema = z.strictObject({ type: z.literal('text'), text: z.string() });
export const mentionInlineSchema = z.strictObject({
  type: z.literal('mention'),
  placeIds: z.array(placeIdSchema).min(1),
  text: z.string().min(1),
});
export const safeHrefSchema = z
  .string()
  .refine((href) => /^(?:https?:\/\/|mailto:)/i.test(href), { error: 'unsafe link' });
export const linkInlineSchema = z.strictObject({
  type: z.literal('link'),
  href: safeHrefSchema,
  text: z.string().min(1),
});

export const emphasisInlineSchema = z.strictObject({
  type: z.literal('emphasis'),
  get children(): z.ZodArray<typeof inlineSchema> {
    return z.array(inlineSchema);
  },
});
export const strongInlineSchema = z.strictObject({
  type: z.literal('strong'),
  get children(): z.ZodArray<typeof inlineSchema> {
    return z.array(inlineSchema);
  },
});
export const inlineSchema = z.discriminatedUnion('type', [
  textInlineSchema,
  mentionInlineSchema,
  linkInlineSchema,
  emphasisInlineSchema,
  strongInlineSchema,
]);

export type Inline = z.infer<typeof inlineSchema>;

// ---- Resolved story: what the app receives (JSON-serialisable) ----

export const resolvedViewSchema = z.strictObject({
  ...viewFields,
  /** Mentioned places not on the main map, shown in an inset or as a card. */
  insets: z.array(placeIdSchema),
  cards: z.array(placeIdSchema),
});

export const resolvedPassageSchema = z.strictObject({
  id: passageIdSchema,
  inlines: z.array(inlineSchema),
  /** Places mentioned, in order of first mention. */
  placeIds: z.array(placeIdSchema),
  view: resolvedViewSchema,
});

export const resolvedPlaceSchema = z.strictObject({
  id: placeIdSchema,
  label: z.string(),
  name: z.string(),
  kind: placeKindSchema,
  status: placeStatusSchema.optional(),
  dates: z.record(z.string(), z.string()).optional(),
  source: resolvedSourceSchema,
  confidence: confidenceSchema,
  uncertainty_m: z.number().optional(),
  area_km2: z.number().optional(),
  /** Lines: the length along the line (Turf), in km. */
  length_km: z.number().optional(),
  label_point: lonLatSchema.optional(),
  display: displaySchema,
  /** The box to frame this place: the author's camera bounds, else the geometry's bbox widened by
   * uncertainty_m. Degenerate (a point) for an exact point. */
  bounds: boundsSchema,
  /** The author's camera hint; else a centre and zoom for points, the bounds for areas. */
  camera: cameraSchema,
  passages: z.array(passageIdSchema),
  note: z.string().optional(),
});

export const layerPropertiesSchema = resolvedPlaceSchema.pick({
  id: true,
  label: true,
  kind: true,
  status: true,
  display: true,
  confidence: true,
  uncertainty_m: true,
});
export const layerFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  id: placeIdSchema,
  geometry: layerGeometrySchema,
  properties: layerPropertiesSchema,
});

export const resolvedStatusSchema = z.strictObject({
  id: placeStatusSchema,
  ...statusFields(CARRIED),
});

export const resolvedStorySchema = z.strictObject({
  slug: slugSchema,
  ...storyFields(CARRIED),
  passages: z.array(resolvedPassageSchema),
  places: z.record(placeIdSchema, resolvedPlaceSchema),
  statuses: z.array(resolvedStatusSchema),
  layers: z.strictObject({
    type: z.literal('FeatureCollection'),
    features: z.array(layerFeatureSchema),
  }),
  initialView: resolvedViewSchema,
});

export type Camera = z.infer<typeof cameraSchema>;
export type Bounds = z.infer<typeof boundsSchema>;
export type Display = z.infer<typeof displaySchema>;
export type Projection = z.infer<typeof projectionSchema>;
export type PlaceFeature = z.infer<typeof placeFeatureSchema>;
export type View = z.infer<typeof viewSchema>;
export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type ResolvedView = z.infer<typeof resolvedViewSchema>;
export type ResolvedPassage = z.infer<typeof resolvedPassageSchema>;
export type ResolvedPlace = z.infer<typeof resolvedPlaceSchema>;
export type LayerFeature = z.infer<typeof layerFeatureSchema>;
export type ResolvedStory = z.infer<typeof resolvedStorySchema>;
/** What a page receives: the resolved story without its geometry (the map fetches that). */
export type StoryData = Omit<ResolvedStory, 'layers'>;
