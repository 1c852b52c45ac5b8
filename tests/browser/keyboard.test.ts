// The live map by keyboard, as a reader without a pointer uses it: Tab to the map, the arrows
// move a focus from place to place (drawn on the map and said in the live region), Enter opens
// the place's panel as a click does, Escape comes back to the map. Real MapLibre, real keys.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS, type PlaceKind } from '../../src/catalogue/kinds.ts';
import { axeViolations } from './support/axe.ts';
import { INTERACTIVE_LAYERS } from '../../src/catalogue/style.ts';
import { camera, featureState, renderedPlaces } from './support/map.ts';
import { mapIdle, open, type Opened } from './support/page.ts';
import { contrastRatio, pixelAt } from './support/pixels.ts';

let opened: Opened | undefined;
afterEach(async () => {
  if (opened) {
    expect(opened.foreignRequests, 'requests that left localhost').toEqual([]);
    expect(opened.consoleErrors, 'console errors').toEqual([]);
    await opened.close();
  }
  opened = undefined;
});

interface Place {
  id: string;
  label: string;
  kind: PlaceKind;
}

/** The story's places, from the page's own data. */
const storyPlaces = (page: Page): Promise<Place[]> =>
  page.evaluate(() => {
    const data = JSON.parse(document.getElementById('page-data')!.textContent!);
    return Object.values(data.story.places as Record<string, Place>).map(({ id, label, kind }) => ({
      id,
      label,
      kind,
    }));
  });

const liveMap = (page: Page) => page.getByRole('region', { name: /^Interactive map/ });
const announced = (page: Page) => page.locator('[aria-live="polite"]').innerText();
const isFocused = (page: Page) => liveMap(page).evaluate((el) => el === document.activeElement);

/** Tab from the top of the page until the live map has focus, as a reader does. */
async function tabToMap(page: Page) {
  for (let i = 0; i < 80 && !(await isFocused(page)); i++) await page.keyboard.press('Tab');
  expect(await isFocused(page), 'the live map is reachable with Tab').toBe(true);
}

/** The place the live region names after a key, checked against the story's words. */
async function focusedPlace(page: Page, places: Place[], previous = ''): Promise<Place> {
  await expect.poll(() => announced(page)).not.toBe(previous);
  const said = (await announced(page)).trim();
  const place = places.find(
    (p) => said === `${p.label}, ${KINDS[p.kind].word.toLowerCase()}. Press Enter to open.`,
  );
  expect(place, `"${said}" names a place of the story, with its kind`).toBeDefined();
  return place!;
}

