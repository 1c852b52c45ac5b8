// The explainer as a reader uses it: text to map, map to text, keyboard only, deep links, guided
// reading. Real Chromium, real WebGL, real clicks and keys; elements found by role and name.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERACTIVE_LAYERS } from '../../src/catalogue/style.ts';
import { camera, featureState, renderedPlaces, screenPoint, visiblePoint } from './support/map.ts';
import { axeViolations } from './support/axe.ts';
import { mapIdle, open, type Opened } from './support/page.ts';

// Crimea's label point and box, from the gazetteer's `crimea` (gazetteer/world.geojson.gz).
const CRIMEA_LABEL: [number, number] = [34.3233, 45.3178];
const CRIMEA_BOX = { west: 32.48, south: 44.38, east: 36.65, north: 46.23 };

let opened: Opened | undefined;
afterEach(async () => {
  if (opened) {
    expect(opened.foreignRequests, 'requests that left localhost').toEqual([]);
    expect(opened.consoleErrors, 'console errors').toEqual([]);
    await opened.close();
  }
  opened = undefined;
});

const panel = (page: Page) => page.getByRole('region', { name: /^Crimea$/ });
const activePassage = (page: Page) =>
  page.locator('[data-passage][aria-current="step"]').getAttribute('data-passage');

const axe = axeViolations;

type MotionWindow = {
  mapExplainer: {
    map: {
      isMoving(): boolean;
      on(type: 'movestart' | 'move' | 'moveend', listener: () => void): void;
      getZoom(): number;
    };
  };
  moves: { type: 'movestart' | 'move' | 'moveend'; t: number; zoom: number }[];
};

describe('text to map', () => {
  it('clicking the "Crimean peninsula" mention highlights Crimea and moves the camera onto it', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const before = await camera(page);
    await page.getByRole('button', { name: 'Crimean peninsula' }).click();
    await expect.poll(() => featureState(page, 'crimea')).toMatchObject({ selected: true });
    await mapIdle(page);
    const after = await camera(page);
    expect(after.zoom).toBeGreaterThan(before.zoom);
    // All of Crimea is in view, and fills a good part of it.
    const [west, south, east, north] = after.bounds;
    expect(west).toBeLessThan(CRIMEA_BOX.west);
    expect(east).toBeGreaterThan(CRIMEA_BOX.east);
    expect(south).toBeLessThan(CRIMEA_BOX.south);
    expect(north).toBeGreaterThan(CRIMEA_BOX.north);
    expect(east - west).toBeLessThan(4 * (CRIMEA_BOX.east - CRIMEA_BOX.west));
    // ...and not under the panel that opened beside it.
    const label = await screenPoint(page, CRIMEA_LABEL);
    const panelBox = (await panel(page).boundingBox())!;
    expect(label.x).toBeLessThan(panelBox.x);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('Crimea');

    // The passage is on screen beside the panel: the panel links to it instead of repeating it.
    const read = panel(page).getByRole('link', { name: 'Read the passage (passage 5)' });
    await read.waitFor();
    expect(await panel(page).textContent()).not.toContain('five US-supplied missiles');
    await read.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-passage')))
      .toBe('crimea-strike');
  });
});

describe('map to text', () => {
  it('clicking Crimea on the map opens a panel with the passage about the missile attack', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    // Where Crimea shows: in the first view the legend may cover its label point.
    const { x, y } = await visiblePoint(page, {
      ll: CRIMEA_LABEL,
      id: 'crimea',
      layers: INTERACTIVE_LAYERS,
    });
    await page.mouse.click(x, y);
    const region = panel(page);
    await region.waitFor();
    await expect.poll(() => region.textContent()).toContain('five US-supplied missiles');
    expect(await region.textContent()).toContain('Annexed by Russia in 2014');
    // The mention of Crimea in the quoted passage is marked.
    expect(await region.locator('mark').allTextContents()).toContain('Crimean peninsula');
    expect(await featureState(page, 'crimea')).toMatchObject({ selected: true });

    // "Read in the article" scrolls to the passage and focuses it.
    await region.getByRole('link', { name: /Read in the article \(passage 5\)/ }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-passage')))
      .toBe('crimea-strike');
  });

  it('the places list opens the same panel', async () => {
    opened = await open('/');
    const { page } = opened;
    await page
      .getByRole('region', { name: 'Places in this story' })
      .getByRole('link', { name: /^Crimea/ })
      .click();
    expect(new URL(page.url()).hash).toBe('#place=crimea');
    await panel(page).waitFor();
    // Passage 5 is off screen at the list, so the panel quotes it.
    await expect.poll(() => panel(page).textContent()).toContain('five US-supplied missiles');
  });
  it('a Ctrl/⌘-click on a place link opens it in a new tab and leaves this page as it was', async () => {
    opened = await open('/');
    const { page } = opened;
    const links = [
      page.getByRole('group', { name: 'Places on the map' }).getByRole('link', { name: 'Crimea' }),
      page
        .getByRole('region', { name: 'Places in this story' })
        .getByRole('link', { name: /^Crimea/ }),
    ];
    // Before hydration a link is a link anyway: wait until the page handles plain clicks.
    await page.waitForFunction(() => performance.getEntriesByName('explainer:end').length > 0);
    for (const link of links) {
      const newTab = page.context().waitForEvent('page');
      await link.click({ modifiers: ['ControlOrMeta'] });
      const tab = await newTab;
      await tab.waitForLoadState('domcontentloaded');
      expect(new URL(tab.url()).hash).toBe('#place=crimea');
      await tab.close();
      expect(new URL(page.url()).hash).not.toBe('#place=crimea');
      expect(await panel(page).count()).toBe(0);
    }
  });
});

