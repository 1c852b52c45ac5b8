// Turns the story's layers into what both maps draw: a category per feature (status or kind), how
// its status is drawn, uncertainty (a ring around an approximate point, a corridor along an
// approximate line) as a role of the feature, one label point per area, and a tint that tells
// neighbouring areas of one status style apart.
import turfBuffer from '@turf/buffer';
import turfCircle from '@turf/circle';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { categoryOf, statusOf } from '../../catalogue/categories.ts';
import { geometryOf, tintsOf } from '../../catalogue/kinds.ts';
import { boundsOverlap, type Bounds } from '../../lib/geometry.ts';
import type { ResolvedStory } from '../../story/schema.ts';

export interface MapData {
  places: FeatureCollection;
  labels: FeatureCollection<Point>;
}

export function mapData(story: Pick<ResolvedStory, 'layers' | 'places' | 'statuses'>): MapData {
  const places: Feature[] = [];
  const labels: Feature<Point>[] = [];
  const tinted: { style: string; bounds: Bounds; tint: number }[] = [];
  for (const feature of story.layers.features) {
    const p = feature.properties;
    // The style draws a status by how the story says to draw it (none: as its kind).
    const statusStyle = statusOf(story, p)?.style ?? 'none';
    const bounds = story.places[p.id]?.bounds;
    const tint = bounds ? tintFor(statusStyle, bounds, tinted) : 0;
    const properties = { ...p, category: categoryOf(p), statusStyle, tint, role: 'place' };
    places.push({ ...feature, properties });
    const place = story.places[p.id];
    const uncertainty = uncertaintyOf(feature.geometry, p.uncertainty_m);
    if (uncertainty) {
      // Drawn under the place so the reader sees the position is approximate, and how much.
      places.unshift({
        type: 'Feature',
        id: p.id,
        geometry: uncertainty,
        properties: { ...properties, role: 'uncertainty' },
      });
    }
    if (place?.label_point && geometryOf(p.kind) === 'area' && p.display === 'map') {
      labels.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: place.label_point },
        properties: { id: p.id, label: p.label, kind: p.kind, category: properties.category },
      });
    }
  }
  return {
    places: { type: 'FeatureCollection', features: places },
    labels: { type: 'FeatureCollection', features: labels },
  };
}

/** The first of its style's fills that no area of that style it may touch (their boxes overlap)
 * has taken yet, in the story's order: Russia and Ukraine never share one. */
function tintFor(
  style: string,
  bounds: Bounds,
  taken: { style: string; bounds: Bounds; tint: number }[],
): number {
  const count = tintsOf(style).length;
  if (count < 2) return 0;
  const near = new Set(
    taken.filter((t) => t.style === style && boundsOverlap(t.bounds, bounds)).map((t) => t.tint),
  );
  const tint = [...Array(count).keys()].find((i) => !near.has(i)) ?? near.size % count;
  taken.push({ style, bounds, tint });
  return tint;
}

function uncertaintyOf(geometry: Feature['geometry'], metres: number | undefined) {
  if (!metres) return undefined;
  if (geometry.type === 'Point') {
    return turfCircle(geometry.coordinates as [number, number], metres, {
      units: 'meters',
      steps: 64,
    }).geometry;
  }
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    return turfBuffer({ type: 'Feature', geometry, properties: {} }, metres, {
      units: 'meters',
      steps: 8,
    })?.geometry;
  }
  return undefined;
}
