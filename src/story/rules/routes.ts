// Routes: lines a story draws through waypoints under `places:`.
import type { Reporter } from '../diagnostics.ts';
import { frontMatterOffset, type CheckedFrontMatter } from '../frontMatter.ts';
import { greatCircleLine, waypointOf } from '../resolve.ts';
import type { PlaceFeature } from '../schema.ts';
import { unknownPlace, type Places } from './places.ts';

/** Keys of a place entry that only a route (a line drawn through waypoints) may set. */
const ROUTE_ONLY_KEYS = ['kind', 'confidence', 'uncertainty_m'] as const;

/** Checks the routes under `places:` and adds each one that can be drawn to the places, as a
 * line from story.md: from then on a route is checked and resolved like any other place. */
export function addRoutes(
  fm: CheckedFrontMatter,
  places: Places,
  report: Reporter,
  story: { file: string; slug: string },
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
          version: fm.full?.published.slice(0, 10) ?? story.slug,
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
    fileOf.set(id, story.file);
  }
  return { all, fileOf, reportUnknown: (id) => !rawRoutes.has(id) && places.reportUnknown(id) };
}
