// The embed codes a newsroom pastes: the script embed (auto-height, driven by the host article)
// and the plain iframe fallback. Shared by the "Embed this map" dialog and the oEmbed file.
import { escapeAttr, escapeText } from '../lib/escape.ts';

/** The iframe fallback's size; the script embed takes its content's height instead. */
export const EMBED_SIZE = { width: 640, height: 600 };

export function iframeSnippet(src: string, title: string): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" style="border:0;width:100%" loading="lazy"></iframe>`;
}

/** A view's image (lib/viewImages.ts) for readers without JavaScript. */
export interface SnippetImage {
  src: string;
  width: number;
  height: number;
}

/** The link inside the container is what readers without JavaScript get: the view's image (at
 * half its pixel size, sharp on dense screens and narrow enough for an article's column) and
 * the title, which names the link (the image is alt="" beside it). */
export function scriptSnippet(
  src: string,
  title: string,
  script: string,
  image?: SnippetImage,
): string {
  const img = image
    ? `<img src="${escapeAttr(image.src)}" alt="" width="${Math.round(image.width / 2)}" height="${Math.round(image.height / 2)}" /><br />`
    : '';
  return [
    `<div data-map-explainer="${escapeAttr(src)}" data-map-title="${escapeAttr(title)}">`,
    `  <a href="${escapeAttr(src)}">${img}${escapeText(title)}</a>`,
    `</div>`,
    `<script src="${escapeAttr(script)}" async></script>`,
  ].join('\n');
}
