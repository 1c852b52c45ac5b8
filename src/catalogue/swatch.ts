// A legend swatch as data: an area's fill, outline and hatching, a line's stroke and dash, a
// point's symbol. The HTML legend (map/Legend.svelte, colours as CSS custom properties) and the
// share images (map/draw/viewImage.ts, colours of one palette) draw these same shapes, as markup
// (`swatchSvg`): the legend hydrates it whole instead of a component per swatch.
import type { Category } from './categories.ts';
import { KINDS, STATUS_STYLES, SYMBOLS } from './kinds.ts';
import { cssVar, type PaletteToken } from './palette.ts';
import { escapeAttr } from '../lib/escape.ts';

export const SWATCH_SIZE = { width: 24, height: 16 } as const;

/** SVG attributes, as named in the markup; unset ones are left out. */
export interface SwatchAttrs {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  d?: string;
  transform?: string;
  fill?: string;
  'fill-opacity'?: number;
  stroke?: string;
  'stroke-width'?: number;
  'stroke-linecap'?: 'round' | 'butt';
  'stroke-dasharray'?: string | undefined;
  overflow?: 'hidden';
}

export interface SwatchShape {
  tag: 'rect' | 'line' | 'path' | 'svg';
  attrs: SwatchAttrs;
  /** A nested `svg` clips its children (the hatching) to its box. */
  children?: SwatchShape[];
}

/** The shapes of `category`'s swatch in a SWATCH_SIZE box; `colour` turns a token into a paint. */
export function swatchShapes(
  category: Category,
  colour: (token: PaletteToken) => string,
): SwatchShape[] {
  const { width: W, height: H } = SWATCH_SIZE;
  const kind = category.kind ? KINDS[category.kind] : undefined;
  const status = category.style ? STATUS_STYLES[category.style] : undefined;
  if (status?.geometry === 'area') {
    // A style with tints shows each, side by side, as neighbouring areas take them.
    const fills = 'tints' in status ? status.tints : [status.fill];
    const shapes: SwatchShape[] = fills.map((fill, i) => ({
      tag: 'rect',
      attrs: {
        x: 1 + (i * (W - 2)) / fills.length,
        y: 1,
        width: (W - 2) / fills.length,
        height: H - 2,
        fill: colour(fill),
        'fill-opacity': status.fillOpacity.active,
      },
    }));
    if ('hatch' in status) {
      // Hatch lines over the whole swatch, at the maps' spacing and slant.
      const { spacing, direction, width } = status.hatch;
      let d = '';
      for (let c = -H; c <= W + H; c += spacing)
        d += direction === 1 ? `M${c - H},${H}L${c},0` : `M${c},0L${c + H},${H}`;
      shapes.push({
        tag: 'svg',
        attrs: { x: 1, y: 1, width: W - 2, height: H - 2, overflow: 'hidden' },
        children: [
          { tag: 'path', attrs: { d, stroke: colour(status.fill), 'stroke-width': width } },
        ],
      });
    }
    shapes.push({
      tag: 'rect',
      attrs: {
        x: 1,
        y: 1,
        width: W - 2,
        height: H - 2,
        fill: 'none',
        stroke: colour(status.outline),
        'stroke-width': Math.min(2, status.outlineWidth.active),
      },
    });
    return shapes;
  }
  if (status?.geometry === 'line') {
    return [
      {
        tag: 'line',
        attrs: {
          x1: 2,
          y1: H / 2,
          x2: W - 2,
          y2: H / 2,
          stroke: colour('fg'),
          'stroke-width': 2.5,
          'stroke-dasharray': status.dash.map((d) => d * 2.5).join(' '),
        },
      },
    ];
  }
  if (kind?.geometry === 'area') {
    return [
      {
        tag: 'rect',
        attrs: {
          x: 1,
          y: 1,
          width: W - 2,
          height: H - 2,
          fill: colour(kind.paint.fill),
          'fill-opacity': kind.paint.fillOpacity.active,
          stroke: colour('muted'),
          'stroke-width': 1,
        },
      },
    ];
  }
  if (kind?.geometry === 'line') {
    const p = kind.paint;
    const d = `M2,${H - 4}C9,${H - 4} 15,4 ${W - 2},4`;
    const dash = 'dash' in p ? p.dash : undefined;
    return [
      {
        tag: 'path',
        attrs: {
          d,
          fill: 'none',
          stroke: colour(p.casing),
          'stroke-width': p.width.active + 2,
          'stroke-linecap': 'round',
        },
      },
      {
        tag: 'path',
        attrs: {
          d,
          fill: 'none',
          stroke: colour(p.line),
          'stroke-width': p.width.active,
          'stroke-linecap': dash ? 'butt' : 'round',
          'stroke-dasharray': dash ? dash.map((n) => n * p.width.active).join(' ') : undefined,
        },
      },
    ];
  }
  if (kind?.geometry === 'point') {
    const symbol = SYMBOLS[kind.paint.symbol];
    return [
      {
        tag: 'path',
        attrs: {
          d: symbol.path,
          transform: `translate(${W / 2} ${H / 2}) scale(${(H + 2) / symbol.size})`,
          fill: colour(kind.paint.colour),
          stroke: colour('labelHalo'),
          'stroke-width': symbol.halo,
        },
      },
    ];
  }
  return [];
}

/** Shapes as SVG markup, attributes escaped. */
export function shapesSvg(shapes: readonly SwatchShape[]): string {
  return shapes
    .map(({ tag, attrs, children }) => {
      const a = Object.entries(attrs)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
        .join('');
      return `<${tag}${a}>${shapesSvg(children ?? [])}</${tag}>`;
    })
    .join('');
}

/** A whole swatch as the HTML legend shows it, in the page's theme (its CSS custom properties);
 * decorative, so hidden from screen readers. */
export function swatchSvg(
  category: Category,
  colour: (token: PaletteToken) => string = (t) => `var(${cssVar(t)})`,
): string {
  const { width: W, height: H } = SWATCH_SIZE;
  return (
    `<svg class="swatch" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">` +
    `${shapesSvg(swatchShapes(category, colour))}</svg>`
  );
}
