// Every check of a story against its front matter and places. Never throws on bad input: all
// problems come back as diagnostics, and a story is resolved only when there are none.
import { statusStyleChoices } from '../catalogue/kinds.ts';
import { slugify } from '../lib/ids.ts';
import { closest, distance } from 'fastest-levenshtein';
import { sortDiagnostics, Reporter, type Diagnostic } from './diagnostics.ts';
import { decodeText, MAX_STORY_BYTES } from './decode.ts';
import { placeNames, type PlaceTable } from './gazetteer.ts';
import { checkFrontMatter, frontMatterOffset, type CheckedFrontMatter } from './frontMatter.ts';
import { parseStory, type ParsedStory } from './parse.ts';
import { greatCircleLine, resolveStory, waypointOf } from './resolve.ts';
import { placeKindSchema, slugSchema, type PlaceFeature, type ResolvedStory } from './schema.ts';

export interface StoryCheckInput {
  /** Path of story.md as it should appear in diagnostics. */
  file: string;
  source: Uint8Array | string;
  /** The story folder's name. */
  slug: string;
  gazetteer: PlaceTable;
  /** The story folder's own places.geojson, if it has one. */
  local?: PlaceTable;
}

export interface CheckResult {
  story?: ResolvedStory;
  diagnostics: Diagnostic[];
  /** Counts for the summary line. */
  stats?: { passages: number; places: number; mentions: number };
}

export function checkStory(input: StoryCheckInput): CheckResult {
  const placeDiagnostics = [...input.gazetteer.diagnostics, ...(input.local?.diagnostics ?? [])];
  const decoded = decodeText(input.source, input.file, MAX_STORY_BYTES);
  if (decoded.text === undefined) return done([...placeDiagnostics, ...decoded.diagnostics]);

  const parsed = parseStory(decoded.text, input.file);
  const report = new Reporter(input.file, decoded.text);
  if (!slugSchema.safeParse(input.slug).success) {
    report.at(
      0,
      `story folder "${input.slug}" must be kebab-case (lowercase letters, digits, hyphens), e.g. "${slugify(input.slug) || 'my-story'}"`,
    );
  }

  const merged = mergePlaces(input.gazetteer, input.local, report);
  const fm = parsed.frontMatter ? checkFrontMatter(parsed.frontMatter, report) : {};
  const places = addRoutes(fm, merged, report, input);
  checkPassages(parsed, fm, report);
  checkPlaces(parsed, fm, places, report);
  checkStatuses(fm, places, report);

  const diagnostics = [...placeDiagnostics, ...parsed.diagnostics, ...report.diagnostics];
  const mentions = parsed.passages.reduce((n, p) => n + p.mentions.length, 0);
  if (diagnostics.length > 0 || !fm.full) return done(diagnostics);
  const story = resolveStory({
    slug: input.slug,
    frontMatter: fm.full,
    passages: parsed.passages.map((p) => ({
      id: p.id!,
      inlines: p.inlines,
      placeIds: [...new Set(p.mentions.flatMap((m) => m.placeIds))],
    })),
    places: places.all,
  });
  return {
    story,
    diagnostics: [],
    stats: {
      passages: story.passages.length,
      places: Object.keys(story.places).length,
      mentions,
    },
  };
}

function done(diagnostics: Diagnostic[]): CheckResult {
  return { diagnostics: sortDiagnostics(diagnostics) };
}

interface Places {
  all: Map<string, PlaceFeature>;
  fileOf: Map<string, string>;
  /** Whether an id missing from `all` is worth reporting (not already reported elsewhere). */
  reportUnknown: (id: string) => boolean;
}

function mergePlaces(
  gazetteer: PlaceTable,
  local: PlaceTable | undefined,
  report: Reporter,
): Places {
  const all = new Map(gazetteer.places);
  const fileOf = new Map([...gazetteer.places.keys()].map((id) => [id, gazetteer.file]));
  const invalid = new Set([...gazetteer.invalid, ...(local?.invalid ?? [])]);
  for (const [id, feature] of local?.places ?? []) {
    if (all.has(id)) {
      const { line, column } = local!.positions.get(id)!;
      report.diagnostics.push({
        file: local!.file,
        line,
        column,
        message: `place "${id}" is already in the gazetteer (${gazetteer.file}): give the story's place another id`,
      });
      continue;
    }
    all.set(id, feature);
    fileOf.set(id, local!.file);
  }
  // With no usable gazetteer every id would be "unknown": its own error says enough.
  const unusable = gazetteer.places.size === 0 && gazetteer.diagnostics.length > 0;
  return { all, fileOf, reportUnknown: (id) => !unusable && !invalid.has(id) };
}

/** Keys of a place entry that only a route (a line drawn through waypoints) may set. */
const ROUTE_ONLY_KEYS = ['kind', 'confidence', 'uncertainty_m'] as const;

/** Checks the routes under `places:` and adds each one that can be drawn to the places, as a
 * line from story.md: from then on a route is checked and resolved like any other place. */
