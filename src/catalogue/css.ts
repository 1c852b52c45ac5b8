// The page's colour tokens and the static map's look, generated as CSS from the palette and the
// catalogue, so the static map draws with the live map's numbers. Served as the virtual module
// `virtual:catalogue.css` (vite.config.ts), imported once by the browser entry.
import {
  KINDS,
  STATES,
  STATUS_STYLES,
  UNCERTAINTY,
  LINE_HIT_WIDTH,
  toneOf,
  type Emphasis,
  type PlaceKind,
} from './kinds.ts';
import { cssVar, DARK, LIGHT, type Palette, type PaletteToken } from './palette.ts';
import { STATIC_VARIANTS } from '../lib/breakpoints.ts';

const cssValue = (token: PaletteToken) => `var(${cssVar(token)})`;

/** Every palette token as a custom property; light-dark() picks by color-scheme, which the theme
 * flag can pin (app.css). */
export function paletteCss(light: Palette = LIGHT, dark: Palette = DARK): string {
  const lines = (Object.keys(light) as PaletteToken[]).map(
    (t) => `  ${cssVar(t)}: light-dark(${light[t]}, ${dark[t]});`,
  );
  return `:root {\n${lines.join('\n')}\n}`;
}

type Rules = Record<string, Record<string, string | number>>;

function rule(rules: Rules, selector: string, props: Record<string, string | number>) {
  rules[selector] = { ...rules[selector], ...props };
}

/** Active values on the place's own selector, faint ones with `.faint`. */
function emphasised(
  rules: Rules,
  base: string,
  part: string,
  prop: string,
  e: Emphasis,
  unit = '',
) {
  rule(rules, `${base} ${part}`, { [prop]: `${e.active}${unit}` });
  rule(rules, `${base}.faint ${part}`, { [prop]: `${e.faint}${unit}` });
}

const dashOf = (dash: readonly [number, number] | undefined, width: number) =>
  dash ? `${dash[0] * width} ${dash[1] * width}` : 'none';

/** The static map's classes: `.k-<kind>`, `.s-<status style>`, `.role-uncertainty`, and the
 * `.faint` and `.selected` states, with :hover and :focus-visible. `v` gives a token's paint: the
 * page's custom property, or (for a standalone image, map/build/images.ts) one palette's colour. */
