// A news page never shows a blank box: without JavaScript, without WebGL, after losing the WebGL
// context, with a corrupt data file or corrupt page data, the reader keeps the text, the places
// and a useful static map; and the live map replaces the static one without a layout shift.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROME_ARGS, findChrome } from './support/chrome.ts';
import { openGuarded, type Guarded } from './support/guard.ts';
import { featureState, screenPoint } from './support/map.ts';
import { mapIdle } from './support/page.ts';

const site = () => inject('siteUrl');
let opened: Guarded | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

const staticMap = (page: Page) => page.getByRole('group', { name: 'Places on the map' });
const mapRegion = (page: Page) => page.getByRole('region', { name: /^Map:/ });
const live = (page: Page) => mapIdle(page);
/** The live map starts when the reader reaches for it. */
const reach = (page: Page) => mapRegion(page).hover({ position: { x: 5, y: 5 }, force: true });
const note = (page: Page) => mapRegion(page).getByRole('status');

/** Tabs until the focused element has this accessible label; false when it never comes. */
async function tabTo(page: Page, label: string, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (now === label) return true;
  }
  return false;
}

describe('without JavaScript', () => {
  it('shows the passages, the places list and the static map, and every place is reachable', async () => {
    opened = await openGuarded(site(), '/', { javaScriptEnabled: false });
    const { page } = opened;
    const passages = page.locator('[data-passage]');
    expect(await passages.count()).toBeGreaterThan(5);
    // Passages render in the page's first frame (content-visibility): read once it is drawn.
    await expect.poll(() => passages.first().innerText()).toMatch(/\w{4,}/);
    await page.getByRole('heading', { name: 'Places in this story' }).waitFor();
    const listed = page
      .getByRole('region', { name: 'Places in this story' })
      .getByRole('link', { name: /^Crimea \d+ mentions?$/ });
    expect(await listed.count()).toBe(1);
    await staticMap(page).waitFor();
    expect(await staticMap(page).getByRole('link').count()).toBeGreaterThan(5);
    const basemap = await page.locator('.static-map img').evaluate((img: HTMLImageElement) => {
      return img.complete ? img.naturalWidth : img.decode().then(() => img.naturalWidth);
    });
    expect(basemap, 'the basemap image loaded').toBeGreaterThan(0);

    // A place on the static map opens its card; the card leads to the passages.
    const crimea = staticMap(page).getByRole('link', { name: 'Crimea', exact: true });
    await crimea.focus();
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: 'Crimea' });
    await card.waitFor();
    expect(new URL(page.url()).hash).toBe('#place=crimea');
    expect(await card.innerText()).toMatch(/Annexed by Russia in 2014/);
    await card
      .getByRole('link', { name: /^passage \d+$/ })
      .first()
      .click();
    const target = page.locator('[data-passage]:target');
    await target.waitFor();
    // Rendered in the frame after the jump (content-visibility): read it once it is.
    await expect.poll(() => target.innerText()).toMatch(/Crimea/);
    // The places list leads to the same card.
    await page.goto(page.url().replace(/#.*/, ''));
    await listed.click();
    await card.waitFor();
    expect(new URL(page.url()).hash).toBe('#place=crimea');
    expect(opened.foreignRequests).toEqual([]);
  });
});