function addRoutes(
  fm: CheckedFrontMatter,
  places: Places,
  report: Reporter,
  input: StoryCheckInput,
): Places {
  if (!fm.fm) return places;
  const at = (id: string, path: PropertyKey[], want: 'key' | 'value' = 'value') =>
    frontMatterOffset(fm.fm!, ['places', id, ...path], want);
  // Every entry with a route, valid or not: a route with a problem is reported once, below or by
  // the schema, not again as an unknown place wherever it is linked.
  const raw = (fm.fm.value as { places?: unknown } | null)?.places;
  const rawRoutes = new Set(
    typeof raw === 'object' && raw !== null
      ? Object.entries(raw)
          .filter(([, e]) => typeof e === 'object' && e !== null && 'route' in e)
          .map(([id]) => id)
      : [],
  );
  const routes = new Map<string, PlaceFeature>();
  for (const [id, entry] of Object.entries(fm.places ?? {})) {
    if (!entry) continue;
    const { route } = entry;
    if (route === undefined) {
      for (const key of ROUTE_ONLY_KEYS) {
        if (entry[key] === undefined) continue;
        report.at(
          at(id, [key], 'key'),
          `front matter: "places.${id}.${key}" is only for a route: ${id}'s ${key === 'uncertainty_m' ? 'uncertainty' : key} comes from ${places.fileOf.get(id) ?? 'its places file'}; remove it, or add route: [...] to draw a line through waypoints`,
        );
      }
      continue;
    }
    let drawable = true;
    const fail = (offset: number, message: string) => {
      report.at(offset, `front matter: route "${id}": ${message}`);
      drawable = false;
    };
    if (places.all.has(id)) {
      fail(
        at(id, [], 'key'),
        `a place with this id is already in ${places.fileOf.get(id)}: give the route another id`,
      );
    }
    if (entry.label === undefined) {
      fail(
        at(id, ['route'], 'key'),
        'a route needs a label, the name readers see (it has no name in the gazetteer): add label: under it',
      );
    }
    const points: [number, number][] = [];
    route.forEach((waypoint, i) => {
      const offset = at(id, ['route', i]);
      let point: [number, number] | undefined;
      if (typeof waypoint !== 'string') {
        point = waypoint;
      } else {
        const feature = places.all.get(waypoint);
        if (!feature && rawRoutes.has(waypoint)) {
          fail(
            offset,
            `waypoint ${i + 1}: "${waypoint}" is another route of this story: use its waypoints, a place id or a [longitude, latitude] pair`,
          );
        } else if (!feature) {
          if (places.reportUnknown(waypoint))
            fail(offset, `waypoint ${i + 1}: ${unknownPlace(waypoint, places.all, true)}`);
          else drawable = false;
        } else if (!feature.geometry) {
          fail(
            offset,
            `waypoint ${i + 1}: place "${waypoint}" has no geometry in ${places.fileOf.get(waypoint)}: use another place or a [longitude, latitude] pair`,
          );
        } else {
          point = waypointOf(feature);
        }
      }
      const previous = points.at(-1);
      if (point && previous && point[0] === previous[0] && point[1] === previous[1]) {
        fail(offset, `waypoint ${i + 1} is at the same point as waypoint ${i}: remove one of them`);
      }
      if (point) points.push(point);
    });
    if (!drawable) continue;
    routes.set(id, {
      type: 'Feature',
      id,
      geometry: { type: 'LineString', coordinates: greatCircleLine(points) },
      properties: {
        name: entry.label!,
        name_uk: undefined,
        name_ru: undefined,
        kind: entry.kind ?? 'route',
        status: undefined,
        dates: undefined,
        label_point: undefined,
        area_km2: undefined,
        source: {
          dataset: 'Drawn by the story through its waypoints',
          version: fm.full?.published.slice(0, 10) ?? input.slug,
          licence: 'The story’s own',
        },
        aliases: [],
        confidence: entry.confidence ?? 'approximate',
        uncertainty_m: entry.uncertainty_m,
      },
    });
  }
  if (routes.size === 0 && rawRoutes.size === 0) return places;
  const all = new Map(places.all);
  const fileOf = new Map(places.fileOf);
  for (const [id, feature] of routes) {
    all.set(id, feature);
    fileOf.set(id, input.file);
  }
  return { all, fileOf, reportUnknown: (id) => !rawRoutes.has(id) && places.reportUnknown(id) };
}

/** Each status a listed place carries is defined by the story (its legend line, its panel
 * sentence, its drawing), and each defined status is used: the vocabulary is the story's. */
