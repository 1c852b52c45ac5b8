import { expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../../src/catalogue/palette.ts';
import { KINDS, STATES } from '../../../src/catalogue/kinds.ts';
import { BASEMAP_LAYERS } from '../../../src/catalogue/basemap.ts';
import { buildStyle, INTERACTIVE_LAYERS, ORDER, SOURCE } from '../../../src/catalogue/style.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const input = {
  basemap: 'pmtiles://http://x/tiles/world.pmtiles',
  hide: ['crimea'],
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
    const layer = style.layers.find((l) => l.id === 'place-area-fill');
    if (layer?.type !== 'fill') throw new Error('place-area-fill missing');
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

  it('stacks its layers in the declared z-order, whatever order they are made in', () => {
    const ids = buildStyle({ ...input, palette: LIGHT }).layers.map((l) => l.id);
    const rank = ids.map((id) => (ORDER as readonly string[]).indexOf(id));
    expect(rank.every((r) => r >= 0)).toBe(true);
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
    // Areas under the basemap's lines, lines over areas, points over lines, labels on top.
    const at = (id: string) => ids.indexOf(id);
    expect(at('basemap-land')).toBeLessThan(at('place-area-fill'));
    expect(at('place-area-fill')).toBeLessThan(at('basemap-country-border'));
    expect(at('basemap-country-names')).toBeLessThan(at('place-labels'));
    expect(at('place-area-outline')).toBeLessThan(at('place-line-casing'));
    expect(at('place-line-hit')).toBeLessThan(at('place-point'));
    expect(at('place-point')).toBeLessThan(at('place-labels'));
  });

  it('draws the basemap from the world tiles, one layer per entry of its definition', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    expect(style.sources[SOURCE.basemap]).toEqual({
      type: 'vector',
      url: 'pmtiles://http://x/tiles/world.pmtiles',
    });
    const basemap = style.layers.filter((l) => 'source' in l && l.source === SOURCE.basemap);
    expect(basemap.map((l) => l.id)).toEqual(BASEMAP_LAYERS.map((b) => b.id));
    for (const b of BASEMAP_LAYERS) {
      const layer = basemap.find((l) => l.id === b.id)!;
      expect((layer as { 'source-layer': string })['source-layer']).toBe(b.layer);
    }
  });

  it('leaves the story’s own places out of the basemap’s names', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    const labels = style.layers.filter(
      (l) => l.type === 'symbol' && 'source' in l && l.source === SOURCE.basemap,
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      expect(JSON.stringify('filter' in l ? l.filter : null), l.id).toContain('"crimea"');
    }
    const none = buildStyle({ ...input, hide: [], palette: LIGHT });
    const towns = none.layers.find((l) => l.id === 'basemap-town-names')!;
    expect(JSON.stringify('filter' in towns ? towns.filter : null)).not.toContain('literal');
  });

  it('draws every line kind in exactly one dashed or solid line layer', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    const dashLayers = style.layers.filter((l) => l.id.startsWith('place-line-dash-'));
    const json = dashLayers.map((l) => JSON.stringify('filter' in l ? l.filter : null));
    for (const [kind, spec] of Object.entries(KINDS)) {
      if (spec.geometry !== 'line') continue;
      const holding = json.filter((f) => f.includes(`"${kind}"`));
      expect(holding, kind).toHaveLength(1);
    }
  });

  it('gives lines a click target of at least 24 px', () => {
    const style = buildStyle({ ...input, palette: LIGHT });
    const hit = style.layers.find((l) => l.id === 'place-line-hit');
    expect(hit?.type === 'line' ? hit.paint?.['line-width'] : 0).toBeGreaterThanOrEqual(24);
  });
});

describe('the states drawn over a place', () => {
  const style = buildStyle({ ...input, palette: LIGHT });
  /** A paint property of a layer, evaluated by MapLibre's own expression engine for a feature of
   * the given geometry (1 point, 2 line, 3 polygon) and kind, in the given feature state. */
  const paint = (layer: string, property: string, type: 1 | 2 | 3, kind: string, state = {}) => {
    const spec = style.layers.find((l) => l.id === layer);
    const value = (spec && 'paint' in spec ? spec.paint : undefined)?.[property as never];
    const parsed = expression.createExpression(value, property);
    if (parsed.result !== 'success') throw new Error(`${layer} ${property} does not parse`);
    const feature = { type, properties: { kind, role: 'place', statusStyle: 'none', tint: 0 } };
    return parsed.value.evaluate({ zoom: 5 }, feature as never, state);
  };

  it('draws the keyboard focus on an area, a line and a point, from the catalogue', () => {
    const focus = { focus: true };
    expect(paint('place-area-outline', 'line-width', 3, 'region', focus)).toBe(
      STATES.focus.areaWidth,
    );
    expect(paint('place-area-outline', 'line-width', 3, 'region')).toBeLessThan(
      STATES.focus.areaWidth,
    );
    expect(paint('place-area-outline', 'line-color', 3, 'region', focus).toString()).toBe(
      paint('place-area-outline', 'line-color', 3, 'region', { selected: true }).toString(),
    );
    const river = KINDS.river.geometry === 'line' ? KINDS.river.paint.width.active : NaN;
    expect(paint('place-line-casing', 'line-width', 2, 'river', focus)).toBe(
      river + 2 * STATES.focus.lineExtra,
    );
    expect(paint('place-point-ring', 'circle-stroke-width', 1, 'city', focus)).toBe(
      STATES.focus.ring,
    );
    expect(paint('place-point-ring', 'circle-stroke-width', 1, 'city')).toBe(0);
  });

  it('shows the focus over the hover it is stronger than', () => {
    const both = { focus: true, hover: true };
    expect(paint('place-area-outline', 'line-width', 3, 'region', both)).toBe(
      STATES.focus.areaWidth,
    );
    expect(paint('place-point-ring', 'circle-stroke-width', 1, 'city', both)).toBe(
      STATES.focus.ring,
    );
  });
});
