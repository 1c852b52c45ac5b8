import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../../src/map/palette.ts';
import { buildStyle, INTERACTIVE_LAYERS } from '../../../src/map/style.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const input = {
  basemap: { world: 'http://x/world.geojson', region: 'http://x/region.geojson' },
  glyphs: 'http://x/fonts/{fontstack}/{range}.pbf',
  places: empty,
  labels: empty,
};

describe('map style', () => {
  for (const [name, palette] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`validates against the MapLibre style spec (${name})`, () => {
      expect(validateStyleMin(buildStyle({ ...input, palette }))).toEqual([]);
    });
  }

  it('is caught by the validator when an expression is wrong', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    const layer = style.layers.find((l) => l.id === 'place-fill');
    if (layer?.type !== 'fill') throw new Error('place-fill missing');
    (layer.paint as Record<string, unknown>)['fill-color'] = ['get'];
    expect(validateStyleMin(style).length).toBeGreaterThan(0);
  });

  it('has every interactive layer, drawn from the places source', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    for (const id of INTERACTIVE_LAYERS) {
      const layer = style.layers.find((l) => l.id === id);
      expect(layer, id).toBeDefined();
      expect(layer && 'source' in layer ? layer.source : undefined).toBe('places');
    }
  });

  it('has one hatch layer per hatched status style, whatever the story calls its statuses', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    const hatches = style.layers
      .filter((l) => l.type === 'fill' && l.paint?.['fill-pattern'])
      .map((l) => [l.id, l.type === 'fill' ? l.paint?.['fill-pattern'] : undefined]);
    expect(hatches).toEqual([
      ['place-hatch', 'hatch'],
      ['place-hatch-wide', 'hatch-wide'],
    ]);
    // Status ids are data: the style reads only how a status is drawn.
    expect(JSON.stringify(style.layers)).not.toMatch(/annexed|claimed|recognised/);
  });

  it('keeps the glyph URL placeholders unencoded', () => {
    expect(buildStyle({ ...input, palette: LIGHT }).glyphs).toContain('{fontstack}/{range}');
  });
});
