import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { staticPlaces } from '../../../../src/map/draw/staticMap.ts';

const square = (id: string, [x, y]: [number, number]): Feature<Polygon> => ({
  type: 'Feature',
  properties: { id, kind: 'country', label: id },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 8, y],
        [x + 8, y + 8],
        [x, y + 8],
        [x, y],
      ],
    ],
  },
});

const places: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square('far-west', [-110, 50]), square('europe', [10, 45])],
};
const drawn = (bounds: [[number, number], [number, number]]) =>
  staticPlaces(places, bounds)
    .features.filter((f) => f.d)
    .map((f) => f.id);

describe('staticPlaces', () => {
  it('draws a place far from the view no longer, and one in it still', () => {
    expect(
      drawn([
        [0, 40],
        [30, 60],
      ]),
    ).toEqual(['europe']);
  });

  it('draws every place of a view wider than the world (its box must not fold)', () => {
    expect(
      drawn([
        [-168, -33],
        [134, 71],
      ]),
    ).toEqual(['far-west', 'europe']);
  });
});
