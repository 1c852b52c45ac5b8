// Lines are first-class places: a river, a bridge and a waypoint route from a fixture story that
// only data made (tests/fixtures/stories-lines), drawn on both maps, opened by click and by
// keyboard, with their length in the panel.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { LIGHT } from '../../src/catalogue/palette.ts';
import { browser, mapIdle } from './support/page.ts';
import { placesAt, renderedPlaces, visiblePoint } from './support/map.ts';
import type { Page } from 'playwright-core';

const OUT = '.cache/lines-dist';
const LINES = ['kerch-bridge', 'dnipro-lower', 'kyiv-moscow'];

describe('line places', () => {
  let site: RunningServer;
  let page: Page;
  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/build.ts',
        '--stories',
        'tests/fixtures/stories-lines',
        '--out',
        OUT,
      ],
      { stdio: 'inherit' },
    );
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

  it('opens the route’s panel from the keyboard, with its length', async () => {
    const link = page.locator('#places').getByRole('link', { name: /Kyiv to Moscow/ });
    await link.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('#place-panel');
    await panel
      .getByRole('heading', { name: 'Kyiv to Moscow, as the crow flies', level: 2 })
      .waitFor();
    await panel.getByText(/^Route\./).waitFor();
    // Kyiv to Moscow is about 755 km as the crow flies.
    const length = await panel.getByText(/^\d[\d,]* km$/).textContent();
    const km = Number(length!.replace(/[^\d]/g, ''));
    expect(km).toBeGreaterThan(700);
    expect(km).toBeLessThan(800);
  });
});
