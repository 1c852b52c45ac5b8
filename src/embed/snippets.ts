// The embed codes a newsroom pastes: the script embed (auto-height, driven by the host article), its
// map-first variant (pinned in view while the article's paragraphs pass), the plain iframe fallback
// and AMP's amp-iframe. Shared by the "Embed this map" dialog and the oEmbed file.
import { escapeAttr, escapeText } from '../lib/escape.ts';
import { AMP_PARAM, MAP_FIRST } from './protocol.ts';

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
 * the title, which names the link (the image is alt="" beside it). `mapFirst`: the frame is
 * the map, pinned in view while the paragraphs marked data-map-passage pass. */
export function scriptSnippet(
  src: string,
  title: string,
  script: string,
  o: { mapFirst?: boolean; image?: SnippetImage | undefined } = {},
): string {
  const layout = o.mapFirst ? ` data-map-layout="${MAP_FIRST}"` : '';
  const img = o.image
    ? `<img src="${escapeAttr(o.image.src)}" alt="" width="${Math.round(o.image.width / 2)}" height="${Math.round(o.image.height / 2)}" /><br />`
    : '';
  return [
    `<div data-map-explainer="${escapeAttr(src)}" data-map-title="${escapeAttr(title)}"${layout}>`,
    `  <a href="${escapeAttr(src)}">${img}${escapeText(title)}</a>`,
    `</div>`,
    `<script src="${escapeAttr(script)}" async></script>`,
  ].join('\n');
}

/** AMP's resizable amp-iframe: the embed asks for its height (embed-size); AMP shows the
 * placeholder image until the frame loads, and the overflow button when it may not resize. */
export function ampSnippet(src: string, title: string, placeholder?: string): string {
  const url = new URL(src);
  url.searchParams.set(AMP_PARAM, '1');
  const image = placeholder
    ? [
        `  <amp-img layout="fill" src="${escapeAttr(placeholder)}" alt="${escapeAttr(title)}" placeholder></amp-img>`,
      ]
    : [];
  return [
    `<amp-iframe src="${escapeAttr(url.href)}" title="${escapeAttr(title)}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" layout="responsive" sandbox="allow-scripts allow-same-origin allow-popups" resizable>`,
    ...image,
    `  <button overflow type="button">Show the whole map</button>`,
    `</amp-iframe>`,
  ].join('\n');
}
