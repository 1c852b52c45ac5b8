// The live map: real MapLibre in Chromium with WebGL (SwiftShader), on the built site.
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../src/catalogue/palette.ts';
import { mapIdle, open, type Opened } from './support/page.ts';
import { camera, renderedPlaces, screenPoint } from './support/map.ts';
import { pixelAt } from './support/pixels.ts';

describe('the live map', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('/');
    await mapIdle(opened.page);
  });
  afterAll(() => opened.close());

  it('renders the story layers: Crimea hatched as annexed, the claimed regions hatched', async () => {
    const { page } = opened;
    expect(await renderedPlaces(page, ['place-hatch'])).toEqual(['crimea']);
    // The Donbas (eastern-ukraine) is Donetsk + Luhansk, claimed as a whole.
    expect(await renderedPlaces(page, ['place-hatch-wide'])).toEqual([
      'donetsk',
      'eastern-ukraine',
      'kherson',
      'luhansk',
      'zaporizhzhia',
    ]);
    expect(await renderedPlaces(page, ['place-area-fill'])).toEqual(
      expect.arrayContaining(['black-sea', 'ukraine', 'russia']),
    );
  });

  it('draws what the legend toggles: hiding a category changes the pixels', async () => {
    const { page } = opened;
    const map = page.getByRole('region', { name: /^Map:/ });
    const before = await map.screenshot();
    const toggle = page.getByRole('checkbox', { name: /Annexed by Russia, 2014/ });
    await toggle.uncheck();
    await expect.poll(() => renderedPlaces(page, ['place-hatch'])).toEqual([]);
    await mapIdle(page);
    const after = await map.screenshot();
    expect(after.equals(before)).toBe(false);
    await toggle.check();
    await expect.poll(() => renderedPlaces(page, ['place-hatch'])).toEqual(['crimea']);
  });

  it('folds the legend out of the way of the first place a reader opens, then leaves it be', async () => {
    const opened = await open('/', { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = opened;
      await mapIdle(page);
      // Open: its toggles show.
      const isOpen = () =>
        page.getByRole('checkbox', { name: /Annexed by Russia, 2014/ }).isVisible();
      expect(await isOpen()).toBe(true);
      await page.getByRole('button', { name: 'Crimean peninsula' }).click();
      await page.getByRole('region', { name: 'Crimea' }).waitFor();
      expect(await isOpen()).toBe(false);
      // The reader opens it again: it stays open for the next place.
      await page.getByText('Legend', { exact: true }).click();
      expect(await isOpen()).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Kyiv' }).first().click();
      await page.getByRole('region', { name: 'Kyiv' }).waitFor();
      expect(await isOpen()).toBe(true);
    } finally {
      await opened.close();
    }
  });

  it('loads nothing from another host and logs no errors', () => {
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
  });
});

describe('a passage shown on a globe', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 8);

  for (const [scheme, palette] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`stands out from the page in ${scheme}: the sea on the sphere, the page round it`, async () => {
      const opened = await open('/#passage=first-call', { colorScheme: scheme });
      try {
        const { page } = opened;
        await mapIdle(page);
        expect(await page.evaluate('window.mapExplainer.map.getProjection().type')).toBe('globe');
        const centre = await screenPoint(page, (await camera(page)).center);
        const box = (await page.getByRole('region', { name: /^Map:/ }).boundingBox())!;
        // Straight above the globe's centre, at the map's top edge: off the sphere, clear of the
        // controls in the corners.
        const space = await pixelAt(page, { x: centre.x, y: box.y + 3 });
        expect(near(space, rgb(palette.bg)), `${space} beside the globe`).toBe(true);
        const sphere = await pixelAt(page, centre);
        expect(near(sphere, rgb(palette.bg)), `${sphere} on the globe`).toBe(false);
      } finally {
        await opened.close();
      }
    });
  }
});

