// The detailed basemap's look: @protomaps/basemaps' layers for an OSM archive in the Protomaps
// schema (earth, water, landuse, roads, boundaries, places, pois...), in its light or dark flavor,
// made to run offline like the rest of the map: every label in our bundled font (public/fonts),
// no sprite (icons dropped), ids prefixed so they never meet ours. Loaded only for such a
// basemap (liveController), so a reader of the world tiles never downloads the package.
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { language_script_pairs, layers, namedFlavor } from '@protomaps/basemaps';
import { PROTOMAPS_PREFIX } from './basemap.ts';

/** A road number drawn on a shield icon: without the shield it reads as noise. */
const DROPPED = new Set(['roads_shields']);

/** Font options inside `format` expressions name fonts we do not ship: the layer's own
 * text-font applies without them. */
function withoutFonts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFonts);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'text-font')
        .map(([k, v]) => [k, withoutFonts(v)]),
    );
  }
  return value;
}

const withoutIcons = (props: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(props ?? {}).filter(([k]) => !k.startsWith('icon-')));

/** Protomaps' layers for `source`, bottom to top, labels in `lang` where the archive has it. */
export type ProtomapsLayers = typeof protomapsLayers;

export function protomapsLayers(
  source: string,
  theme: 'light' | 'dark',
  font: string,
  lang = 'en',
): LayerSpecification[] {
  // `en-GB` reads as `en`; a language Protomaps does not know reads English names.
  const known = [lang, lang.split('-')[0]].find((l) =>
    language_script_pairs.some((p) => p.lang === l),
  );
  return layers(source, namedFlavor(theme), { lang: known ?? 'en' }).flatMap(
    (layer): LayerSpecification[] => {
      // Our own background (the sea colour) stays under everything.
      if (layer.type === 'background' || DROPPED.has(layer.id)) return [];
      const id = `${PROTOMAPS_PREFIX}${layer.id}`;
      if (layer.type !== 'symbol') return [{ ...layer, id }];
      const layout = withoutIcons(layer.layout);
      // An icon-only layer (one-way arrows) has nothing left to draw.
      if (!('text-field' in layout)) return [];
      layout['text-font'] = [font];
      layout['text-field'] = withoutFonts(layout['text-field']);
      return [
        {
          ...layer,
          id,
          layout: layout as typeof layer.layout,
          paint: withoutIcons(layer.paint) as typeof layer.paint,
        },
      ];
    },
  );
}