describe('the live map by keyboard', () => {
  it('Tab to the map, an arrow focuses a place, Enter opens its panel, Escape comes back', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const places = await storyPlaces(page);
    await tabToMap(page);
    const before = await camera(page);

    await page.keyboard.press('ArrowRight');
    const place = await focusedPlace(page, places);
    // Drawn on the map, and the arrow did not pan it.
    await expect.poll(() => featureState(page, place.id)).toMatchObject({ focus: true });
    expect((await camera(page)).center).toEqual(before.center);

    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: place.label, exact: true });
    await panel.waitFor();
    expect(new URL(page.url()).hash).toBe(`#place=${place.id}`);
    await expect.poll(() => featureState(page, place.id)).toMatchObject({ selected: true });

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await isFocused(page), 'focus is back on the map').toBe(true);
    // The focus is where the reader left it: the next arrow goes on from that place.
    expect(await featureState(page, place.id)).toMatchObject({ focus: true });

    // Escape on the map lets the focus go.
    await page.keyboard.press('Escape');
    await expect.poll(() => featureState(page, place.id)).toMatchObject({ focus: false });
    expect(await isFocused(page)).toBe(true);
  });

  it('arrows go to the nearest place that way on screen, and say when there is none', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const places = await storyPlaces(page);
    await tabToMap(page);
    // The places the view draws, in the places list's order.
    const drawn = await renderedPlaces(page, INTERACTIVE_LAYERS);
    const listed = await page
      .getByRole('region', { name: 'Places in this story' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-place')!));
    const shown = listed.filter((id) => drawn.includes(id));
    expect(shown.length).toBeGreaterThan(2);
    // Home: the first of them.
    await page.keyboard.press('Home');
    let place = await focusedPlace(page, places);
    expect(place.id).toBe(shown[0]);

    // Where each place is reached on screen: its label point or the middle of its box, kept
    // inside the view.
    const xOf = (id: string) =>
      page.evaluate((id) => {
        const data = JSON.parse(document.getElementById('page-data')!.textContent!);
        const p = data.story.places[id];
        const [[w, s], [e, n]] = p.bounds;
        const ll = p.label_point ?? [(w + e) / 2, (s + n) / 2];
        const map = (
          window as unknown as {
            mapExplainer: { map: { project(ll: number[]): { x: number }; getCanvas(): Element } };
          }
        ).mapExplainer.map;
        return Math.min(Math.max(map.project(ll).x, 0), map.getCanvas().clientWidth);
      }, id);

    // Left from the first place until the map says there is nothing further: each step goes left.
    const visited = [place.id];
    let x = await xOf(place.id);
    for (let i = 0; i < 20; i++) {
      const said = await announced(page);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => announced(page)).not.toBe(said);
      if ((await announced(page)).trim() === 'No other place to the left.') break;
      place = await focusedPlace(page, places, said);
      const nx = await xOf(place.id);
      expect(nx, `${place.id} is left of the last place`).toBeLessThanOrEqual(x);
      x = nx;
      visited.push(place.id);
    }
    expect((await announced(page)).trim()).toBe('No other place to the left.');
    expect(visited.length, `visited ${visited.join(', ')}`).toBeGreaterThan(1);
    expect(new Set(visited).size).toBe(visited.length);
    // End: the last of them.
    await page.keyboard.press('End');
    place = await focusedPlace(page, places, 'No other place to the left.');
    expect(place.id).toBe(shown.at(-1));
  });

  it('Shift and an arrow pan the map; plus zooms', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    await tabToMap(page);
    const before = await camera(page);
    await page.keyboard.press('Shift+ArrowRight');
    await mapIdle(page);
    const panned = await camera(page);
    expect(panned.center[0]).toBeGreaterThan(before.center[0]);
    expect(panned.zoom).toBeCloseTo(before.zoom, 6);
    await page.keyboard.press('+');
    await mapIdle(page);
    expect((await camera(page)).zoom).toBeGreaterThan(panned.zoom);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws a focus ring on the map that a reader can see (${scheme})`, async () => {
      opened = await open('/', { colorScheme: scheme });
      const { page } = opened;
      await mapIdle(page);
      const map = liveMap(page);
      const edge = async () => {
        const box = (await map.boundingBox())!;
        return pixelAt(page, { x: box.x + 1, y: box.y + box.height / 2 });
      };
      const unfocused = await edge();
      await tabToMap(page);
      const ring = await map.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          width: parseFloat(s.outlineWidth),
          style: s.outlineStyle,
          colour: s.outlineColor,
          page: getComputedStyle(document.documentElement).backgroundColor,
          sea: getComputedStyle(el.closest('.map')!).backgroundColor,
        };
      });
      expect(ring.width).toBeGreaterThan(0);
      expect(ring.style).toBe('solid');
      // WCAG 1.4.11: 3:1 against the page round the map and the sea it is drawn over.
      expect(contrastRatio(ring.colour, ring.page)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(ring.colour, ring.sea)).toBeGreaterThanOrEqual(3);
      // ...and it is on screen: the map's edge takes the ring's colour (the map clips what is
      // drawn outside it).
      const focused = await edge();
      expect(focused, `edge pixel ${unfocused} → ${focused}`).toEqual(
        ring.colour.match(/\d+/g)!.slice(0, 3).map(Number),
      );
    });
  }

  it('a reader tabbing through the static map goes on, on the live map, from the same place', async () => {
    // No pointer: the focus alone starts the live map.
    opened = await open('/');
    const { page } = opened;
    const places = await storyPlaces(page);
    const staticMap = page.getByRole('group', { name: 'Places on the map' });
    const onStatic = () => staticMap.evaluate((el) => el.contains(document.activeElement));
    for (let i = 0; i < 40 && !(await onStatic()); i++) await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(name, 'a place of the static map has focus').toBeTruthy();
    await page.locator('.map.live[aria-busy="false"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => isFocused(page), { timeout: 10_000 }).toBe(true);
    const place = await focusedPlace(page, places);
    expect(place.label).toBe(name);
    expect(await featureState(page, place.id)).toMatchObject({ focus: true });
  });

  it('has no axe violations with a place focused', async () => {
    opened = await open('/');
    const { page } = opened;
    await mapIdle(page);
    const places = await storyPlaces(page);
    await tabToMap(page);
    await page.keyboard.press('ArrowDown');
    const place = await focusedPlace(page, places);
    await expect.poll(() => featureState(page, place.id)).toMatchObject({ focus: true });
    expect(await axeViolations(page)).toEqual([]);
  });
});
