// The view on screen as an image, when a reader asks for one (the embed dialog's downloads): the
// live map's camera and emphasised places drawn by the build's own image code in a worker
// (screenWorker.ts), so it is the story's images' twin, in the theme on screen. The PNG is that
// SVG rasterised by the browser's own SVG renderer onto a canvas (no screenshot of the page), with
// the bundled Noto Sans embedded so its text is set as the build's images set theirs. Loaded on
// demand: none of it is in the page's first code.
import faces from 'virtual:image-faces';
import { inRange } from '../catalogue/typeface.ts';
import { VIEW_IMAGE_SIZE } from '../lib/viewImages.ts';
import type { PageData } from '../state/page.ts';
import type { ScreenReply, ScreenRequest } from './screenWorker.ts';

const absolute = (path: string) => new URL(path, document.baseURI).href;

let worker: Worker | undefined;
/** One drawing at a time (the dialog's buttons wait for it), so a reply answers the request. */
let queue: Promise<unknown> = Promise.resolve();

/** The view as the build's images draw theirs, `dark` in the dark theme's colours. */
function screenSvg(
  page: PageData,
  passageId: string | undefined,
  view: ScreenRequest['view'],
  dark: boolean,
): Promise<string> {
  const request: ScreenRequest = {
    story: page.story,
    attribution: page.attribution,
    files: {
      world: absolute(page.files.world),
      places: absolute(page.files.places),
      labels: absolute(page.files.labels),
    },
    passageId,
    view,
    dark,
  };
  const drawn = queue.then(
    () =>
      new Promise<string>((resolve, reject) => {
        worker ??= new Worker(new URL('./screenWorker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (event: MessageEvent<ScreenReply>) => {
          if ('svg' in event.data) resolve(event.data.svg);
          else reject(new Error(event.data.error));
        };
        worker.onerror = (event) => {
          event.preventDefault();
          worker?.terminate();
          worker = undefined;
          reject(new Error(event.message || 'the drawing stopped'));
        };
        worker.postMessage(request);
      }),
  );
  queue = drawn.catch(() => undefined);
  return drawn;
}

/** The SVG as a PNG of VIEW_IMAGE_SIZE. */
async function screenPng(svg: string): Promise<Blob> {
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

/** Draws the view on screen in `format` and hands it to the browser's downloads, in the theme
 * the page shows. */
export async function downloadScreenView(
  page: PageData,
  passageId: string | undefined,
  view: ScreenRequest['view'],
  format: 'png' | 'svg',
): Promise<void> {
  const theme =
    document.documentElement.dataset.theme ??
    (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  const svg = await screenSvg(page, passageId, view, theme === 'dark');
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await screenPng(svg);
  save(blob, `${page.story.slug}-on-screen.${format}`);
}

/** Hands a file to the browser's downloads. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
