// The view on screen as an image, drawn in the page when a reader asks for one (the embed
// dialog's downloads): the live map's camera and emphasised places through the build's own image
// code (draw/viewImage.ts), so it is the story's images' twin, in the theme on screen. The PNG is
// that SVG rasterised by the browser's own SVG renderer onto a canvas (no screenshot of the page),
// with the bundled Noto Sans embedded so its text is set as the build's images set theirs.
// Loaded on demand: none of it is in the page's first code.
import type { FeatureCollection, Point } from 'geojson';
import { FetchSource } from 'pmtiles';
import faces from 'virtual:image-faces';
import { DARK, LIGHT } from '../catalogue/palette.ts';
import { inRange } from '../catalogue/typeface.ts';
import { VIEW_IMAGE_SIZE } from '../lib/viewImages.ts';
import type { PageData } from '../state/page.ts';
import type { MapData } from './draw/mapData.ts';
import { tileReader, type TileReader } from './draw/tiles.ts';
import { viewImageSvg, viewSpec, viewTiles, type ViewSpec } from './draw/viewImage.ts';
import { loadCollection } from './loadFiles.ts';

export { viewSpec };

const absolute = (path: string) => new URL(path, document.baseURI).href;

/** Fetched once per page (the browser's cache has the data files already); a failure is not
 * kept, so the next click tries again. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    kept ??= make().catch((error: unknown) => {
      kept = undefined;
      throw error;
    });
    return kept;
  };
}

let world: (() => Promise<TileReader>) | undefined;
let data: (() => Promise<MapData>) | undefined;

/** The view as the build's images draw theirs, `dark` in the dark theme's colours. */
export async function screenSvg(page: PageData, view: ViewSpec, dark: boolean): Promise<string> {
  world ??= once(() => tileReader(new FetchSource(absolute(page.files.world))));
  data ??= once(async () => {
    const [places, labels] = await Promise.all(
      [page.files.places, page.files.labels].map((f) => loadCollection(absolute(f))),
    );
    return { places: places!, labels: labels as FeatureCollection<Point> };
  });
  const { bounds, zoom } = viewTiles(view.camera);
  const [reader, mapData] = await Promise.all([world(), data()]);
  return viewImageSvg({
    story: page.story,
    data: mapData,
    tiles: await reader.features(bounds, zoom),
    view,
    attribution: page.attribution,
    palette: dark ? DARK : LIGHT,
  });
}

/** The SVG as a PNG of VIEW_IMAGE_SIZE. */
export async function screenPng(svg: string): Promise<Blob> {
  // An SVG shown as an image loads nothing from outside itself: the face goes in as data.
  const withFace = svg.replace('<style>', `<style>${await faceCss(svg)}`);
  const url = URL.createObjectURL(new Blob([withFace], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const { width, height } = VIEW_IMAGE_SIZE;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** @font-face rules for the face's files that the image's characters need, as data URLs. */
async function faceCss(svg: string): Promise<string> {
  const used = [...new Set(svg)].map((c) => c.codePointAt(0)!);
  const needed = faces.filter((f) => used.some((c) => inRange(f.range, c)));
  const rules = await Promise.all(
    needed.map(async (f) => {
      const response = await fetch(f.url);
      if (!response.ok) throw new Error(`the map's font could not be fetched (${response.status})`);
      const data = base64(await response.arrayBuffer());
      return `@font-face{font-family:'Noto Sans';font-weight:${f.weight};unicode-range:${f.range};src:url(data:font/woff2;base64,${data}) format('woff2')}`;
    }),
  );
  return rules.join('');
}

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let text = '';
  // In slices: one call with every byte as an argument overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** Hands a file to the browser's downloads. */
export function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
