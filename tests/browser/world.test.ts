// Stories from elsewhere in the world, drafted by `npm run suggest -- --write` from an article
// and finished by editing story.md only (tests/fixtures/stories-world): they build, their places
// come from the world gazetteer, and a reader can use them like the seed story.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyPageBytes } from '../../bench/bytes.ts';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { BUDGETS } from '../build/budgets.ts';
import { axeViolations } from './support/axe.ts';
import { browser, mapIdle } from './support/page.ts';
import { buildFixtureSite } from './support/site.ts';
import { camera, renderedPlaces } from './support/map.ts';

const OUT = '.cache/world-dist';
const STORIES = [
  // Africa: a mention of a city, and rivers drawn as lines.
  { slug: 'nile-dam', mention: 'Khartoum', id: 'khartoum', lines: ['nile', 'blue-nile-river'] },
  // Asia: Vietnamese names (Latin Extended Additional glyphs), a lake and a river.
  { slug: 'mekong-drought', mention: 'Phnom Penh', id: 'phnom-penh', lines: ['mekong'] },
];

/** A place's point as the build wrote it for the story (its label point, or its position). */
function pointOf(slug: string, id: string): [number, number] {
  const fc = JSON.parse(readFileSync(`${OUT}/${slug}/places.geojson`, 'utf8')) as {
    features: {
      id?: string;
      properties: { id?: string; label_point?: [number, number] };
      geometry: { type: string; coordinates: unknown };
    }[];
  };
  const f = fc.features.find((x) => (x.properties.id ?? x.id) === id)!;
  if (f.properties.label_point) return f.properties.label_point;
  return f.geometry.coordinates as [number, number];
}

describe('world stories made from data alone', () => {
  let site: RunningServer;
  beforeAll(async () => {
    buildFixtureSite('tests/fixtures/stories-world', OUT);
    site = await serve(OUT);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  describe.each(STORIES)('$slug', ({ slug, mention, id, lines }) => {
    // Each story ships its own places only: its page is held to the seed story's budgets,
    // except its lazy story layers, which grow with the countries it names (China is 90 KB).
    it.each(BUDGETS.filter((b) => b.key !== 'storyLayers' && b.key !== 'dataLazy'))(
      '$what: at most $gz bytes gzipped',
      ({ key, gz }) => {
        expect(storyPageBytes(OUT, slug)[key].gz).toBeLessThanOrEqual(gz);
      },
    );

    it.each([
      [1280, 800],
      [390, 844],
    ])(
      'reads at %d×%d: places linked in the text and on the static map, no axe violations',
      async (width, height) => {
        const context = await (await browser()).newContext({ viewport: { width, height } });
        const page = await context.newPage();
        await page.goto(`${site.url}/${slug}/?theme=light`);
        expect(await page.getByRole('button', { name: mention }).count()).toBeGreaterThan(0);
        expect(
          await page.getByRole('group', { name: 'Places on the map' }).getByRole('link').count(),
        ).toBeGreaterThan(3);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      },
    );

    it('draws its places on the live map, its rivers as lines, and moves to a place from the text', async () => {
      const context = await (
        await browser()
      ).newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/${slug}/?theme=light`);
      await mapIdle(page);
      const drawn = await renderedPlaces(page, ['place-line-hit']);
      for (const line of lines) expect(drawn, line).toContain(line);
      await page.getByRole('button', { name: mention }).first().click();
      await page.locator('#place-panel').getByRole('heading', { level: 2 }).first().waitFor();
      await mapIdle(page);
      const [lon, lat] = pointOf(slug, id);
      const [west, south, east, north] = (await camera(page)).bounds;
      expect(lon).toBeGreaterThan(west);
      expect(lon).toBeLessThan(east);
      expect(lat).toBeGreaterThan(south);
      expect(lat).toBeLessThan(north);
      await context.close();
    });
  });
});
