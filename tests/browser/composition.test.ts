// The reader sees what they asked for: every place drawn on the main map, opened by its deep link
// (as a mention, a map click or the places list opens it), and every passage in guided reading,
// is in view and not under the map's own chrome (panel, legend, cards, controls), at four
// viewports. Of points sampled inside a place (the point itself for a point), the share a reader
// sees (inside the map box, the live map's canvas topmost there) must be at least SEEN; an area
// must span at least SPAN of the map box's width or height (a passage's places together, when
// one is an area). Prints the table.
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPageData } from '../../bench/bytes.ts';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import type { Bounds } from '../../src/story/schema.ts';
import {
  boundsOf,
  go,
  measure,
  samples,
  type Measured,
  type Sampled,
} from './support/composition.ts';
import { browser, mapIdle, siteUrl } from './support/page.ts';
import { buildFixtureSite } from './support/site.ts';

const SEEN = 0.9;
const SPAN = 0.25;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];
const WORLD_OUT = '.cache/composition-dist';
interface Row {
  story: string;
  viewport: string;
  what: string;
  seen: number;
  span: number | null;
  covered: string[];
}

const rows: Row[] = [];

interface Site {
  name: string;
  dir: string;
  url: (path: string) => string;
  slugs: string[];
}

const sites: Site[] = [];

let world: RunningServer | undefined;
beforeAll(async () => {
  buildFixtureSite('tests/fixtures/stories-world', WORLD_OUT);
  world = await serve(WORLD_OUT);
}, 240_000);
afterAll(async () => {
  await world?.close();
  // The table a reader of the test run (or the closing note) reads.
  const fmt = (n: number | null) => (n === null ? '  –  ' : n.toFixed(2).padStart(5));
  console.log(
    [
      'story | viewport | what | seen | span | hidden by',
      ...rows.map((r) =>
        [r.story, r.viewport, r.what, fmt(r.seen), fmt(r.span), r.covered.join(' ')].join(' | '),
      ),
    ].join('\n'),
  );
});

sites.push(
  { name: 'seed', dir: 'dist', url: (p) => siteUrl(p), slugs: ['black-sea-call'] },
  {
    name: 'world',
    dir: WORLD_OUT,
    url: (p) => new URL(p, world!.url).href,
    slugs: ['nile-dam', 'mekong-drought'],
  },
);

describe.each(sites.flatMap((site) => site.slugs.map((slug) => ({ site, slug }))))(
  '$slug',
  ({ site, slug }) => {
    it.each(VIEWPORTS)(
      'shows every place and passage clear of the chrome at $width×$height',
      async (viewport) => {
        const data = readPageData(`${site.dir}/${slug}/index.html`);
        const layers = JSON.parse(
          readFileSync(`${site.dir}/${slug}/${data.files.places.split('/').pop()!}`, 'utf8'),
        ) as FeatureCollection;
        // A place's own feature: an approximate point's uncertainty ring is not the place.
        const feature = (id: string) =>
          layers.features.find((f) => f.id === id && f.properties?.role !== 'uncertainty');
        const places = Object.values(data.story.places).filter(
          (p) => p.display === 'map' && feature(p.id),
        );
        const sampled = (id: string, clip: Bounds | undefined): Sampled => {
          const f = feature(id)!;
          const area = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
          const points = samples(f, clip);
          const fallback = data.story.places[id]!.label_point;
          return { id, spans: area, points: points.length > 0 || !fallback ? points : [fallback] };
        };
        const context = await (
          await browser()
        ).newContext({ viewport, reducedMotion: 'reduce', colorScheme: 'light' });
        const page = await context.newPage();
        const label = `${viewport.width}×${viewport.height}`;
        const failures: string[] = [];
        const check = (what: string, r: Measured) => {
          rows.push({ story: slug, viewport: label, what, ...r });
          if (r.seen < SEEN || (r.span !== null && r.span < SPAN)) {
            const by = r.covered.length > 0 ? ` (hidden by ${r.covered.join(', ')})` : '';
            failures.push(`${what}: seen ${r.seen.toFixed(2)}, span ${r.span?.toFixed(2)}${by}`);
          }
        };
        await page.goto(site.url(`/${slug}/#place=${places[0]!.id}`));
        await mapIdle(page);
        for (const place of places) {
          await go(page, `#place=${place.id}`);
          const s = sampled(place.id, boundsOf(place.camera));
          // Each area on its own: spanning a quarter is about that place.
          check(`place ${place.id}`, await measure(page, [s], !('bounds' in place.camera)));
        }
        for (const passage of data.story.passages) {
          // Its subject: the places it mentions that its view draws on the main map (an inset
          // place too, when the view draws it: the globe of the first call shows the US).
          const ids = passage.placeIds.filter(
            (id) => passage.view.layers.includes(id) && feature(id),
          );
          if (ids.length === 0) continue;
          await go(page, `#passage=${passage.id}`);
          const clip = boundsOf(passage.view.camera);
          // Its places together: a small area and a far city span the view between them.
          const subject = ids.map((id) => sampled(id, clip));
          const spans = subject.some((s) => s.spans);
          check(
            `passage ${passage.id}`,
            await measure(
              page,
              subject.map((s) => ({ ...s, spans })),
              !clip,
            ),
          );
        }
        await context.close();
        expect(failures).toEqual([]);
      },
      600_000,
    );
  },
);
