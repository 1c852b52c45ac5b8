// The locator map of `display: inset` places: a small world map, drawn at build time with d3-geo,
// that shows where the far places lie against the story's main view (Washington against the
// Black Sea). One per story: the passages show the dots of their own inset places on it.
import { geoNaturalEarth1 } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { centreOf } from '../../lib/geometry.ts';
import type { Bounds, ResolvedStory } from '../../story/schema.ts';
import type { LocatorData } from '../../state/page.ts';
import { forD3, round, thinPath } from '../draw/staticMap.ts';

export const LOCATOR_SIZE = { width: 128, height: 72 };
const PAD = 10;

/** The locator for a story's inset places, framing them and the main view; none without any. */
export function locatorMap(
  world: FeatureCollection,
  story: Pick<ResolvedStory, 'places'>,
  main: Bounds,
): LocatorData | undefined {
  const insets = Object.values(story.places).filter((p) => p.display === 'inset');
  if (insets.length === 0) return undefined;
  const { width, height } = LOCATOR_SIZE;
  const corners = [main, ...insets.map((p) => p.bounds)].flatMap(([sw, ne]) => [sw, ne]);
  const projection = geoNaturalEarth1()
    .fitExtent(
      [
        [PAD, PAD],
        [width - PAD, height - PAD],
      ],
      { type: 'MultiPoint', coordinates: corners },
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  // At 128 px wide, detail under two pixels and a half only adds bytes: a few KB of land.
  const path = thinPath(projection, 2.5);
  const land = world.features
    .filter((f) => f.properties?.layer === 'land')
    .map((f) => path(forD3(f)) ?? '')
    .join('')
    // Islands thinned to a point or two draw nothing.
    .replace(/M-?\d+,-?\d+(?:L-?\d+,-?\d+){0,2}Z/g, '');
  const at = (lonLat: [number, number]) => {
    const [x, y] = projection(lonLat) ?? [NaN, NaN];
    return { x: round(x), y: round(y) };
  };
  const sw = at(main[0]);
  const ne = at(main[1]);
  return {
    width,
    height,
    land,
    view: {
      x: Math.min(sw.x, ne.x),
      y: Math.min(sw.y, ne.y),
      width: round(Math.abs(ne.x - sw.x)),
      height: round(Math.abs(ne.y - sw.y)),
    },
    places: Object.fromEntries(insets.map((p) => [p.id, at(centreOf(p.bounds))])),
  };
}
