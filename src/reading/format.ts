// Figures and dates as a reader reads them.
import turfDistance from '@turf/distance';
import type { Bounds, LonLat, ResolvedPlace, ResolvedStory } from '../story/schema.ts';
import { statusOf } from '../map/categories.ts';

const number = new Intl.NumberFormat('en-GB');

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatArea(km2: number): string {
  return `${number.format(Math.round(km2 / 100) * 100)} km²`;
}

export function formatMetres(m: number): string {
  return m >= 1000 ? `${number.format(Math.round(m / 1000))} km` : `${number.format(m)} m`;
}

export function centreOf([[w, s], [e, n]]: Bounds): LonLat {
  return [(w + e) / 2, (s + n) / 2];
}

export function distanceKm(a: LonLat, b: LonLat): number {
  return turfDistance(a, b, { units: 'kilometers' });
}

/** "Region. Annexed by Russia in 2014; ...": the kind, then the story's sentence for the status. */
export function kindText(place: ResolvedPlace, story: Pick<ResolvedStory, 'statuses'>): string {
  const kind = {
    country: 'Country',
    region: 'Region',
    sea: 'Sea',
    city: 'City',
    site: 'Site',
    incident: 'Incident',
  }[place.kind];
  const status = statusOf(story, place);
  return status ? `${kind}. ${status.description.replace(/\.$/, '')}.` : `${kind}.`;
}

export interface Fact {
  term: string;
  detail: string;
}

/** The figures that help: dates, area or distance, confidence, source. */
export function facts(place: ResolvedPlace, mainView: Bounds): Fact[] {
  const list: Fact[] = [];
  // Dates are named by the data ("annexed", "claimed", "incident"): the name is the term.
  for (const [name, iso] of Object.entries(place.dates ?? {})) {
    const term = name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');
    list.push({ term, detail: formatDate(iso) });
  }
  if (place.area_km2) list.push({ term: 'Area', detail: formatArea(place.area_km2) });
  if (place.display !== 'map') {
    const km = distanceKm(centreOf(place.bounds), centreOf(mainView));
    list.push({
      term: 'Distance',
      detail: `About ${number.format(Math.round(km / 100) * 100)} km from the centre of the main map`,
    });
  }
  list.push({
    term: 'Position',
    detail:
      place.confidence === 'approximate'
        ? `Approximate${place.uncertainty_m ? `, within about ${formatMetres(place.uncertainty_m)}` : ''}`
        : 'Exact to the scale of the map',
  });
  list.push({
    term: 'Source',
    detail: `${place.source.dataset} ${place.source.version} (${place.source.licence})`,
  });
  return list;
}
