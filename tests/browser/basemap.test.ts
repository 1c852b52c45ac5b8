// The detailed basemap option: the seed story built with BASEMAP_URL pointing at an archive in
// the Protomaps schema (made by the test, tests/browser/support/osmArchive.ts) on the site. The
// live map reads it by range requests and draws it with @protomaps/basemaps' layers, and
// nothing is fetched from anywhere else.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { namedFlavor } from '@protomaps/basemaps';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { axeViolations } from './support/axe.ts';
import { screenPoint } from './support/map.ts';
import { OSM_TEST, osmTestArchive } from './support/osmArchive.ts';
import { browser, mapIdle } from './support/page.ts';
import { pixelAt } from './support/pixels.ts';
import { buildFixtureSite } from './support/site.ts';

const ARCHIVE = 'tiles/osm-test.pmtiles';

/** The live map's style layer ids, and the labels it rendered from the basemap. */
function drawn(page: Page) {
  return page.evaluate(() => {
    type Map = {
      getStyle(): { layers: { id: string }[]; sources: Record<string, { url?: string }> };
      queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[];
    };
    const map = (window as unknown as { mapExplainer: { map: Map } }).mapExplainer.map;
    const style = map.getStyle();
    return {
      layers: style.layers.map((l) => l.id),
      source: style.sources['basemap']?.url,
      towns: map
        .queryRenderedFeatures({ layers: ['protomaps-places_locality'] })
        .map((f) => String(f.properties['name'])),
    };
  });
}

describe('a Protomaps OSM archive as the basemap (BASEMAP_URL)', () => {
  let dir: string;
  let site: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'map-explainer-osm-'));
    buildFixtureSite('stories', dir, { BASEMAP_URL: ARCHIVE });
    // The newsroom's archive, beside the site: the build does not ship it.
    mkdirSync(join(dir, 'tiles'), { recursive: true });
    writeFileSync(join(dir, ARCHIVE), osmTestArchive());
    site = await serve(dir);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws the archive with the Protomaps layers, fetching nothing from elsewhere', async () => {
    const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const origin = new URL(site.url).origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    const ranges: number[] = [];
    const chunks: string[] = [];
    page.on('request', (r) => {
      const url = r.url();
      if (url.includes('/assets/')) chunks.push(url);
      if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
    });
    page.on('response', (r) => {
      if (r.url() === `${origin}/${ARCHIVE}`) ranges.push(r.status());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${site.url}/black-sea-call/?theme=light`);
    await mapIdle(page);

    const { layers, source, towns } = await drawn(page);
    expect(source).toBe(`pmtiles://${origin}/${ARCHIVE}`);
    for (const id of ['protomaps-earth', 'protomaps-water', 'protomaps-roads_highway'])
      expect(layers).toContain(id);
    expect(layers.some((id) => id.startsWith('basemap-'))).toBe(false);
    expect(layers.at(-1)).toBe('place-labels');
    // The town's label, in our bundled font (the page has no other).
    expect(towns).toContain(OSM_TEST.town.name);
    // The archive's water in the Protomaps light flavor's colour, not our sea's, once the
    // story's own sea is hidden from over it.
    await page.getByRole('checkbox', { name: 'Seas' }).uncheck();
    await mapIdle(page);
    const at = await screenPoint(page, OSM_TEST.water);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, at)).toBe(
      'CANVAS',
    );
    const water = namedFlavor('light')
      .water.match(/\w\w/g)!
      .map((h) => parseInt(h, 16));
    const pixel = await pixelAt(page, at);
    for (const [i, v] of pixel.entries())
      expect(Math.abs(v - water[i]!), `${pixel}`).toBeLessThan(6);

    // Read in parts (206), never whole; nothing from another origin, no CSP violation.
    expect(ranges.length).toBeGreaterThan(1);
    expect(new Set(ranges)).toEqual(new Set([206]));
    expect(foreign).toEqual([]);
    // The Protomaps layers' own chunk, which only such a basemap loads.
    expect(
      chunks.some((u) => /\/assets\/protomaps-[\w-]+\.js$/.test(u)),
      `${chunks}`,
    ).toBe(true);
    expect(errors).toEqual([]);
    // The credits name OpenStreetMap.
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').innerText())
      .toContain('© OpenStreetMap contributors');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
