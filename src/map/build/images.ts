// The story's views as image files: each view's SVG (map/draw/viewImage.ts) and its PNG,
// rasterised by resvg with the bundled Noto Sans, never a browser screenshot.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { LIGHT, type Palette } from '../../catalogue/palette.ts';
import { imageFile } from '../../lib/viewImages.ts';
import type { ResolvedStory } from '../../story/schema.ts';
import type { MapData } from '../draw/mapData.ts';
import type { TileReader } from '../draw/tiles.ts';
import { viewImageSvg, viewSpec, viewTiles, type ViewSpec } from '../draw/viewImage.ts';
import { indexedPng } from './png.ts';

const require = createRequire(import.meta.url);
/** Noto Sans (SIL OFL 1.1) as TrueType, which resvg reads (it reads no WOFF2): the face the page
 * and the live map's glyphs use. */
export const IMAGE_FONTS = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

/** The story's views: the first, then each passage's, as the live map shows them. */
export function storyViews(
  story: Pick<ResolvedStory, 'initialView' | 'passages'>,
): { passageId?: string; view: ViewSpec }[] {
  return [undefined, ...story.passages.map((p) => p.id)].map((passageId) => ({
    ...(passageId ? { passageId } : {}),
    view: viewSpec(story, passageId),
  }));
}

/** Every image of a story's views, each as an SVG and a PNG: its file relative to the story's
 * folder (imageFile) and its contents. */
export async function storyImages(
  story: Pick<
    ResolvedStory,
    'title' | 'places' | 'statuses' | 'borders' | 'initialView' | 'passages'
  >,
  data: MapData,
  basemap: Pick<TileReader, 'features'>,
  attribution: string,
  palette: Palette = LIGHT,
): Promise<{ file: string; contents: string | Buffer }[]> {
  const out: { file: string; contents: string | Buffer }[] = [];
  for (const { passageId, view } of storyViews(story)) {
    const { bounds, zoom } = viewTiles(view.camera);
    const tiles = await basemap.features(bounds, zoom);
    const svg = viewImageSvg({ story, data, tiles, view, attribution, palette });
    out.push({ file: imageFile(passageId, 'svg'), contents: svg });
    out.push({ file: imageFile(passageId, 'png'), contents: rasterise(svg) });
  }
  return out;
}

/** The SVG as a PNG of the same size (indexed colour: png.ts), its text in the bundled fonts
 * only, so every machine writes the same bytes. */
export function rasterise(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: IMAGE_FONTS, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  });
  const image = resvg.render();
  return indexedPng(image.pixels, image.width, image.height);
}
