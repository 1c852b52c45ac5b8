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
