// What the build hands each page: the story (without geometry, which the map fetches), the static
// map, and where the data files are. Serialised into the page, read back before hydration.
import type { LocatorData } from '../map/locator.ts';
import type { StaticMapData } from '../map/staticMap.ts';
import type { ResolvedStory } from '../story/schema.ts';
import type { RenderFlags } from './flags.ts';

export type StoryData = Omit<ResolvedStory, 'layers'>;

export interface PageData {
  story: StoryData;
  mode: 'page' | 'embed';
  staticMap: StaticMapData & { basemap: { light: string; dark: string } };
  /** The locator map of the story's `display: inset` places, if it has any. */
  locator?: LocatorData;
  /** Relative to the page; resolved against document.baseURI in the browser. */
  files: { places: string; labels: string; world: string; region: string; glyphs: string };
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