describe('keyboard only', () => {
  it('Tab to a mention, Enter opens the panel, Escape closes it and focus returns', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const mention = page.getByRole('button', { name: 'Crimean peninsula' });
    let focused = false;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await mention.evaluate((el) => el === document.activeElement);
    }
    expect(focused, 'the mention is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    // Focus moved into the panel, to its heading.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Crimea');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    expect(await mention.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('steps through passages with the buttons and with Alt+↓', async () => {
    opened = await open('/');
    const { page } = opened;
    await page.getByRole('button', { name: /Next passage/ }).click();
    await expect.poll(() => activePassage(page)).toBe('first-call');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => activePassage(page)).toBe('pentagon-account');
    expect(new URL(page.url()).hash).toBe('#passage=pentagon-account');
  });
});

describe('deep links', () => {
  it('#place=crimea opens the page with the panel open', async () => {
    opened = await open('/#place=crimea');
    const { page } = opened;
    await panel(page).waitFor();
    await mapIdle(page);
    await expect.poll(() => featureState(page, 'crimea')).toMatchObject({ selected: true });
  });

  it('#passage=<id> opens the page at that passage; back and forward restore state', async () => {
    opened = await open('/black-sea-call/#passage=black-sea-drone');
    const { page } = opened;
    await expect.poll(() => activePassage(page)).toBe('black-sea-drone');
    await expect.poll(() => page.getByText(/downing of an American drone/).isVisible()).toBe(true);
    await mapIdle(page);
    expect(await renderedPlaces(page, ['place-point'])).toContain('drone-downing');

    await page.getByRole('button', { name: 'Crimean peninsula' }).click();
    await panel(page).waitFor();
    expect(new URL(page.url()).hash).toBe('#place=crimea');
    await page.goBack();
    await panel(page).waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe('#passage=black-sea-drone');
    await page.goForward();
    await panel(page).waitFor();
  });

  it('ignores unknown and hostile hashes', async () => {
    opened = await open('/#place=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    const { page } = opened;
    await mapIdle(page);
    expect(await page.locator('#place-panel').count()).toBe(0);
    expect(await page.locator('img[onerror]').count()).toBe(0);
  });
});

describe('guided reading', () => {
  it('scrolling through the article activates each passage in order', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const order = await page
      .locator('[data-passage]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-passage')));
    const seen: string[] = [];
    await page.mouse.move(900, 400);
    // 60 px steps, as a trackpad scrolls: at 1280×800 the first passage starts 30 px above the
    // reading line and the second 115 px below it, so one 120 px wheel notch carries both across
    // (reading.test.ts scrolls by whole notches).
    for (let i = 0; i < 120 && seen.length < order.length; i++) {
      await page.mouse.wheel(0, 60);
      await page.waitForTimeout(60);
      const id = await activePassage(page);
      if (id && seen.at(-1) !== id) seen.push(id);
    }
    expect(seen).toEqual(order);
  });

  it('a jump (End, Home, a link) activates the passage it lands on', async () => {
    opened = await open('/');
    const { page } = opened;
    const order = await page
      .locator('[data-passage]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-passage')));
    // One step each way, no scrolling in between: nothing crosses the middle on the way.
    await page.evaluate(() => scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
    await expect.poll(() => activePassage(page)).toBe(order.at(-1));
    await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => activePassage(page)).toBe(order[0]);
  });

  it('fast scrolling leaves only the latest passage on the map', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    await page.mouse.move(900, 400);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
    await mapIdle(page);
    const id = await activePassage(page);
    const active = await page.evaluate(() => {
      const map = (window as unknown as { mapExplainer: { map: { getStyle(): unknown } } })
        .mapExplainer.map as unknown as {
        querySourceFeatures(s: string): { properties: { id: string } }[];
        getFeatureState(f: { source: string; id: string }): { active?: boolean };
      };
      const ids = [...new Set(map.querySourceFeatures('places').map((f) => f.properties.id))];
      return ids.filter((i) => map.getFeatureState({ source: 'places', id: i }).active);
    });
    const expected = await page.evaluate((pid) => {
      const data = JSON.parse(document.getElementById('page-data')!.textContent!);
      return data.story.passages.find((p: { id: string }) => p.id === pid).view.layers;
    }, id);
    expect(active.sort()).toEqual([...expected].sort());
  });
});

