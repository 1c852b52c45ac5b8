// Which passage is being read, for the story page and for a host page's own paragraphs alike:
// the last one whose top has passed the reading line (the middle of the viewport), so the map
// keeps it through the gap to the next. Read from positions on every scroll, once a frame: an
// observer of a band across the middle missed passages that a jump (End, Home, Page Down, a link)
// carried past the band in one step. On the story page a scroll that carries the line across
// several passages activates each in turn (followReadingLine): one wheel notch is 100-120 px, more
// than a short passage.

/** The reading line, as a share of the viewport's height from its top. */
export const READING_LINE = 0.5;

/** Whether an element's top has passed the reading line (by default the viewport's; a host page
 * with a map pinned at its top reads in what the map leaves free). */
export function passedReadingLine(el: Element, line = innerHeight * READING_LINE): boolean {
  return el.getBoundingClientRect().top < line;
}

/** How long each passage the reading line crossed stays active before the next one gets its
 * turn: long enough for its highlight, the stepper's count and the map's first move towards it
 * to register, short enough to keep up with a reader who keeps scrolling (about 500 px a second
 * over the seed story's passages; one who outruns it by a screen jumps, see nextPassage). */
export const PASSAGE_DWELL_MS = 400;

/** The passage at the reading line `line`: the last whose top has passed it, else the first.
 * `tops` in reading order, in the same coordinates as `line`. */
export function passageAtLine(tops: readonly number[], line: number): number {
  let at = 0;
  tops.forEach((top, i) => {
    if (top < line) at = i;
  });
  return at;
}

/**
 * The passage to activate next on the way from `shown` to `target` (indices in reading order;
 * `shown` -1 when none is yet). The next one along, so that every passage the line crossed
 * gets its turn, in order; or `target` itself when it lies more than `span` px (a screen) from
 * `shown`: End, Home, a link or a fling is a jump, and the reader expects to land, not to watch
 * the map replay the article.
 */
export function nextPassage(
  tops: readonly number[],
  shown: number,
  target: number,
  span: number,
): number {
  if (shown === target) return target;
  const here = tops[Math.max(shown, 0)] ?? 0;
  if (Math.abs((tops[target] ?? 0) - here) > span) return target;
  return shown + Math.sign(target - shown);
}

/** What the reader does to scroll the page themselves (a step's or a link's scroll is none). */
const READER_SCROLLS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Guided reading by the reading line. On every scroll (once a frame) the passage at the line
 * becomes active by way of each passage between (nextPassage), one per PASSAGE_DWELL_MS; a jump
 * goes at once. `hold()` says a step or a link has chosen the passage and scrolls to it: the
 * line is ignored, or the passages that scroll sweeps past would flash by on the way, until the
 * passage is at the line, the scroll has ended, or the reader scrolls themselves. Returns the
 * follower; `stop()` removes its listeners and timers.
 */
export function followReadingLine(o: {
  /** The passages' elements, in reading order. */
  passages: readonly Element[];
  /** The index of the active passage, -1 when none is. */
  current: () => number;
  activate: (index: number) => void;
}): { hold(): void; stop(): void } {
  let last = -Infinity;
  let next: ReturnType<typeof setTimeout> | undefined;
  let held = false;

  const advance = () => {
    clearTimeout(next);
    const tops = o.passages.map((p) => p.getBoundingClientRect().top);
    const target = passageAtLine(tops, innerHeight * READING_LINE);
    const shown = o.current();
    // A smooth scroll can start long after the step that asked for it: only its arrival (or its
    // end, or the reader) lets the line take over again.
    if (held && target !== shown) return;
    held = false;
    const to = nextPassage(tops, shown, target, innerHeight);
    if (to === shown) return;
    // One step at a time waits out the dwell; a jump does not wait.
    const wait = Math.abs(to - shown) > 1 ? 0 : last + PASSAGE_DWELL_MS - performance.now();
    if (wait > 0) {
      next = setTimeout(advance, wait);
      return;
    }
    last = performance.now();
    o.activate(to);
    if (to !== target) next = setTimeout(advance, PASSAGE_DWELL_MS);
  };
  const release = () => {
    held = false;
  };
  const onScrollEnd = () => {
    release();
    advance();
  };
  for (const type of READER_SCROLLS) addEventListener(type, release, { passive: true });
  addEventListener('scrollend', onScrollEnd);
  const stopFrames = onScrollFrame(advance);
  return {
    hold() {
      held = true;
      last = performance.now();
      clearTimeout(next);
    },
    stop() {
      clearTimeout(next);
      stopFrames();
      for (const type of READER_SCROLLS) removeEventListener(type, release);
      removeEventListener('scrollend', onScrollEnd);
    },
  };
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
