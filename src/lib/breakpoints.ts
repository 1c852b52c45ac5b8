// The one layout breakpoint for code: below it the map sits above the text and the legend starts
// folded. The stylesheets write the same width in their media queries (app.css, Legend.svelte):
// CSS cannot read a variable in a media query, so tests/unit/lib/breakpoints.test.ts holds every
// one of them to this value.
export const NARROW_MAX_PX = 599;
export const NARROW = `(max-width: ${NARROW_MAX_PX}px)`;
export const WIDE = `(min-width: ${NARROW_MAX_PX + 1}px)`;
/** From this width the map and the text sit side by side (app.css only). */
export const SIDE_BY_SIDE_MIN_PX = 900;
/** Every width a media query may name: the last px of each narrower layout. */
export const LAYOUT_EDGES_PX = [NARROW_MAX_PX, SIDE_BY_SIDE_MIN_PX - 1];