function checkStatuses(fm: CheckedFrontMatter, places: Places, report: Reporter): void {
  if (!fm.places || fm.statuses === null) return;
  const defined = fm.statuses ?? {};
  const used = new Set<string>();
  const styles = `style: ${statusStyleChoices()}`;
  for (const id of Object.keys(fm.places)) {
    const status = places.all.get(id)?.properties.status;
    if (!status) continue;
    used.add(status);
    if (status in defined) continue;
    report.at(
      frontMatterOffset(fm.fm!, ['places', id], 'key'),
      `front matter: place "${id}" has status "${status}" (${places.fileOf.get(id)}), which the story does not define: add "${status}:" under statuses with legend, description and ${styles}`,
    );
  }
  for (const id of Object.keys(defined)) {
    const offset = frontMatterOffset(fm.fm!, ['statuses', id], 'key');
    if ((placeKindSchema.options as readonly string[]).includes(id)) {
      report.at(
        offset,
        `front matter: status "${id}" has the name of a place kind: give it another id (and the places that carry it)`,
      );
    } else if (!used.has(id)) {
      report.at(
        offset,
        `front matter: status "${id}" is defined but no listed place has it: remove it from statuses`,
      );
    }
  }
}

function checkPassages(parsed: ParsedStory, fm: CheckedFrontMatter, report: Reporter): void {
  if (parsed.passages.length === 0 && parsed.bodyRead) {
    report.at(
      parsed.text.length,
      'story has no passages: write paragraphs, each ending with {#id}',
    );
  }
  const seen = new Map<string, number>();
  for (const passage of parsed.passages) {
    if (passage.id === undefined) continue;
    const first = seen.get(passage.id);
    if (first !== undefined) {
      report.at(
        passage.idOffset,
        `duplicate passage id "${passage.id}" (also on line ${report.position(first).line}): give each paragraph its own id`,
      );
    } else {
      seen.set(passage.id, passage.idOffset);
    }
    if (passage.plainText.trim() === '') {
      report.at(
        passage.idOffset,
        `passage "${passage.id}" is empty: write its text before {#${passage.id}} or delete it`,
      );
    }
  }
  for (const id of Object.keys(fm.passages ?? {})) {
    if (!seen.has(id)) {
      report.at(
        frontMatterOffset(fm.fm!, ['passages', id], 'key'),
        `front matter: passage "${id}" matches no paragraph: end a paragraph with {#${id}} or remove this entry`,
      );
    }
  }
}

function checkPlaces(
  parsed: ParsedStory,
  fm: CheckedFrontMatter,
  places: Places,
  report: Reporter,
): void {
  const listed = fm.places;
  const used = new Set<string>();
  const noGeometry = (id: string) =>
    `place "${id}" has no geometry in ${places.fileOf.get(id)}: add one there or link a place that has one`;

  for (const mention of parsed.passages.flatMap((p) => p.mentions)) {
    mention.placeIds.forEach((id, i) => {
      const offset = mention.idOffsets[i]!;
      used.add(id);
      const feature = places.all.get(id);
      if (!feature) {
        if (places.reportUnknown(id)) report.at(offset, unknownPlace(id, places.all));
      } else if (listed && !(id in listed)) {
        report.at(
          offset,
          `place "${id}" is not in the front matter's places: add "${id}:" under places`,
        );
      } else if (!feature.geometry) {
        report.at(offset, noGeometry(id));
      }
    });
  }

  for (const view of fm.views ?? []) {
    view.layers.forEach((id, i) => {
      used.add(id);
      const offset = frontMatterOffset(fm.fm!, [...view.path, i]);
      if (listed && !(id in listed)) {
        report.at(offset, `front matter: layer "${id}" is not in places: list it under places`);
      } else if (places.all.get(id) && !places.all.get(id)!.geometry) {
        report.at(offset, `front matter: ${noGeometry(id)}`);
      }
    });
  }

  for (const id of Object.keys(listed ?? {})) {
    const offset = frontMatterOffset(fm.fm!, ['places', id], 'key');
    if (!places.all.has(id)) {
      if (places.reportUnknown(id))
        report.at(offset, `front matter: ${unknownPlace(id, places.all)}`);
    } else if (!used.has(id)) {
      report.at(
        offset,
        `front matter: place "${id}" is listed but never mentioned: link it in the text or remove it from places`,
      );
    }
  }
}

function unknownPlace(id: string, known: Map<string, PlaceFeature>, waypoint = false): string {
  const guess = suggestPlaceId(id, known);
  if (guess) return `unknown place "${id}" — did you mean "${guess}"?`;
  return waypoint
    ? `unknown place "${id}": use an id from the gazetteer or the story's places.geojson, or write the waypoint as [longitude, latitude]`
    : `unknown place "${id}": use an id from the gazetteer or add the place to the story's places.geojson`;
}

/** The known id closest to a mistyped one: same letters, a name or alias, or a small edit away. */
export function suggestPlaceId(id: string, known: Map<string, PlaceFeature>): string | undefined {
  if (known.size === 0) return undefined;
  const wanted = slugify(id).replace(/^the-/, '');
  if (known.has(wanted)) return wanted;
  for (const [candidate, feature] of known) {
    if (placeNames(feature).some((n) => slugify(n).replace(/^the-/, '') === wanted))
      return candidate;
  }
  const best = closest(wanted, [...known.keys()]);
  return distance(wanted, best) <= Math.max(2, Math.floor(wanted.length / 3)) ? best : undefined;
}
