// The places list as markup, hydrated whole like the passages (inlineMarkup.ts): a 300-place story
// hydrated 300 links with an effect each. Every story string is escaped here.
import { escapeAttr, escapeText } from '../lib/escape.ts';

interface Group {
  category: { id: string; label: string; style?: string | undefined };
  places: { id: string; label: string; passages: readonly unknown[] }[];
}

/** Each group a heading with its kind's swatch and a list of links (`#place=<id>`,
 * `data-place`): without JavaScript a link opens the static map's card of the place; with it,
 * the panel, which writes the same hash. */
export function placesListMarkup(groups: Group[]): string {
  return groups
    .map(({ category, places }) => {
      const swatch = escapeAttr(category.style ?? category.id);
      const items = places.map((place) => {
        const id = escapeAttr(place.id);
        const n = place.passages.length;
        return (
          `<li><a href="#place=${id}" class="place-button" data-place="${id}">` +
          `${escapeText(place.label)} <span class="count">${n} ${n === 1 ? 'mention' : 'mentions'}</span></a></li>`
        );
      });
      return (
        `<h3 class="group-title"><span class="swatch swatch-${swatch}" aria-hidden="true"></span> ` +
        `${escapeText(category.label)}</h3><ul>${items.join('')}</ul>`
      );
    })
    .join('');
}
