// A passage's typed text as markup: the article's passages reach the page as {@html} blocks, which
// Svelte hydrates by claiming their nodes whole instead of walking every mention and text node
// (a 200-passage story's start-up: README bench). Every story string is escaped here and links
// are http(s) or mailto by the schema, so story content still never becomes markup.
import { escapeAttr, escapeText } from '../lib/escape.ts';
import type { Inline } from '../story/schema.ts';
import { imageFile, VIEW_IMAGE_SIZE } from '../lib/viewImages.ts';

/** The id of the one hidden "show on map" that describes every mention (Article renders it). */
export const MENTION_ACTION = 'mention-action';

/** Mentions become buttons (`.mention`, their place ids in `data-places`); with `quote`, the
 * mentions of those places are marked and no mention is a control (the place panel). */
export function inlineMarkup(inlines: Inline[], quote?: string[]): string {
  return inlines.map((node) => nodeMarkup(node, quote)).join('');
}

function nodeMarkup(node: Inline, quote: string[] | undefined): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.text);
    case 'mention': {
      const text = escapeText(node.text);
      if (quote)
        return node.placeIds.some((id) => quote.includes(id)) ? `<mark>${text}</mark>` : text;
      const places = escapeAttr(node.placeIds.join(' '));
      return `<button type="button" class="mention" aria-describedby="${MENTION_ACTION}" data-places="${places}">${text}</button>`;
    }
    case 'link':
      return `<a href="${escapeAttr(node.href)}" rel="noopener noreferrer external">${escapeText(node.text)}</a>`;
    case 'emphasis':
      return `<em>${inlineMarkup(node.children, quote)}</em>`;
    case 'strong':
      return `<strong>${inlineMarkup(node.children, quote)}</strong>`;
  }
}

/** The place ids a mention's markup names. */
export const placesOf = (mention: HTMLElement): string[] =>
  mention.dataset.places?.split(' ').filter(Boolean) ?? [];

/** The place ids of the mention a click landed in, and that mention. */
export function mentionAt(
  target: EventTarget | null,
): { button: HTMLElement; ids: string[] } | null {
  const button = target instanceof Element ? target.closest<HTMLElement>('button.mention') : null;
  const ids = button ? placesOf(button) : [];
  return button && ids.length ? { button, ids } : null;
}

/** The article's passages, each a paragraph (`#passage-<id>`, `data-passage`) followed by its
 * print-only view image (print.css): lazy and hidden on screen, so screen readers never meet it
 * and screens never fetch it. `folder` is the story's folder relative to the page. */
export function passagesMarkup(passages: { id: string; inlines: Inline[] }[], folder: string) {
  const { width, height } = VIEW_IMAGE_SIZE;
  return passages
    .map((p, i) => {
      const id = escapeAttr(p.id);
      const src = escapeAttr(folder + imageFile(p.id, 'svg'));
      return (
        `<p id="passage-${id}" class="passage" data-passage="${id}" tabindex="-1">${inlineMarkup(p.inlines)}</p>` +
        `<img class="print-map" src="${src}" alt="Map of passage ${i + 1}" width="${width}" height="${height}" loading="lazy" decoding="async">`
      );
    })
    .join('');
}
