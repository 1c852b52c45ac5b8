// Guided reading with a mouse wheel: one notch (120 px) can carry the reading line past more
// than one passage, and the reader must still see each of them, in order: the passage marked
// current and the stepper's count step through every one. Real wheel events on the built seed
// story and on a fixture story of short passages (tests/fixtures/stories-lines).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { PASSAGE_DWELL_MS, READING_LINE } from '../../src/lib/readingLine.ts';
import { browser, siteUrl } from './support/page.ts';
import { buildFixtureSite } from './support/site.ts';

const OUT = '.cache/reading-dist';

/** Every change of the current passage and of the stepper's position, in order, with when it
 * happened: a MutationObserver sees each one, however briefly it lasted. */
async function record(page: Page) {
  await page.evaluate(() => {
    const log: { what: 'passage' | 'stepper'; value: string; t: number }[] = [];
    (window as unknown as { reading: typeof log }).reading = log;
    const stepper = document.querySelector('nav[aria-label="Step through the article"] .position');
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        if (r.type === 'attributes' && el?.getAttribute('aria-current') === 'step') {
          log.push({
            what: 'passage',
            value: el.getAttribute('data-passage')!,
            t: performance.now(),
          });
        }
      }
    }).observe(document.querySelector('article')!, {
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-current'],
    });
    if (stepper) {
      new MutationObserver(() => {
        const value = stepper.textContent!.replace(/\s+/g, ' ').trim();
        if (log.filter((e) => e.what === 'stepper').at(-1)?.value !== value) {
          log.push({ what: 'stepper', value, t: performance.now() });
        }
      }).observe(stepper, { subtree: true, childList: true, characterData: true });
    }
  });
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { reading: { what: string; value: string; t: number }[] }).reading,
    );
}

const current = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('[data-passage][aria-current="step"]')?.getAttribute('data-passage') ??
      null,
  );

/** Scrolls one wheel notch at a time over the article until the last passage is current. */
async function wheelThrough(page: Page, order: string[]) {
  const box = (await page.locator('article').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, 400);
  for (let i = 0; i < 60 && (await current(page)) !== order.at(-1); i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(150);
  }
  await expect.poll(() => current(page), { timeout: 15_000 }).toBe(order.at(-1));
}

const passagesOf = (page: Page) =>
  page.locator('[data-passage]').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-passage')!,
      top: el.getBoundingClientRect().top,
    })),
  );

/** How many passages the first 120 px notch carries past the reading line. */
const crossedByOneNotch = (passages: { top: number }[], viewportHeight: number) =>
  passages.filter((p) => p.top < viewportHeight * READING_LINE + 120).length;

async function readsEveryPassage(page: Page, minimumCrossed: number) {
  const passages = await passagesOf(page);
  const order = passages.map((p) => p.id);
  // The case this is about: one notch takes the line past more than one passage.
  expect(crossedByOneNotch(passages, 800)).toBeGreaterThanOrEqual(minimumCrossed);
  const log = await record(page);
  await wheelThrough(page, order);
  const events = await log();
  const seen = events.filter((e) => e.what === 'passage');
  expect(
    seen.map((e) => e.value),
    'the passages marked current, in order',
  ).toEqual(order);
  expect(
    events.filter((e) => e.what === 'stepper').map((e) => e.value),
    "the stepper's position",
  ).toEqual(order.map((_, i) => `${i + 1} / ${order.length} Passage ${i + 1} of ${order.length}`));
  // Each stayed current long enough to be seen, not a frame's flash (the dwell's timers can be
  // late, never early; a quarter of it allows for when the page drew each change).
  for (let i = 0; i < seen.length - 1; i++) {
    expect(seen[i + 1]!.t - seen[i]!.t, seen[i]!.value).toBeGreaterThanOrEqual(
      PASSAGE_DWELL_MS * 0.75,
    );
  }
}

describe('guided reading, one wheel notch at a time', () => {
  let site: RunningServer;
  beforeAll(async () => {
    buildFixtureSite('tests/fixtures/stories-lines', OUT);
    site = await serve(OUT);
  }, 180_000);
  afterAll(() => site?.close());

  const openAt = async (url: string) => {
    const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    return { page, errors, close: () => context.close() };
  };

  it('the seed story: every passage is current in turn, none skipped', async () => {
    const { page, errors, close } = await openAt(siteUrl('/'));
    try {
      // At 1280×800 the first passage starts above the reading line and the second 115 px
      // below it: the first notch carries both.
      await readsEveryPassage(page, 2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a story of short passages: one notch crosses several, each is current in turn', async () => {
    const { page, errors, close } = await openAt(`${site.url}/lines-demo/`);
    try {
      await readsEveryPassage(page, 3);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a link to a passage lands on it without replaying the passages it scrolls past', async () => {
    const { page, errors, close } = await openAt(siteUrl('/#place=crimea'));
    try {
      const panel = page.getByRole('region', { name: 'Crimea', exact: true });
      await panel.waitFor();
      const log = await record(page);
      await panel.getByRole('link', { name: /Read in the article \(passage 5\)/ }).click();
      await expect.poll(() => current(page)).toBe('crimea-strike');
      // The smooth scroll to it (which can take seconds to start here), and a moment after.
      const centred = () =>
        page.evaluate(() => {
          const r = document
            .querySelector('[data-passage="crimea-strike"]')!
            .getBoundingClientRect();
          return Math.abs((r.top + r.bottom) / 2 - innerHeight / 2) < 2;
        });
      await expect.poll(centred, { timeout: 15_000 }).toBe(true);
      await page.waitForTimeout(1000);
      const seen = (await log()).filter((e) => e.what === 'passage').map((e) => e.value);
      expect(seen).toEqual(['crimea-strike']);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
