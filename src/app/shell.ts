// The page's static markup around its islands (islands.ts): the skip link, the two columns, the
// live region. Nothing here changes after the build but the layout's classes (start.ts).
import type { PageData } from '../state/page.ts';
import { islandElementId, type IslandId } from './islands.ts';

/** The page's body: `html` gives each island's prerendered markup. */
export function pageShell(page: PageData, html: (id: IslandId) => string): string {
  const embed = page.mode === 'embed';
  const at = (id: IslandId, attributes = 'class="island"') =>
    `<div id="${islandElementId(id)}" ${attributes}>${html(id)}</div>`;
  // An embed's list is in a disclosure that may be closed: the skip link goes to the disclosure.
  const skipTo = embed ? '#places-and-sources' : '#places';
  // An embed fits its frame until it learns a host sizes the frame (env.svelte.ts `fit`).
  const layout = embed ? 'layout mode-embed fit' : 'layout mode-page';
  // Named in an embed: the host article has a main landmark of its own.
  const main = embed ? ' aria-label="Passages and places"' : '';
  return [
    `<a class="skip-link" href="${skipTo}">Skip to the list of places</a>`,
    `<div class="${layout}">`,
    embed ? at('header') : '',
    at('map', 'class="map-column"'),
    `<main class="text-column"${main}>`,
    at('stepper'),
    embed ? '' : at('article'),
    at('end'),
    at('announcer', 'class="visually-hidden" aria-live="polite" aria-atomic="true"'),
    `</main></div>`,
  ].join('');
}