describe('without WebGL (--disable-webgl)', () => {
  let noWebgl: Browser;
  beforeAll(async () => {
    noWebgl = await chromium.launch({
      executablePath: findChrome(),
      args: [...CHROME_ARGS, '--disable-webgl'],
      headless: true,
    });
  });
  afterAll(() => noWebgl?.close());

  it('keeps the static map with a note, and its places open the panel by keyboard', async () => {
    opened = await openGuarded(site(), '/', { browser: noWebgl });
    const { page } = opened;
    const hasWebgl = await page.evaluate(() => {
      const c = document.createElement('canvas');
      return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
    });
    expect(hasWebgl, 'the flag really disables WebGL').toBe(false);

    await reach(page);
    await note(page).waitFor({ timeout: 30_000 });
    const fallbackMs = await page.evaluate(() => Math.round(performance.now()));
    console.log(`[resilience] no WebGL: note shown ${fallbackMs} ms after navigation`);
    expect(await note(page).innerText()).toMatch(/could not start.*WebGL is unavailable/);
    expect(await mapRegion(page).getAttribute('aria-busy')).toBe('false');
    expect(await staticMap(page).isVisible()).toBe(true);
    expect(await page.locator('.map-canvas canvas').count()).toBe(0);
    expect(await page.locator('.map-canvas[inert]').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Reset view' }).count()).toBe(0);

    // An area and a point, each reached with Tab and opened with Enter.
    for (const name of ['Crimea', 'Kyiv']) {
      expect(await tabTo(page, name), `Tab reaches ${name}`).toBe(true);
      await page.keyboard.press('Enter');
      const panel = page.getByRole('region', { name });
      await panel.waitFor();
      expect(await panel.innerText()).toMatch(/In the article/);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
        'focus returns to the place on the map',
      ).toBe(name);
    }
    // The note can be put away; the map stays.
    await mapRegion(page).getByRole('button', { name: 'Dismiss this note' }).click();
    expect(await note(page).count()).toBe(0);
    expect(await staticMap(page).isVisible()).toBe(true);
    // The mouse reaches the static map too: nothing invisible lies over it.
    const kyiv = staticMap(page).getByRole('link', { name: 'Kyiv' });
    await kyiv.click();
    await page.getByRole('region', { name: 'Kyiv' }).waitFor();
    expect(opened.consoleWarnings.join('\n')).toMatch(/WebGL2 is unavailable/);
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.foreignRequests).toEqual([]);
  });
});

describe('losing the WebGL context', () => {
  /** Loses the live map's context through WEBGL_lose_context; keeps the extension to restore it. */
  const lose = (page: Page) =>
    page.evaluate(() => {
      type W = { mapExplainer: { map: { getCanvas(): HTMLCanvasElement } }; lostExt?: unknown };
      const w = window as unknown as W;
      const gl = w.mapExplainer.map.getCanvas().getContext('webgl2')!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      w.lostExt = ext;
      ext.loseContext();
    });
  const canvasId = (page: Page) =>
    page.evaluate(() => {
      type W = { mapExplainer: { map: { getCanvas(): HTMLCanvasElement } } };
      const canvas = (window as unknown as W).mapExplainer.map.getCanvas();
      canvas.dataset.seen ??= String(Math.random());
      return canvas.dataset.seen;
    });

  it('falls back to the static map, stays usable, and recovers when the context returns', async () => {
    opened = await openGuarded(site(), '/');
    const { page } = opened;
    await live(page);
    await page.getByRole('link', { name: /^Kyiv \d+ mentions?$/ }).click();
    await page.getByRole('region', { name: 'Kyiv' }).waitFor();
    await mapIdle(page);

    // In one go, well inside the map's 3 s wait for a restore: lose the context, pick another
    // place while it is gone, look at the page, then hand the context back.
    await lose(page);
    const whileLost = await page.evaluate(async () => {
      await new Promise((ok) => setTimeout(ok, 150));
      (document.querySelector('#places a[data-place="crimea"]') as HTMLElement).click();
      await new Promise((ok) => setTimeout(ok, 150));
      const seen = {
        note: document.querySelector('.map [role="status"]')?.textContent ?? '',
        staticShown: !!document.querySelector('.static-map')?.checkVisibility(),
        canvasHidden: !document.querySelector('.map-canvas canvas')?.checkVisibility({
          visibilityProperty: true,
        }),
        panel: document.getElementById('panel-title')?.textContent ?? '',
      };
      (window as unknown as { lostExt: { restoreContext(): void } }).lostExt.restoreContext();
      return seen;
    });
    expect(whileLost).toEqual({
      note: expect.stringMatching(/graphics context was lost/),
      staticShown: true,
      canvasHidden: true,
      panel: 'Crimea',
    });

    await live(page);
    expect(await note(page).count()).toBe(0);
    expect(await staticMap(page).isVisible()).toBe(false);
    // The highlights MapLibre dropped with the context are back, in their latest state.
    await expect.poll(() => featureState(page, 'crimea')).toMatchObject({ selected: true });
    expect(await featureState(page, 'kyiv')).toMatchObject({ selected: false });
    expect(opened.consoleErrors).toEqual([]);
  });

  it('starts the map again on a new canvas when the context never comes back', async () => {
    opened = await openGuarded(site(), '/');
    const { page } = opened;
    await live(page);
    const before = await canvasId(page);
    const lostAt = Date.now();
    await lose(page);
    await note(page).waitFor();
    await page.locator('.map:not(.live)').waitFor();
    // Usable meanwhile; the new map starts with the reader's selection.
    await page.getByRole('link', { name: /^Crimea \d+ mentions?$/ }).click();
    await page.getByRole('region', { name: 'Crimea' }).waitFor();
    await live(page);
    await expect.poll(() => featureState(page, 'crimea')).toMatchObject({ selected: true });
    console.log(
      `[resilience] lost context, never restored: live again after ${Date.now() - lostAt} ms`,
    );
    expect(await canvasId(page)).not.toBe(before);
    expect(await note(page).count()).toBe(0);
    expect(opened.consoleErrors).toEqual([]);
  });
});

