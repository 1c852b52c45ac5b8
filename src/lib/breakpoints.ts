// The layout's breakpoints for code: a phone's below NARROW_MAX_PX, side by side from
// SIDE_BY_SIDE_MIN_PX. The stylesheets write the same widths in their media queries (app.css,
// Legend.svelte): CSS cannot read a variable in a media query, so
// tests/unit/lib/breakpoints.test.ts holds every one of them to these values.
export const NARROW_MAX_PX = 599;
export const NARROW = `(max-width: ${NARROW_MAX_PX}px)`;
export const WIDE = `(min-width: ${NARROW_MAX_PX + 1}px)`;
/** A map this short or shorter (a frame of fixed height, a phone held sideways) starts with the
 * legend folded, as a narrow one does: open, it would cover most of the map. */
export const SHORT_MAX_PX = 599;
export const SHORT = `(max-height: ${SHORT_MAX_PX}px)`;
/** From this width the map and the text sit side by side (app.css only). */
export const SIDE_BY_SIDE_MIN_PX = 900;
/** Below it the map is a band above the text (42% of the screen's height): the legend starts
 * folded there, as on a short map. */
export const STACKED = `(max-width: ${SIDE_BY_SIDE_MIN_PX - 1}px)`;
/** Every width a media query may name: the last px of each narrower layout. */
export const LAYOUT_EDGES_PX = [NARROW_MAX_PX, SIDE_BY_SIDE_MIN_PX - 1];
/** Between the phone layout and the side-by-side one (map above the text, tablet widths). */
export const MEDIUM = `(min-width: ${NARROW_MAX_PX + 1}px) and (max-width: ${SIDE_BY_SIDE_MIN_PX - 1}px)`;
export const SIDE_BY_SIDE = `(min-width: ${SIDE_BY_SIDE_MIN_PX}px)`;

/**
 * The static map is drawn once per layout. Its geometry is shared; a layout's basemap shows the
 * tiles of the zoom the live map shows there, and its labels are sized so they are at least the
 * live map's size at `minScale`. Scales are CSS px per static-map unit (the 1000×800 canvas cover-
 * fitted to the map box): narrow 360×640 → 0.36, 390×844 → 0.44; medium 600×800 → 0.6, 768×1024
 * → 0.77; wide 1280×720 → 0.9, 1280×800 → 1.
 */
export const STATIC_VARIANTS = [
  { id: 'narrow', media: NARROW, minScale: 0.36, scale: 0.44 },
  { id: 'medium', media: MEDIUM, minScale: 0.6, scale: 0.77 },
  { id: 'wide', media: SIDE_BY_SIDE, minScale: 0.9, scale: 1 },
] as const;

export type StaticVariant = (typeof STATIC_VARIANTS)[number];
export type StaticVariantId = StaticVariant['id'];
