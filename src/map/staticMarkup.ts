// The static map's places as SVG markup: the page hydrates it whole instead of walking every
// path, label and link of every place (a 300-place story's start-up: README bench). StaticMap
// marks what changes (faint, selected, hidden categories) with one effect. Every story string is
// escaped here.
import { HATCHED, hatchPatternsSvg } from '../catalogue/icons.ts';
import { symbolOf } from '../catalogue/kinds.ts';
import { STATIC_VARIANTS } from '../lib/breakpoints.ts';
import { escapeAttr, escapeText } from '../lib/escape.ts';
import type { StaticFeature } from '../state/page.ts';

/** The pattern ids' prefix (`url(#static-<style>)`). */
const PATTERN = 'static-';

/** A place's label in each layout it fits in; the stylesheet shows the reader's layout's. */
function labels(f: StaticFeature, cls: string, hidden = false): string {
  return STATIC_VARIANTS.map((v) => {
    const t = f.texts?.[v.id];
    if (!t) return '';
    const aria = hidden ? ' aria-hidden="true"' : '';
    return `<text class="${cls} v-${v.id}" x="${t.x}" y="${t.y}" font-size="${t.size}"${aria}>${escapeText(f.label)}</text>`;
  }).join('');
}

/** Every place a link (`#place=<id>`, `data-place`, `data-category`); an uncertainty ring or
 * corridor opens its place on a click but is not a second link for the keyboard or a screen
 * reader. Bottom to top as on the live map: areas, lines, area labels, points; faint unless
 * `emphasised`. */
export function staticPlacesMarkup(
  features: readonly StaticFeature[],
  emphasised: readonly string[],
): string {
  const attrs = (f: StaticFeature, extra = '') =>
    `href="#place=${escapeAttr(f.id)}"${f.role === 'uncertainty' ? ' tabindex="-1" aria-hidden="true"' : ''} class="static-place k-${f.kind} s-${f.statusStyle} tint-${f.tint} role-${f.role}${extra}${emphasised.includes(f.id) ? '' : ' faint'}" data-place="${escapeAttr(f.id)}" data-category="${escapeAttr(f.category)}" aria-label="${escapeAttr(f.label)}"`;
  const areas = features.filter((f) => f.geometry === 'area');
  const lines = features.filter((f) => f.geometry === 'line');
  const points = features.filter((f) => f.geometry === 'point');
  return [
    `<defs>${hatchPatternsSvg(PATTERN)}</defs>`,
    ...areas.map((f) => {
      const hatch =
        f.role === 'place' && HATCHED.has(f.statusStyle)
          ? `<path d="${f.d}" class="pattern" fill="url(#${PATTERN}${f.statusStyle})"/>`
          : '';
      return `<a ${attrs(f)}><path d="${f.d}" class="fill"/>${hatch}<path d="${f.d}" class="outline"/></a>`;
    }),
    ...lines.map(
      (f) =>
        `<a ${attrs(f)}><path d="${f.d}" class="casing"/><path d="${f.d}" class="stroke"/><path d="${f.d}" class="line-hit"/>${labels(f, 'area-label')}</a>`,
    ),
    // Area labels above every area, as the live map draws them; not links themselves.
    ...areas.map((f) =>
      f.texts
        ? `<g data-category="${escapeAttr(f.category)}">${labels(f, 'area-label', true)}</g>`
        : '',
    ),
    ...points.map((f) => {
      const symbol = symbolOf(f.kind);
      return (
        `<a ${attrs(f, ' static-point')}><circle cx="${f.x}" cy="${f.y}" r="12" class="hit"/>` +
        `<g transform="translate(${f.x} ${f.y})" class="symbol"><g class="symbol-size"><path d="${symbol.path}" stroke-width="${symbol.halo}"/></g></g>` +
        `${labels(f, '')}</a>`
      );
    }),
  ].join('');
}