export function staticMapCss(v: (token: PaletteToken) => string = cssValue): string {
  const rules: Rules = {};
  const P = '.static-place';
  for (const [kind, spec] of Object.entries(KINDS) as [PlaceKind, (typeof KINDS)[PlaceKind]][]) {
    const k = `${P}.k-${kind}`;
    if (spec.geometry === 'area') {
      const p = spec.paint;
      rule(rules, `${k} .fill`, { fill: v(p.fill) });
      emphasised(rules, k, '.fill', 'fill-opacity', p.fillOpacity);
      rule(rules, `${k} .outline`, { stroke: v(p.outline) });
      emphasised(rules, k, '.outline', 'stroke-width', p.outlineWidth);
      emphasised(rules, k, '.outline', 'stroke-opacity', p.outlineOpacity);
    } else if (spec.geometry === 'line') {
      const p = spec.paint;
      rule(rules, `${k} .stroke`, { stroke: v(p.line) });
      emphasised(rules, k, '.stroke', 'stroke-width', p.width);
      emphasised(rules, k, '.stroke', 'stroke-opacity', p.opacity);
      rule(rules, `${k} .stroke`, { 'stroke-dasharray': dashOf(p.dash, p.width.active) });
      rule(rules, `${k}.faint .stroke`, { 'stroke-dasharray': dashOf(p.dash, p.width.faint) });
      rule(rules, `${k} .casing`, { stroke: v(p.casing), 'stroke-width': p.width.active + 2 });
      rule(rules, `${k}.faint .casing`, { 'stroke-width': p.width.faint + 2 });
      for (const [style, s] of Object.entries(STATUS_STYLES)) {
        if (s.geometry !== 'line') continue;
        rule(rules, `${k}.s-${style} .stroke`, {
          'stroke-dasharray': dashOf(s.dash, p.width.active),
        });
        rule(rules, `${k}.s-${style}.faint .stroke`, {
          'stroke-dasharray': dashOf(s.dash, p.width.faint),
        });
      }
      const sel = STATES.selected;
      rule(rules, `${k}.selected .casing`, {
        stroke: v(sel.colour),
        'stroke-width': p.width.active + 2 * sel.lineExtra,
      });
      for (const state of ['hover', 'focus'] as const) {
        const s = STATES[state];
        const pseudo = state === 'hover' ? ':hover' : ':focus-visible';
        rule(rules, `${k}${pseudo} .casing`, {
          stroke: v(s.colour),
          'stroke-width': p.width.active + 2 * s.lineExtra,
        });
      }
    } else {
      const p = spec.paint;
      rule(rules, `${k} .symbol`, { fill: v(p.colour) });
      emphasised(rules, k, '.symbol', 'opacity', p.opacity);
    }
  }
  for (const [style, s] of Object.entries(STATUS_STYLES)) {
    if (s.geometry !== 'area') continue;
    const k = `${P}.s-${style}`;
    rule(rules, `${k} .fill`, { fill: v(s.fill) });
    emphasised(rules, k, '.fill', 'fill-opacity', s.fillOpacity);
    rule(rules, `${k} .outline`, { stroke: v(s.outline) });
    emphasised(rules, k, '.outline', 'stroke-width', s.outlineWidth);
    if ('hatch' in s) {
      emphasised(rules, k, '.pattern', 'opacity', s.hatch.opacity);
      rule(rules, `.hatch-${style}`, { stroke: v(s.fill), 'stroke-width': s.hatch.width });
    }
  }
  // Tints after the status rules, so a neighbour's fill wins over its style's first one.
  for (const [style, s] of Object.entries(STATUS_STYLES)) {
    if (s.geometry !== 'area' || !('tints' in s)) continue;
    s.tints.forEach((t, i) => {
      if (i > 0) rule(rules, `${P}.s-${style}.tint-${i} .fill`, { fill: v(t) });
    });
  }
  // Uncertainty (rings and corridors) in the kind's own colour.
  const u = `${P}.role-uncertainty`;
  for (const kind of Object.keys(KINDS) as PlaceKind[]) {
    rule(rules, `${u}.k-${kind} .fill`, { fill: v(toneOf(kind)) });
    rule(rules, `${u}.k-${kind} .outline`, { stroke: v(toneOf(kind)) });
  }
  emphasised(rules, u, '.fill', 'fill-opacity', UNCERTAINTY.fillOpacity);
  rule(rules, `${u} .outline`, {
    'stroke-width': UNCERTAINTY.width,
    'stroke-opacity': 1,
    'stroke-dasharray': dashOf(UNCERTAINTY.dash, UNCERTAINTY.width),
  });
  rule(rules, `${u}.faint .outline`, {
    'stroke-width': UNCERTAINTY.width,
    'stroke-opacity': 1,
  });
  // Selected, hovered and focused areas and points.
  for (const [state, s] of Object.entries(STATES)) {
    const on =
      state === 'selected'
        ? `${P}.selected`
        : state === 'hover'
          ? `${P}:hover`
          : `${P}:focus-visible`;
    rule(rules, `${on}:not(.role-uncertainty) .outline`, {
      stroke: v(s.colour),
      'stroke-width': s.areaWidth,
      'stroke-opacity': 1,
    });
    rule(rules, `${on} .hit`, { stroke: v(s.colour), 'stroke-width': s.ring });
  }
  rule(rules, `${P} .line-hit`, {
    stroke: 'transparent',
    'stroke-width': LINE_HIT_WIDTH,
    fill: 'none',
  });
  return Object.entries(rules)
    .map(
      ([selector, props]) =>
        `${selector} {\n${Object.entries(props)
          .map(([p, value]) => `  ${p}: ${value};`)
          .join('\n')}\n}`,
    )
    .join('\n');
}

/** Each layout shows its own static labels (breakpoints.ts STATIC_VARIANTS), and draws the
 * places' symbols at the live map's size there. */
export function staticVariantCss(): string {
  const label = (id: string) => `.static-map .v-${id}`;
  const others = (id: string) =>
    STATIC_VARIANTS.filter((v) => v.id !== id)
      .map((v) => label(v.id))
      .join(', ');
  const wide = STATIC_VARIANTS.find((v) => v.id === 'wide')!;
  return [
    // Without media queries (an old reader, a feed), the wide layout's labels.
    `${others(wide.id)} {\n  display: none;\n}`,
    ...STATIC_VARIANTS.map(
      (v) =>
        `@media ${v.media} {\n  ${others(v.id)} {\n    display: none;\n  }\n  ${label(v.id)} {\n    display: inline;\n  }\n  .static-map .symbol-size {\n    scale: ${+(1 / v.scale).toFixed(3)};\n  }\n}`,
    ),
  ].join('\n');
}

export function catalogueCss(): string {
  return `/* Generated from src/catalogue (palette.ts, kinds.ts) and src/lib/breakpoints.ts: edit those, not this. */\n${paletteCss()}\n${staticMapCss()}\n${staticVariantCss()}\n`;
}
