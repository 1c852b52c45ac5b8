// Size budgets of a story page, gzipped as the server sends it. A budget is a ceiling to notice a
// regression in review, not a goal: the targets are the first view (120 KB) and the story
// layers (60 KB); the others sit a little above today's sizes. Raise one only with the reason in
// the commit.
import type { PageBytes } from '../../bench/bytes.ts';

export const BUDGETS: { key: keyof PageBytes; what: string; gz: number }[] = [
  { key: 'html', what: 'HTML (article, static map and page data)', gz: 40_000 },
  // 36 KB from 35 KB: the view images' download links (0.3 KB), the print images (0.1 KB) and
  // the legend swatch drawn from the catalogue's one definition (catalogue/swatch.ts, 0.35 KB).
  // 37 KB: the embed's fit layout and the map-first and AMP codes (0.5 KB). The embed dialog,
  // opened by one click on the story page, is the next thing to load on demand.
  // 37.5 KB: the download of the view on screen (its buttons and status; the drawing itself is
  // on demand) and the panel's plain position words (0.2 KB together).
  { key: 'jsInitial', what: 'initial JavaScript', gz: 37_500 },
  // 6.5 KB from 6 KB: the text face's @font-face rules (0.45 KB), one per style and script.
  { key: 'cssInitial', what: 'initial CSS', gz: 6_500 },
  // The static map's basemap for the reader's layout: land, borders, rivers, lakes, towns and
  // names from the world tiles (38 KB for the seed story's wide layout).
  { key: 'dataInitial', what: 'initial data (static map image)', gz: 40_000 },
  // The text face's one preloaded file (Latin, regular: 20 KB); bold, italic and other scripts
  // load when a page's text uses them.
  { key: 'textFace', what: 'text face, preloaded', gz: 22_000 },
  {
    key: 'firstView',
    what: 'first view (HTML + initial JS, CSS, data and text face)',
    gz: 120_000,
  },
  // Loaded with the live map, after the first view.
  { key: 'jsLazy', what: 'lazy JavaScript (MapLibre and its worker)', gz: 460_000 },
  // Loaded only when a reader downloads an image of the view on screen (map/screenImage.ts and
  // its drawing worker), never with the page or the live map.
  { key: 'jsOnDemand', what: 'on-demand JavaScript (image of the view on screen)', gz: 40_000 },
  { key: 'cssLazy', what: 'lazy CSS (MapLibre)', gz: 14_000 },
  { key: 'storyLayers', what: 'story layers (places and labels)', gz: 60_000 },
  // The basemap's tiles are fetched by range from one archive: npm run bench measures them.
  { key: 'dataLazy', what: 'live map data (story layers)', gz: 250_000 },
];

/** The host script newsrooms paste beside the map (dist/embed.js); 1.6 KB gzipped when set. */
export const EMBED_JS_BUDGET = { what: 'embed.js (the host script)', gz: 2_500 };

/** Each view image (dist/<slug>/images/, src/map/build/images.ts), as a link preview or a
 * download fetches it: the PNG as is (PNG does not gzip), the SVG gzipped as served. The seed
 * story's largest are 133 KB and 36 KB. */
export const VIEW_IMAGE_BUDGETS = {
  png: { what: 'a view image (PNG)', bytes: 200_000 },
  svg: { what: 'a view image (SVG, gzipped)', gz: 50_000 },
};
