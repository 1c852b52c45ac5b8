// Which passage is being read, for the story page and for a host page's own paragraphs alike:
// the last one whose top has passed the reading line (the middle of the viewport), so the map
// keeps it through the gap to the next. Read from positions on every scroll, once a frame: an
// observer of a band across the middle missed passages that a jump (End, Home, Page Down, a link)
// carried past the band in one step.

/** The reading line, as a share of the viewport's height from its top. */
export const READING_LINE = 0.5;

/** Whether an element's top has passed the reading line. */
export function passedReadingLine(el: Element): boolean {
  return el.getBoundingClientRect().top < innerHeight * READING_LINE;
}

/** Runs `fn` at most once a frame while the page scrolls; returns the function that stops it. */
export function onScrollFrame(fn: () => void): () => void {
  let queued = false;
  const onScroll = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
  addEventListener('scroll', onScroll, { passive: true });
  return () => removeEventListener('scroll', onScroll);
}

interface Span {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The share of an element's height a reader sees: inside the viewport and not under `cover`
 * (the place panel, which is a sheet over the article on phones). */
export function shareInView(el: Span, viewportHeight: number, cover?: Span): number {
  const height = el.bottom - el.top;
  if (height <= 0) return 0;
  const top = Math.max(el.top, 0);
  const bottom = Math.min(el.bottom, viewportHeight);
  let seen = Math.max(bottom - top, 0);
  if (cover && seen > 0 && cover.left < el.right && cover.right > el.left) {
    seen -= Math.max(Math.min(bottom, cover.bottom) - Math.max(top, cover.top), 0);
  }
  return seen / height;
}