describe('far places', () => {
  it('a passage about far places lists them and shows them on a locator map, against the main view', async () => {
    opened = await open('/#passage=pentagon-account');
    const { page } = opened;
    const far = page.getByRole('region', { name: 'Far from this view' });
    await expect
      .poll(() => far.getByRole('button').allInnerTexts())
      .toEqual(['The Pentagon\n8,200 km away', 'United States\n9,300 km away']);
    // The locator: one dot per inset place, west of the dashed box of the Black Sea view.
    const dots = await far
      .locator('svg circle')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    const view = Number(await far.locator('svg rect').nth(1).getAttribute('x'));
    expect(dots).toHaveLength(2);
    for (const x of dots) expect(x).toBeLessThan(view);
    // A passage with no far places has no such region.
    await page.evaluate(() => (location.hash = '#passage=black-sea-drone'));
    await expect.poll(() => far.count()).toBe(0);
  });
});

describe('access', () => {
  it('has no axe violations at first, with a panel open, and at a phone viewport', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Crimean peninsula' }).click();
    await panel(page).waitFor();
    expect(await axe(page)).toEqual([]);
    await opened.close();

    opened = await open('/', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await mapIdle(opened.page);
    expect(await axe(opened.page)).toEqual([]);
  });

  it('has no axe violations in the dark theme', async () => {
    opened = await open('/', { colorScheme: 'dark' });
    await mapIdle(opened.page);
    expect(await axe(opened.page)).toEqual([]);
  });

  it('the map has a name, a description from the data, and a skip link to the places list', async () => {
    opened = await open('/');
    const { page } = opened;
    const map = page.getByRole('region', { name: /^Map:/ });
    const description = await map.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
    );
    expect(description).toContain('Crimea');
    expect(description).toContain('Claimed by Russia, 2022');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the list of places' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#places');
  });

  it('jumps instead of flying under prefers-reduced-motion', async () => {
    opened = await open('/', { reducedMotion: 'reduce' });
    const { page } = opened;
    await mapIdle(page);
    const before = await camera(page);
    // Every camera move from the click on: its events, when, and where the camera was.
    await page.evaluate(() => {
      const w = window as unknown as MotionWindow;
      const map = w.mapExplainer.map;
      w.moves = [];
      for (const type of ['movestart', 'move', 'moveend'] as const) {
        map.on(type, () => w.moves.push({ type, t: performance.now(), zoom: map.getZoom() }));
      }
    });
    await page.getByRole('button', { name: 'Crimean peninsula' }).click();
    // A jump has already arrived when the click returns; a flight would still be moving.
    const moving = await page.evaluate(() =>
      (window as unknown as MotionWindow).mapExplainer.map.isMoving(),
    );
    expect(moving, 'still moving after the click').toBe(false);

    // The click had its effect: the panel opened, Crimea is selected, the camera is on Crimea.
    await panel(page).waitFor({ timeout: 15_000 });
    expect(await featureState(page, 'crimea')).toMatchObject({ selected: true });
    await mapIdle(page);
    const after = await camera(page);
    expect(after.zoom).toBeGreaterThan(before.zoom);
    const [west, south, east, north] = after.bounds;
    expect(west).toBeLessThan(CRIMEA_BOX.west);
    expect(east).toBeGreaterThan(CRIMEA_BOX.east);
    expect(south).toBeLessThan(CRIMEA_BOX.south);
    expect(north).toBeGreaterThan(CRIMEA_BOX.north);

    // ...by jumps: the map moved, and each move drew one frame, at once. A flight (or any
    // animation) draws many frames over its duration, each a move event between start and end.
    const moves = await page.evaluate(() => (window as unknown as MotionWindow).moves);
    expect(moves.filter((m) => m.type === 'move').length, 'move events').toBeGreaterThan(0);
    const episodes: { frames: number; ms: number }[] = [];
    let start: number | undefined;
    let frames = 0;
    for (const m of moves) {
      if (m.type === 'movestart') [start, frames] = [m.t, 0];
      else if (m.type === 'move') frames++;
      else if (start !== undefined) {
        episodes.push({ frames, ms: m.t - start });
        start = undefined;
      }
    }
    expect(start, 'a move still open').toBeUndefined();
    expect(episodes.length).toBeGreaterThan(0);
    for (const e of episodes) {
      expect(e.frames, 'frames drawn in one move').toBe(1);
      expect(e.ms, 'duration of one move').toBeLessThan(16);
    }
    expect(moves.at(-1)!.zoom).toBeCloseTo(after.zoom, 6);
  });
});
