// What the build hands each page: the story (without geometry, which the map fetches), the static
// map, and where the data files are. Serialised into the page, read back before hydration.
// The build-time map code (src/map/build) writes these shapes; the components read them.
import type { BasemapSchema } from '../catalogue/basemap.ts';
import type { GeometryClass } from '../catalogue/kinds.ts';
import type { StoryData } from '../story/schema.ts';
import type { RenderFlags } from './flags.ts';
import type { StaticVariantId } from '../lib/breakpoints.ts';

export type { StoryData };

/** The bottom corner the legend takes. */
export type LegendSide = 'left' | 'right';

export interface StaticFeature {
  id: string;
  label: string;
  category: string;
  /** How its status is drawn (mapData.ts): solid, hatch, hatch-wide, dashed... or none. */
  statusStyle: string;
  /** Which of its status style's fills it takes, so neighbours differ (mapData.ts). */
  tint: number;
  kind: string;
  geometry: GeometryClass;
  /** `uncertainty` for the ring or corridor of an approximate position. */
  role: 'place' | 'uncertainty';
  /** The SVG path of an area or a line. */
  d: string;
  /** Points are drawn as symbols at x, y. */
  x?: number;
  y?: number;
  /** Where the label goes in each layout (its baseline centre), when it fits there without
   * overlapping another: each layout sizes its labels for its screens (STATIC_VARIANTS). */
  texts?: Partial<Record<StaticVariantId, StaticText>>;
}

export interface StaticText {
  x: number;
  y: number;
  size: number;
}

export interface StaticMapData {
  width: number;
  height: number;
  features: StaticFeature[];
  /** The bottom corner the legend takes: the one that hides fewer of these places. */
  legend: LegendSide;
}

export interface LocatorData {
  width: number;
  height: number;
  /** Land, as one SVG path. */
  land: string;
  /** The main view's box. */
  view: { x: number; y: number; width: number; height: number };
  /** Each inset place's centre. */
  places: Record<string, { x: number; y: number }>;
}

export interface PageData {
  story: StoryData;
  mode: 'page' | 'embed';
  /** One basemap image per layout and theme. */
  staticMap: StaticMapData & { basemap: Record<StaticVariantId, { light: string; dark: string }> };
  /** The locator map of the story's `display: inset` places, if it has any. */
  locator?: LocatorData;
  /** Relative to the page; resolved against document.baseURI in the browser. */
  /** `tiles` is the live map's basemap archive (PMTiles); `world` the world tiles, which the
   * static drawing reads (the same file unless BASEMAP_URL is set); `folder` the story's own
   * ('' or '<slug>/'), where its view images are (lib/viewImages.ts). */
  files: {
    places: string;
    labels: string;
    tiles: string;
    world: string;
    glyphs: string;
    folder: string;
  };
  /** What `files.tiles` holds: the world tiles, or a Protomaps OSM archive (BASEMAP_URL). */
  basemap: BasemapSchema;
  attribution: string;
  flags?: RenderFlags;
}

export const PAGE_DATA_ID = 'page-data';

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end it early. */
export function serialisePageData(data: PageData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
