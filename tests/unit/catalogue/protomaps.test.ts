// The live map's style with a newsroom's Protomaps OSM archive as its basemap (BASEMAP_URL): the
// package's layers, made to need nothing but our own files.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { layers as packageLayers, namedFlavor } from '@protomaps/basemaps';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../../src/catalogue/palette.ts';
import { PROTOMAPS_PREFIX } from '../../../src/catalogue/basemap.ts';
import { protomapsLayers } from '../../../src/catalogue/protomaps.ts';
import { buildStyle, FONT, ORDER, SOURCE } from '../../../src/catalogue/style.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const URL_ = 'pmtiles://https://tiles.example.org/planet.pmtiles';
const input = {
  basemap: URL_,
  protomaps: protomapsLayers,
  hide: ['crimea'],
  glyphs: 'http://x/fonts/{fontstack}/{range}.pbf',
  places: empty,
  labels: empty,
};
const style = buildStyle({ ...input, palette: LIGHT });
const isProtomaps = (l: LayerSpecification) => l.id.startsWith(PROTOMAPS_PREFIX);
const protomaps = style.layers.filter(isProtomaps);
const story = style.layers.filter(
  (l) => 'source' in l && (l.source === SOURCE.places || l.source === SOURCE.labels),
);

/** Every `text-font` anywhere in a value (layout properties, `format` options). */
function fontsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(fontsIn);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'text-font' ? [v] : fontsIn(v)));
  }
  return [];
}

describe('the live map with a Protomaps basemap', () => {
  for (const [name, palette] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`validates against the MapLibre style spec (${name})`, () => {
      expect(validateStyleMin(buildStyle({ ...input, palette }))).toEqual([]);
    });
  }

  it('reads the configured archive through the pmtiles protocol', () => {
    expect(style.sources[SOURCE.basemap]).toEqual({ type: 'vector', url: URL_ });
    expect(protomaps.length).toBeGreaterThan(40);
    for (const l of protomaps) expect('source' in l && l.source, l.id).toBe(SOURCE.basemap);
    // None of the world tiles' layers: their source layers are not in this archive.
    expect(style.layers.some((l) => l.id.startsWith('basemap-'))).toBe(false);
    const sourceLayers = new Set(
      protomaps.map((l) => (l as { 'source-layer': string })['source-layer']),
    );
    expect([...sourceLayers]).toEqual(
      expect.arrayContaining(['earth', 'water', 'roads', 'boundaries', 'places']),
    );
  });

  it('follows the theme with the package’s flavors', () => {
    const earth = (palette: typeof LIGHT) => {
      const l = buildStyle({ ...input, palette }).layers.find((x) => x.id === 'protomaps-earth');
      return l?.type === 'fill' ? l.paint?.['fill-color'] : undefined;
    };
    expect(earth(LIGHT)).toBe(namedFlavor('light').earth);
    expect(earth(DARK)).toBe(namedFlavor('dark').earth);
  });

  it('labels in our bundled font only, and needs no sprite', () => {
    expect(style.sprite).toBeUndefined();
    const symbols = protomaps.filter((l) => l.type === 'symbol');
    expect(symbols.map((l) => l.id)).toContain('protomaps-places_locality');
    // The package's own stacks (Noto Sans Medium, Italic, per script) are all replaced.
    expect(new Set(fontsIn(style.layers).map((f) => JSON.stringify(f)))).toEqual(
      new Set([JSON.stringify([FONT])]),
    );
    for (const l of symbols) {
      expect(l.layout?.['text-font'], l.id).toEqual([FONT]);
      expect(
        Object.keys({ ...l.layout, ...l.paint }).filter((k) => k.startsWith('icon-')),
        l.id,
      ).toEqual([]);
    }
    // What the package would have asked for: fonts we do not ship, and icons.
    const raw = JSON.stringify(packageLayers('x', namedFlavor('light'), { lang: 'en' }));
    expect(raw).toContain('Noto Sans Italic');
    expect(raw).toContain('icon-image');
  });

  it('draws under the story as the world tiles do: fills below its areas, labels below its labels', () => {
    const ids = style.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    const top = (keep: (l: LayerSpecification) => boolean) =>
      Math.max(...protomaps.filter(keep).map((l) => at(l.id)));
    expect(at('background')).toBe(0);
    // Every fill under every story layer.
    expect(top((l) => l.type === 'fill')).toBeLessThan(Math.min(...story.map((l) => at(l.id))));
    // Every line and label under the story's lines, points and labels.
    expect(top((l) => l.type !== 'symbol')).toBeLessThan(at('place-line-casing'));
    expect(top((l) => l.type === 'symbol')).toBeLessThan(at('place-line-labels'));
    // The story's own layers in the same order as with the world tiles.
    const world = buildStyle({ ...input, protomaps: undefined, palette: LIGHT }).layers.map(
      (l) => l.id,
    );
    expect(story.map((l) => l.id)).toEqual(world.filter((id) => id.startsWith('place-')));
    expect(ORDER).toContain('protomaps-labels');
  });

  it('reads names in the story’s language, English when Protomaps does not know it', () => {
    const field = (lang: string) => {
      const l = buildStyle({ ...input, lang, palette: LIGHT }).layers.find(
        (x) => x.id === 'protomaps-places_locality',
      );
      return JSON.stringify(l?.type === 'symbol' ? l.layout?.['text-field'] : null);
    };
    expect(field('uk')).toContain('name:uk');
    expect(field('en-GB')).toContain('name:en');
    expect(field('xx')).toContain('name:en');
    expect(field('xx')).not.toContain('name:xx');
  });
});