describe('a data file that fails', () => {
  const PLACES = '**/black-sea-call/places.geojson';

  it.each([
    ['is corrupt', 'is not valid JSON (the file is corrupt or truncated)'],
    ['does not arrive', 'could not be fetched'],
  ])('%s: text, static map, a clear message and a Retry that works', async (how, reason) => {
    opened = await openGuarded(site(), '/', {
      before: (page) =>
        page.route(PLACES, (route) =>
          how === 'is corrupt'
            ? route.fulfill({
                status: 200,
                contentType: 'application/geo+json',
                body: '{"type":"Feat\u0000',
              })
            : route.abort('connectionreset'),
        ),
    });
    const { page } = opened;
    const alert = mapRegion(page).getByRole('alert');
    await reach(page);
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /map's data could not be loaded \(black-sea-call\/places\.geojson\)/,
    );
    // The console says which file and why.
    expect(
      opened.consoleErrors.some((e) => e.includes(`black-sea-call/places.geojson: ${reason}`)),
    ).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await staticMap(page).isVisible()).toBe(true);
    expect(await mapRegion(page).getAttribute('aria-busy')).toBe('false');

    await page.unroute(PLACES);
    opened.consoleErrors.length = 0;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await live(page);
    expect(await alert.count()).toBe(0);
    expect(opened.consoleErrors).toEqual([]);
  });

  it('the basemap archive is corrupt: the same message and Retry', async () => {
    const REGION = '**/tiles/world.pmtiles';
    opened = await openGuarded(site(), '/', {
      before: (page) =>
        page.route(REGION, (route) =>
          route.fulfill({
            status: 200,
            contentType: 'application/octet-stream',
            body: 'not a PMTiles archive',
          }),
        ),
    });
    const { page } = opened;
    const alert = mapRegion(page).getByRole('alert');
    await reach(page);
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/could not be loaded \(tiles\/world\.pmtiles\)/);
    expect(opened.consoleErrors.some((e) => e.includes('tiles/world.pmtiles: '))).toBe(true);
    expect(await staticMap(page).isVisible()).toBe(true);
    await page.unroute(REGION);
    opened.consoleErrors.length = 0;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await live(page);
    expect(opened.consoleErrors).toEqual([]);
  });

  it('corrupt page data: the prerendered page stays readable and the console says why', async () => {
    opened = await openGuarded(site(), '/black-sea-call/', {
      before: (page) =>
        page.route('**/black-sea-call/', async (route) => {
          const response = await route.fetch();
          const html = (await response.text()).replace(
            /(<script type="application\/json" id="page-data">)[^<]*/,
            '$1{"story": {"title": ',
          );
          await route.fulfill({ response, body: html, headers: { 'content-type': 'text/html' } });
        }),
    });
    const { page } = opened;
    await page.waitForLoadState('load');
    await expect.poll(() => opened!.consoleErrors.join('\n')).toMatch(/explainer could not start/);
    expect(opened.consoleErrors.some((e) => e.startsWith('pageerror'))).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('[data-passage]').count()).toBeGreaterThan(5);
    expect(await staticMap(page).isVisible()).toBe(true);
  });
});