describe("a phone's map credits", () => {
  it('show at first, fold behind a button once the reader moves the map, and open again', async () => {
    const opened = await open('/', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    try {
      const { page } = opened;
      await mapIdle(page);
      const credits = page
        .getByRole('region', { name: /^Map:/ })
        .getByText(/GeoNames \(CC BY 4\.0\)/);
      await expect.poll(() => credits.isVisible()).toBe(true);
      const box = (await page.locator('.map-canvas').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      // A wheel, not a drag: MapLibre folds them on a drag by itself. With Ctrl, for a map
      // that leaves a bare wheel to the page.
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -300);
      await page.keyboard.up('Control');
      await expect.poll(() => credits.isVisible()).toBe(false);
      // A <summary>: a disclosure, named by its label.
      const button = page.getByLabel('Toggle attribution');
      // Drawn light on the dark panel, and big enough to hit (WCAG 2.5.8).
      const size = (await button.boundingBox())!;
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24);
      expect(await button.evaluate((b) => getComputedStyle(b).filter)).toContain('invert');
      await button.click();
      await expect.poll(() => credits.isVisible()).toBe(true);
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe("the map's furniture", () => {
  // Each box in page pixels; null when the element is not there.
  const boxes = (page: Opened['page']) =>
    page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)?.getBoundingClientRect();
        return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
      };
      return {
        credits: box('.maplibregl-ctrl-attrib-inner'),
        scale: box('.maplibregl-ctrl-scale'),
        legend: box('.legend'),
        reset: box('.map-tools'),
        zoom: box('.maplibregl-ctrl-group'),
        distant: box('.distant'),
        map: box('.map'),
      };
    });
  type Box = { left: number; top: number; right: number; bottom: number };

  /** The places whose symbol or label point is in the map's view but under the legend. */
  const underLegend = (page: Opened['page']) => {
    const read = (file: string) =>
      (JSON.parse(readFileSync(`dist/black-sea-call/${file}`, 'utf8')) as FeatureCollection)
        .features;
    const marks = [...read('labels.geojson'), ...read('places.geojson')]
      .filter((f) => f.geometry.type === 'Point')
      .map((f) => ({
        id: String(f.properties?.id),
        ll: (f.geometry as Point).coordinates as [number, number],
      }));
    return page.evaluate((marks) => {
      const map = (
        window as unknown as {
          mapExplainer: { map: { project(ll: [number, number]): { x: number; y: number } } };
        }
      ).mapExplainer.map;
      const box = document.querySelector('.map')!.getBoundingClientRect();
      return marks
        .filter(({ ll }) => {
          const p = map.project(ll);
          const x = box.left + p.x;
          const y = box.top + p.y;
          if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
          return !!document.elementFromPoint(x, y)?.closest('.legend');
        })
        .map(({ id }) => id);
    }, marks);
  };
  const overlap = (a: Box, b: Box) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  // The first view, and a passage with places far away (the distant-place cards show).
  for (const { viewport, path, distant } of [
    { viewport: { width: 1280, height: 800 }, path: '/', distant: false },
    { viewport: { width: 1280, height: 800 }, path: '/#passage=crimea-strike', distant: true },
    { viewport: { width: 390, height: 844 }, path: '/', distant: false },
    { viewport: { width: 390, height: 844 }, path: '/#passage=crimea-strike', distant: true },
  ]) {
    it(`credits the data and overlaps nothing: ${path} at ${viewport.width}×${viewport.height}`, async () => {
      const opened = await open(path, { viewport });
      try {
        const { page } = opened;
        await mapIdle(page);
        const credits = await page.locator('.maplibregl-ctrl-attrib-inner').innerText();
        // The licences of the story's sources ask for these credits on the map.
        expect(credits).toContain('Natural Earth');
        expect(credits).toMatch(/GeoNames.*CC BY/);
        expect(credits).toMatch(/OpenStreetMap.*ODbL/);
        const b = await boxes(page);
        const shown = Object.entries(b).filter(([k, v]) => k !== 'map' && v) as [string, Box][];
        expect(shown.map(([k]) => k).sort()).toEqual(
          ['credits', 'legend', 'reset', 'scale', 'zoom', ...(distant ? ['distant'] : [])].sort(),
        );
        for (const [name, box] of shown) {
          // Inside the map...
          expect(box.left, name).toBeGreaterThanOrEqual(b.map!.left);
          expect(box.right, name).toBeLessThanOrEqual(b.map!.right);
          expect(box.bottom, name).toBeLessThanOrEqual(b.map!.bottom);
          // ...and clear of every other piece.
          for (const [other, box2] of shown) {
            if (other !== name) expect(overlap(box, box2), `${name} over ${other}`).toBe(false);
          }
        }
        // In the first view the legend takes the corner where it hides none of the story's places.
        if (path === '/') expect(await underLegend(page)).toEqual([]);
        expect(opened.consoleErrors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});

describe('the static map', () => {
  it.each([
    [390, 844],
    [768, 1024],
  ])(
    'at %i×%i links only the places it shows: a place its crop cuts off is no tab stop',
    async (width, height) => {
      const { page, consoleErrors, close } = await open('/black-sea-call/?static', {
        viewport: { width, height },
      });
      const group = page.getByRole('group', { name: 'Places on the map' });
      await page.waitForFunction(() => performance.getEntriesByName('explainer:map').length > 0);
      // Every place drawn, by where its shapes fall against the map's box.
      const drawn = await group.evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll<SVGElement>('a[data-place]:not(.role-uncertainty)')].map(
          (a) => {
            const b = a.getBoundingClientRect();
            const shown =
              b.right > box.left && b.left < box.right && b.bottom > box.top && b.top < box.bottom;
            return { label: a.getAttribute('aria-label')!, shown };
          },
        );
      });
      const shown = drawn.filter((d) => d.shown).map((d) => d.label);
      await expect
        .poll(() => group.getByRole('link').evaluateAll((all) => all.map((a) => a.ariaLabel)))
        .toEqual(shown);
      // Each is still a link in the places list.
      for (const { label } of drawn) {
        await page
          .getByRole('region', { name: 'Places in this story' })
          .getByRole('link', {
            name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `),
          })
          .waitFor({ state: 'attached' });
      }
      expect(consoleErrors).toEqual([]);
      await close();
    },
  );
});
