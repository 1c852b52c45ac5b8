// Turns the story's layers into what the style draws: a category per feature (status or kind) and
// how its status is drawn, uncertainty circles for approximate points, and one label point per
// area.
import turfCircle from '@turf/circle';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ResolvedStory } from '../story/schema.ts';
import { categoryOf, statusOf } from './categories.ts';

export interface MapData {
  places: FeatureCollection;
  labels: FeatureCollection<Point>;
}

export function mapData(story: Pick<ResolvedStory, 'layers' | 'places' | 'statuses'>): MapData {
  const places: Feature[] = [];
  const labels: Feature<Point>[] = [];
  for (const feature of story.layers.features) {
    const p = feature.properties;
    // The style draws a status by how the story says to draw it (none: as its kind).
    const statusStyle = statusOf(story, p)?.style ?? 'none';
    const properties = { ...p, category: categoryOf(p), statusStyle };
    places.push({ ...feature, properties });
    const place = story.places[p.id];
    if (feature.geometry.type === 'Point' && p.uncertainty_m) {
      // Drawn under the point so the reader sees the position is approximate, and how much.
      const circle = turfCircle(feature.geometry.coordinates as [number, number], p.uncertainty_m, {
        units: 'meters',
        steps: 64,
      });
      places.unshift({
        type: 'Feature',
        id: p.id,
        geometry: circle.geometry,
        properties: { ...properties, kind: 'uncertainty' },
      });
    }
    if (place?.label_point && feature.geometry.type !== 'Point' && p.display === 'map') {
      labels.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: place.label_point },
        properties: { id: p.id, label: p.label, kind: p.kind },
      });
    }
  }
  return {
    places: { type: 'FeatureCollection', features: places },
    labels: { type: 'FeatureCollection', features: labels },
  };
}
