// Checks a story: decode, parse (front matter and Markdown), check the front matter, then the
// rules (rules/) on places, routes, passages and statuses, and resolve. Never throws on bad
// input: all problems come back as diagnostics, and a story is resolved only when there are none.
import { slugify } from '../lib/ids.ts';
import { sortDiagnostics, Reporter, type Diagnostic } from './diagnostics.ts';
import { decodeText, MAX_STORY_BYTES } from './decode.ts';
import { checkFrontMatter } from './frontMatter.ts';
import type { PlaceTable } from './gazetteer.ts';
import { typeset } from './markdown.ts';
import { parseStory } from './parse.ts';
import { resolveStory } from './resolve.ts';
import { checkPassages } from './rules/passages.ts';
import { checkPlaces, mergePlaces } from './rules/places.ts';
import { addRoutes } from './rules/routes.ts';
import { checkStatuses } from './rules/statuses.ts';
import { slugSchema, type FrontMatter, type ResolvedStory } from './schema.ts';

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
    frontMatter: typesetFrontMatter(fm.full),
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

/** The front matter's words a reader sees, with curly quotes as the passages have them. */
function typesetFrontMatter(fm: FrontMatter): FrontMatter {
  const maybe = (value: string | undefined) => (value === undefined ? value : typeset(value));
  return {
    ...fm,
    title: typeset(fm.title),
    dek: maybe(fm.dek),
    byline: typeset(fm.byline),
    borders: maybe(fm.borders),
    source: { ...fm.source, outlet: typeset(fm.source.outlet) },
    ...(fm.statuses && {
      statuses: Object.fromEntries(
        Object.entries(fm.statuses).map(([id, s]) => [
          id,
          { ...s, legend: typeset(s.legend), description: typeset(s.description) },
        ]),
      ),
    }),
  };
}

function done(diagnostics: Diagnostic[]): CheckResult {
  return { diagnostics: sortDiagnostics(diagnostics) };
}
