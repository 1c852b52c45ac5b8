// Neighbouring countries are told apart by their fill, the same on the live map, the static map
// and in the legend: the seed story's Russia and Ukraine are both "recognised" (solid).
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticMapCss } from '../../../../src/catalogue/css.ts';
import { STATUS_STYLES } from '../../../../src/catalogue/kinds.ts';
import { DARK, LIGHT, cssVar, type Palette } from '../../../../src/catalogue/palette.ts';
import { buildStyle } from '../../../../src/catalogue/style.ts';
import { mapData, type MapData } from '../../../../src/map/draw/mapData.ts';
import { swatchSvg } from '../../../../src/catalogue/swatch.ts';
import { loadStory } from '../../../../src/story/load.ts';
import type { ResolvedStory } from '../../../../src/story/schema.ts';
import { SEED_STORY } from '../../story/support.ts';

let story: ResolvedStory;
let data: MapData;
beforeAll(() => {
  const result = loadStory(SEED_STORY);
  expect(result.diagnostics).toEqual([]);
  story = result.story!;
  data = mapData(story);
});

const props = (id: string) =>
  data.places.features.find((f) => f.properties?.id === id && f.properties.role === 'place')!
    .properties!;

/** The live map's fill for a feature, as MapLibre evaluates the layer's expression. */
function liveFill(palette: Palette, id: string): string {
  const style = buildStyle({
    basemap: 'pmtiles://http://x/tiles/world.pmtiles',
    glyphs: 'http://x/{fontstack}/{range}.pbf',
    places: data.places,
    labels: data.labels,
    palette,
  });
  const layer = style.layers.find((l) => l.id === 'place-area-fill');
  if (layer?.type !== 'fill') throw new Error('place-area-fill missing');
  const compiled = createExpression(layer.paint!['fill-color'], 'fill-color', {
    type: 'color',
  } as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  const feature = { type: 'Polygon', properties: props(id) } as never;
  return String(compiled.value.evaluate({ zoom: 5 }, feature));
}

describe('neighbouring countries', () => {
  it('take different fills on the live map, in both themes', () => {
    expect(props('russia').statusStyle).toBe('solid');
    expect(props('ukraine').statusStyle).toBe('solid');
    for (const palette of [LIGHT, DARK]) {
      expect(liveFill(palette, 'russia')).not.toBe(liveFill(palette, 'ukraine'));
    }
  });

  it('take the same fills on the static map, from the generated CSS', () => {
    const css = staticMapCss();
    const fillOf = (tint: number) =>
      tint === 0
        ? cssVar(STATUS_STYLES.solid.fill)
        : /fill: var\((--[a-z-]+)\)/.exec(
            css.slice(css.indexOf(`.static-place.s-solid.tint-${tint} .fill`)),
          )?.[1];
    const russia = fillOf(props('russia').tint);
    const ukraine = fillOf(props('ukraine').tint);
    expect(russia).toBeDefined();
    expect(ukraine).toBeDefined();
    expect(russia).not.toBe(ukraine);
    expect(STATUS_STYLES.solid.tints.map((t) => cssVar(t))).toEqual(
      expect.arrayContaining([russia, ukraine]),
    );
  });

  it('are all shown in the legend swatch of their status', () => {
    const body = swatchSvg({ id: 'recognised', label: 'x', geometry: 'area', style: 'solid' });
    for (const t of STATUS_STYLES.solid.tints) expect(body).toContain(`var(${cssVar(t)})`);
  });

  it('are picked the same way on every build', () => {
    expect(mapData(story).places.features.map((f) => f.properties?.tint)).toEqual(
      data.places.features.map((f) => f.properties?.tint),
    );
  });
});
