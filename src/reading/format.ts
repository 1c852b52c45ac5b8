// The place panel's facts, in a reader's words.
import { centreOf, distanceKm, type Bounds } from '../lib/geometry.ts';
import {
  formatArea,
  formatDate,
  formatFarKm,
  formatLengthKm,
  formatMetres,
} from '../lib/format.ts';
import { geometryOf } from '../catalogue/kinds.ts';
import { creditOf } from '../story/credit.ts';
import type { ResolvedPlace } from '../story/schema.ts';

export interface Fact {
  term: string;
  detail: string;
}

/** The figures that help: dates, area, length or distance, confidence, source. */
export function facts(place: ResolvedPlace, mainView: Bounds): Fact[] {
  const list: Fact[] = [];
  // Dates are named by the data ("annexed", "claimed", "incident"): the name is the term.
  for (const [name, iso] of Object.entries(place.dates ?? {})) {
    const term = name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
    list.push({ term, detail: formatDate(iso) });
  }
  if (place.area_km2) list.push({ term: 'Area', detail: formatArea(place.area_km2) });
  if (place.length_km) list.push({ term: 'Length', detail: formatLengthKm(place.length_km) });
  if (place.display !== 'map') {
    const km = distanceKm(centreOf(place.bounds), centreOf(mainView));
    list.push({
      term: 'Distance',
      detail: `About ${formatFarKm(km)} from the centre of the main map`,
    });
  }
  const position = positionWords(place);
  if (position) list.push({ term: 'Position', detail: position });
  list.push({
    term: 'Source',
    detail: creditOf(place.source),
  });
  return list;
}

/** How exact the position is, as a reader says it: "Exact location", "Approximate: within
 * about 25 km of the mark". Nothing for an exactly drawn area or line: its outline is the map. */
function positionWords(
  place: Pick<ResolvedPlace, 'kind' | 'confidence' | 'uncertainty_m'>,
): string | undefined {
  const geometry = geometryOf(place.kind);
  if (place.confidence !== 'approximate') {
    return geometry === 'point' ? 'Exact location' : undefined;
  }
  const what = { point: 'location', line: 'route', area: 'outline' }[geometry];
  if (!place.uncertainty_m) return `Approximate ${what}`;
  const within = formatMetres(place.uncertainty_m);
  return geometry === 'point'
    ? `Approximate: within about ${within} of the mark`
    : `Approximate ${what}, within about ${within}`;
}
