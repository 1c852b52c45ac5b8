// The map's credit line (scripts/build.ts): the basemap's credits, then the story sources'.
import { describe, expect, it } from 'vitest';
import { attribution } from '../../../scripts/build.ts';
import { OSM_CREDIT } from '../../../src/catalogue/basemap.ts';

type Places = Parameters<typeof attribution>[0]['places'];
const place = (dataset: string, licence: string, credit?: string) =>
  ({ source: { dataset, licence, ...(credit ? { credit } : {}) } }) as Places[string];

describe('the credit line', () => {
  const world = ['Natural Earth', 'GeoNames (CC BY 4.0)'];

  it('credits OpenStreetMap when the live map draws an OSM basemap', () => {
    const story = { places: { a: place('Natural Earth', 'public domain') } };
    expect(attribution(story, world)).toBe('Natural Earth · GeoNames (CC BY 4.0)');
    expect(attribution(story, [OSM_CREDIT, ...world])).toBe(
      '© OpenStreetMap contributors · Natural Earth · GeoNames (CC BY 4.0)',
    );
  });

  it('credits it once when the story’s own places come from OSM too', () => {
    const story = {
      places: { a: place('OpenStreetMap', 'ODbL', '© OpenStreetMap contributors (ODbL)') },
    };
    expect(attribution(story, [OSM_CREDIT, ...world])).toBe(
      'Natural Earth · GeoNames (CC BY 4.0) · © OpenStreetMap contributors (ODbL)',
    );
  });
});
