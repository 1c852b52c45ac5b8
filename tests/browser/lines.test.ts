// Lines are first-class places: a river, a bridge and a waypoint route from a fixture story that
// only data made (tests/fixtures/stories-lines), drawn on both maps, opened by click and by
// keyboard, with their length in the panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { LIGHT } from '../../src/catalogue/palette.ts';
import { browser, mapIdle } from './support/page.ts';
import { buildFixtureSite } from './support/site.ts';
import { placesAt, renderedPlaces, visiblePoint } from './support/map.ts';
import type { Page } from 'playwright-core';

const OUT = '.cache/lines-dist';

const rgbOf = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const luma = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
/** Hue in degrees. */
const hue = ([r, g, b]: number[]) => {
  const deg = (Math.atan2(Math.sqrt(3) * (g! - b!), 2 * r! - g! - b!) * 180) / Math.PI;
  return (deg + 360) % 360;
};

/** The pixel nearest the river's colour within 4 px of `at` (a line is a few pixels wide). */
async function riverPixel(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const clip = { x: at.x - 4, y: at.y - 4, width: 9, height: 9 };
  // A loaded machine's compositor can refuse a capture ("Unable to capture screenshot"): try again.
  const png = await page
    .screenshot({ clip })
    .catch(() => page.waitForTimeout(500).then(() => page.screenshot({ clip })));
  const target = rgbOf(LIGHT.river);
  return page.evaluate(
    async ({ data, target }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      let best = [0, 0, 0];
      let bestD = Infinity;
      for (let i = 0; i < px.length; i += 4) {
        const d = [0, 1, 2].reduce((s, k) => s + (px[i + k]! - target[k]!) ** 2, 0);
        if (d < bestD) [bestD, best] = [d, [px[i]!, px[i + 1]!, px[i + 2]!]];
      }
      return best;
    },
    { data: png.toString('base64'), target },
  );
}
const LINES = ['kerch-bridge', 'dnipro-lower', 'kyiv-moscow'];

describe('line places', () => {
  let site: RunningServer;
  let page: Page;
  beforeAll(async () => {
    buildFixtureSite('tests/fixtures/stories-lines', OUT);
    site = await serve(OUT);
    const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(`${site.url}/lines-demo/?theme=light`);
  }, 180_000);
  afterAll(async () => {
    await page?.context().close();
    await site?.close();
  });

  it('draws each line on the static map, as a link, in its kind’s colour', async () => {
    const map = page.getByRole('group', { name: 'Places on the map' });
    for (const [label, colour] of [
      ['Lower Dnipro', LIGHT.river],
      ['Crimean Bridge', LIGHT.crossing],
      ['Kyiv to Moscow, as the crow flies', LIGHT.route],
    ] as const) {
      const link = map.getByRole('link', { name: label });
      expect(await link.count()).toBe(1);
      const stroke = await link.locator('.stroke').evaluate((el) => getComputedStyle(el).stroke);
      const hex = `#${stroke
        .match(/\d+/g)!
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, '0'))
        .join('')}`;
      expect(hex, label).toBe(colour);
    }
  });

  it('draws a line in the same colour on the static and the live map (sampled pixels)', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    await fresh.goto(`${site.url}/lines-demo/?theme=light`);
    // The middle of the river on the static map, in page pixels.
    const at = await fresh
      .getByRole('group', { name: 'Places on the map' })
      .getByRole('link', { name: 'Lower Dnipro' })
      .locator('.stroke')
      .evaluate((el) => {
        const path = el as SVGPathElement;
        const p = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM()!;
        return {
          x: Math.round(p.x * m.a + p.y * m.c + m.e),
          y: Math.round(p.x * m.b + p.y * m.d + m.f),
        };
      });
    const before = await riverPixel(fresh, at);
    await mapIdle(fresh);
    // Both maps frame the first view alike, so the same pixel shows the same place.
    const after = await riverPixel(fresh, at);
    await context.close();
    // The two rasterisers antialias a thin line differently, so the colour is compared by hue
    // (the river's own blue, not the land's or a neighbouring fill's) and by how dark it is.
    console.log(
      `[lines] river pixel: static ${before}, live ${after}, river ${rgbOf(LIGHT.river)}`,
    );
    const river = hue(rgbOf(LIGHT.river));
    for (const [name, rgb] of [
      ['static', before],
      ['live', after],
    ] as const) {
      expect(Math.abs(hue(rgb) - river), `${name} hue`).toBeLessThan(20);
      expect(luma(rgb), `${name} darker than the land`).toBeLessThan(luma(rgbOf(LIGHT.land)) - 30);
    }
    expect(Math.abs(luma(before) - luma(after))).toBeLessThan(30);
  });

  it('lists the lines under their kinds in the places list', async () => {
    const list = page.locator('#places');
    for (const group of ['Rivers', 'Routes', 'Bridges and crossings']) {
      expect(await list.getByRole('heading', { name: group }).count()).toBe(1);
    }
  });

  it('draws each line on the live map, in its line layers', async () => {
    await mapIdle(page);
    const drawn = await renderedPlaces(page, ['place-line-hit']);
    for (const id of LINES) expect(drawn).toContain(id);
  });

  it('opens a line’s panel, with its length, by a click on the line', async () => {
    // A vertex of the river (Nova Kakhovka, GeoNames), away from the route and the bridge.
    const at = await visiblePoint(page, {
      ll: [33.36, 46.75],
      id: 'dnipro-lower',
      layers: ['place-line-hit'],
    });
    await page.mouse.click(at.x, at.y);
    const panel = page.locator('#place-panel');
    await panel.getByRole('heading', { name: 'Lower Dnipro', level: 2 }).waitFor();
    await panel.getByText(/^River\./).waitFor();
    await panel.getByText(/^\d[\d,]* km$/).waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('takes a click a few pixels beside a thin line (a 24 px target)', async () => {
    const at = await visiblePoint(page, {
      ll: [33.36, 46.75],
      id: 'dnipro-lower',
      layers: ['place-line-hit'],
    });
    // 9 px off the line's centre, where a 3 px line is not drawn.
    const hits = await placesAt(page, { x: at.x, y: at.y + 9 }, ['place-line-hit']);
    expect(hits).toContain('dnipro-lower');
  });

  it('opens each line’s panel from the keyboard, with its kind and length', async () => {
    for (const [label, word, min, max] of [
      // Kyiv to Moscow is about 755 km as the crow flies; the bridge is 19 km (published).
      ['Kyiv to Moscow, as the crow flies', 'Route', 700, 800],
      ['Crimean Bridge', 'Crossing', 15, 22],
      ['Lower Dnipro', 'River', 250, 400],
    ] as const) {
      const link = page.locator('#places').getByRole('link', { name: new RegExp(`^${label}`) });
      await link.focus();
      await page.keyboard.press('Enter');
      const panel = page.locator('#place-panel');
      await panel.getByRole('heading', { name: label, level: 2 }).waitFor();
      await panel.getByText(new RegExp(`^${word}\\.`)).waitFor();
      const length = await panel.getByText(/^\d[\d,.]* km$/).textContent();
      const km = Number(length!.replace(/[^\d.]/g, ''));
      expect(km, label).toBeGreaterThan(min);
      expect(km, label).toBeLessThan(max);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    }
  });
});