describe('a slow start', () => {
  it('a mention clicked before the article has hydrated opens its place once it has', async () => {
    opened = await openGuarded(site(), '/black-sea-call/', {
      // Every zero-delay timer waits 700 ms, start-up's yields between its islands among them
      // (src/app/main.ts): the article hydrates seconds after the page is on screen.
      before: (page) =>
        page.addInitScript(() => {
          const wait = window.setTimeout;
          window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) =>
            wait(handler, ms || 700, ...rest)) as typeof window.setTimeout;
        }),
    });
    const { page } = opened;
    const hydrated = (island: string) =>
      page.evaluate(
        (name) => performance.getEntriesByName(`explainer:hydrate ${name}`).length > 0,
        island,
      );
    await expect.poll(() => hydrated('map'), { timeout: 15_000 }).toBe(true);
    expect(await hydrated('article')).toBe(false);
    await page.getByRole('button', { name: 'Crimean peninsula' }).click();
    expect(await hydrated('article')).toBe(false);
    await page.getByRole('region', { name: /^Crimea$/ }).waitFor({ timeout: 15_000 });
    expect(await hydrated('article')).toBe(true);
    expect(new URL(page.url()).hash).toBe('#place=crimea');
  });
});

describe('the swap from static to live map', () => {
  /** Sums layout-shift entries (without recent input) from navigation until well after idle. */
  async function cls(viewport: { width: number; height: number }) {
    opened = await openGuarded(site(), '/', {
      viewport,
      before: (page) =>
        page.addInitScript(() => {
          const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
          w.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
              sources?: {
                node?: Node;
                previousRect: DOMRectReadOnly;
                currentRect: DOMRectReadOnly;
              }[];
            })[]) {
              if (e.hadRecentInput) continue;
              // What moved, from where to where, and when: enough to find the cause in a CI log.
              const sources = (e.sources ?? []).map(
                (s) =>
                  `${s.node instanceof Element ? s.node.className.toString() : String(s.node?.nodeName)} ` +
                  `${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)} at ${Math.round(e.startTime)} ms`,
              );
              w.__shifts.push({ value: e.value, sources });
            }
          }).observe({ type: 'layout-shift', buffered: true });
        }),
    });
    const { page } = opened;
    await live(page);
    await page.waitForTimeout(1000);
    const shifts = await page.evaluate(
      () => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
    );
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    console.log(`[resilience] CLS ${viewport.width}×${viewport.height}: ${total}`);
    expect(opened.consoleErrors).toEqual([]);
    return { total, shifts };
  }

  // Kyiv, a point drawn on both maps: where the static map put it, the live map must too.
  const kyiv = () => {
    const places = JSON.parse(
      readFileSync('dist/black-sea-call/places.geojson', 'utf8'),
    ) as FeatureCollection<Point>;
    return places.features.find((f) => f.properties?.id === 'kyiv')!.geometry.coordinates as [
      number,
      number,
    ];
  };

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`draws the live map where the static map was, ${viewport.width}×${viewport.height}`, async () => {
      opened = await openGuarded(site(), '/', { viewport });
      const { page } = opened;
      const symbol = staticMap(page).getByRole('link', { name: 'Kyiv' }).locator('.symbol');
      const before = (await symbol.boundingBox())!;
      await live(page);
      const after = await screenPoint(page, kyiv());
      const moved = Math.hypot(
        after.x - (before.x + before.width / 2),
        after.y - (before.y + before.height / 2),
      );
      console.log(`[resilience] Kyiv moved ${moved.toFixed(1)} px at ${viewport.width}`);
      expect(moved).toBeLessThan(3);
    });
  }

  it('shifts nothing on a wide screen (CLS 0)', async () => {
    const { total, shifts } = await cls({ width: 1280, height: 800 });
    expect(shifts, 'layout shifts').toEqual([]);
    expect(total).toBe(0);
  });

  it('shifts nothing on a phone (CLS 0)', async () => {
    const { total, shifts } = await cls({ width: 390, height: 844 });
    expect(shifts, 'layout shifts').toEqual([]);
    expect(total).toBe(0);
  });
});
