// The view images (src/map/build/images.ts): a fixed-size standalone SVG of one view, drawn by
// the static map's code, with the legend, the credits and the view's places emphasised as the
// live map emphasises them; and its PNG, rasterised with the bundled font.
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoriesIn } from '../../../../src/catalogue/categories.ts';
import { LIGHT } from '../../../../src/catalogue/palette.ts';
import { VIEW_IMAGE_SIZE } from '../../../../src/lib/viewImages.ts';
import { IMAGE_FONTS, rasterise, storyViews } from '../../../../src/map/build/images.ts';
import { IMAGE_FRAME, viewImageSvg, wrap } from '../../../../src/map/draw/viewImage.ts';
import { mapData } from '../../../../src/map/draw/mapData.ts';
import { cameraBounds, staticView } from '../../../../src/map/draw/staticMap.ts';
import { loadStory } from '../../../../src/story/load.ts';
import type { ResolvedStory } from '../../../../src/story/schema.ts';
import { fixtureGazetteer, SEED_STORY } from '../../story/support.ts';

let story: ResolvedStory;
beforeAll(() => {
  const result = loadStory(SEED_STORY, { gazetteer: fixtureGazetteer });
  expect(result.diagnostics).toEqual([]);
  story = result.story!;
});

const NO_TILES: FeatureCollection = { type: 'FeatureCollection', features: [] };
const ATTRIBUTION = 'Natural Earth · GeoNames (CC BY 4.0)';

function svgOf(index: number) {
  const { view } = storyViews(story)[index]!;
  const svg = viewImageSvg({
    story,
    data: mapData(story),
    tiles: NO_TILES,
    view,
    attribution: ATTRIBUTION,
    palette: LIGHT,
  });
  return { view, svg };
}

/** Each drawn place's id and whether it is drawn faint (its uncertainty ring as well). */
function drawnPlaces(svg: string): { id: string; faint: boolean }[] {
  return [...svg.matchAll(/<g class="static-place [^"]*?( faint)?" data-place="([^"]+)">/g)].map(
    (m) => ({ id: m[2]!, faint: !!m[1] }),
  );
}

describe('a view image', () => {
  it('is a standalone SVG of a fixed size that names the font it ships with', () => {
    const { svg } = svgOf(0);
    const { width, height } = VIEW_IMAGE_SIZE;
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Noto Sans\\b`,
      ),
    );
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // No external reference: the file is whole on its own (downloads, CMS uploads).
    expect(svg).not.toMatch(/(?:href|src)="(?!#)/);
    expect(svg).not.toContain('var(--');
  });

  it('has the title, the credits and a legend of the categories in view', () => {
    const { view, svg } = svgOf(0);
    expect(svg).toContain(story.title.split(' ').slice(0, 3).join(' '));
    expect(svg).toContain('Map: Natural Earth');
    expect(svg).toContain('GeoNames (CC BY 4.0)');
    const bounds = staticView(cameraBounds(view.camera, IMAGE_FRAME), IMAGE_FRAME);
    const legend = categoriesIn(story, bounds);
    expect(legend.length).toBeGreaterThan(2);
    // Each legend line starts with its label's first words (a long one wraps).
    for (const c of legend) expect(svg).toContain(`>${c.label.split(' ')[0]}`);
    // Not the categories with nothing in view: the seed story draws no port.
    expect(svg).not.toContain('>Ports<');
  });

  it("emphasises the passage's places and dims the rest, as the live map does", () => {
    const index = story.passages.findIndex((p) => p.id === 'crimea-strike') + 1;
    const { view, svg } = svgOf(index);
    expect(view.emphasised.length).toBeGreaterThan(0);
    const drawn = drawnPlaces(svg);
    expect(drawn.length).toBeGreaterThan(view.emphasised.length);
    for (const { id, faint } of drawn) expect(faint, id).toBe(!view.emphasised.includes(id));
    // The emphasised places are in view, and so drawn.
    for (const id of view.emphasised) expect(drawn.map((d) => d.id)).toContain(id);
    // The catalogue's paint (staticMapCss) comes inline, in the palette's colours.
    expect(svg).toMatch(/\.static-place\.k-city\.faint \.symbol \{\s*opacity: 0\.55;/);
    expect(svg).toContain(`fill: ${LIGHT.incident}`);
  });

  it('says which view it is, and quotes the passage', () => {
    expect(svgOf(0).svg).toContain('The opening view');
    const { svg } = svgOf(2);
    expect(svg).toContain(`Passage 2 of ${story.passages.length}`);
    const words = svgOf(2).view.excerpt!.split(' ').slice(0, 3).join(' ');
    expect(svg).toContain(words);
  });

  it('escapes the story text it carries', () => {
    const { view } = storyViews(story)[0]!;
    const svg = viewImageSvg({
      story: { ...story, title: 'A <b>&</b> "title"' },
      data: mapData(story),
      tiles: NO_TILES,
      view,
      attribution: '<script>',
      palette: LIGHT,
    });
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&#60;b&#62;&#38;&#60;/b&#62;');
  });

  it('is rasterised to a PNG of its size, its text drawn with the bundled font only', () => {
    const { svg } = svgOf(0);
    const png = rasterise(svg);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(VIEW_IMAGE_SIZE.width);
    expect(png.readUInt32BE(20)).toBe(VIEW_IMAGE_SIZE.height);
    for (const font of IMAGE_FONTS) {
      expect(font).toMatch(/NotoSans_\d+\w+\.ttf$/);
      // TrueType's signature: resvg reads no WOFF2.
      expect([...readFileSync(font).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
    // The same SVG gives the same bytes: no system font, no clock.
    expect(rasterise(svg).equals(png)).toBe(true);
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and cuts with an ellipsis past the last line', () => {
    const lines = wrap('one two three four five six seven eight nine ten', 10, 80, 2);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.floor(80 / 5.5));
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(wrap('short', 10, 80, 2)).toEqual(['short']);
  });
});
