// The places a story can use (the gazetteer, the story's own places.geojson, its routes) and the
// rules on them: each mention and layer is a known, listed place with a geometry, each listed
// place is used.
import type { Reporter } from '../diagnostics.ts';
import { frontMatterOffset, type CheckedFrontMatter } from '../frontMatter.ts';
import type { PlaceTable } from '../gazetteer.ts';
import type { ParsedStory } from '../parse.ts';
import type { PlaceFeature } from '../schema.ts';
import { didYouMean } from './nearest.ts';

export interface Places {
  all: Map<string, PlaceFeature>;
  fileOf: Map<string, string>;
  /** Whether an id missing from `all` is worth reporting (not already reported elsewhere). */
  reportUnknown: (id: string) => boolean;
}

export function mergePlaces(
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

export function checkPlaces(
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

export function unknownPlace(
  id: string,
  known: Map<string, PlaceFeature>,
  waypoint = false,
): string {
  const guess = didYouMean(id, known);
  if (guess) return `unknown place "${id}"${guess}`;
  return waypoint
    ? `unknown place "${id}": use an id from the gazetteer or the story's places.geojson, or write the waypoint as [longitude, latitude]`
    : `unknown place "${id}": use an id from the gazetteer or add the place to the story's places.geojson`;
}
