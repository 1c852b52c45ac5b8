// The map's pure components, rendered with Svelte's server renderer in plain Node: what the
// reader gets before any JavaScript runs, from the catalogue and the story's data alone.
import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { categoriesOf } from '../../../src/catalogue/categories.ts';
import { KINDS, SYMBOLS } from '../../../src/catalogue/kinds.ts';
import StaticMap from '../../../src/map/StaticMap.svelte';
import { swatchSvg } from '../../../src/catalogue/swatch.ts';
import { mapData } from '../../../src/map/draw/mapData.ts';
import { staticPlaces } from '../../../src/map/draw/staticMap.ts';
import { STATIC_VARIANTS } from '../../../src/lib/breakpoints.ts';
import type { PageData } from '../../../src/state/page.ts';
import { Reader, readerContext } from '../../../src/state/reader.svelte.ts';
import { loadStory } from '../../../src/story/load.ts';
import { mainBounds } from '../../../src/story/resolve.ts';
import type { ResolvedStory } from '../../../src/story/schema.ts';

let story: ResolvedStory;
beforeAll(() => {
  const result = loadStory('tests/fixtures/stories-lines/lines-demo');
  expect(result.diagnostics).toEqual([]);
  story = result.story!;
});

const links = (html: string) => [...html.matchAll(/<a [^>]*aria-label="([^"]+)"/g)];

describe('the legend swatch', () => {
  it('draws a point kind with its own symbol path, from the catalogue', () => {
    for (const kind of ['city', 'site', 'incident', 'port'] as const) {
      const category = categoriesOf({ statuses: [] }).find((c) => c.id === kind)!;
      const spec = KINDS[kind];
      if (spec.geometry !== 'point') throw new Error(kind);
      expect(swatchSvg(category), kind).toContain(`d="${SYMBOLS[spec.paint.symbol].path}"`);
    }
  });

  it('draws a line kind as a stroke in its palette colour, dashed when the kind is', () => {
    const categories = categoriesOf({ statuses: [] });
    const river = swatchSvg(categories.find((c) => c.id === 'river')!);
    expect(river).toContain('stroke="var(--river)"');
    expect(river).not.toContain('stroke-dasharray');
    const route = swatchSvg(categories.find((c) => c.id === 'route')!);
    expect(route).toContain('stroke="var(--route)"');
    expect(route).toContain('stroke-dasharray');
  });

  it('hatches a hatched status and only that', () => {
    const statuses = [
      { id: 'a', legend: 'A', description: 'A', style: 'hatch' as const },
      { id: 'b', legend: 'B', description: 'B', style: 'solid' as const },
    ];
    const [a, b] = categoriesOf({ statuses });
    expect(swatchSvg(a!)).toMatch(/<path\b[^>]* d="M[^"]+"/);
    expect(swatchSvg(b!)).not.toMatch(/<path /);
  });

  it('is decorative, and escapes what it is given', () => {
    const [a] = categoriesOf({
      statuses: [{ id: 'a', legend: 'A', description: 'A', style: 'solid' as const }],
    });
    const svg = swatchSvg(a!, () => '"><script>alert(1)</script>');
    expect(svg).toMatch(/^<svg class="swatch"[^>]* aria-hidden="true"/);
    expect(svg).not.toContain('<script>');
  });
});

describe('StaticMap', () => {
  const basemap = Object.fromEntries(
    STATIC_VARIANTS.map((v) => [v.id, { light: `${v.id}-l.svg`, dark: `${v.id}-d.svg` }]),
  ) as PageData['staticMap']['basemap'];

  it('offers each layout its own basemap image and labels, the wide one by default', () => {
    const { places, labels } = mapData(story);
    const drawn = staticPlaces(places, mainBounds(story), labels);
    const { layers: _layers, ...data } = story;
    const { body } = render(StaticMap, {
      props: { data: { ...drawn, basemap }, theme: 'auto', hidden: false },
      context: readerContext(new Reader(data)),
    });
    for (const v of STATIC_VARIANTS) {
      expect(body).toContain(`srcset="${v.id}-l.svg" media="${v.media}"`);
      expect(body).toContain(
        `srcset="${v.id}-d.svg" media="${v.media} and (prefers-color-scheme: dark)"`,
      );
      expect(body).toMatch(new RegExp(`<text class="[^"]*\\bv-${v.id}\\b`));
    }
    expect(body).toMatch(/<img[^>]*src="wide-l\.svg"/);
  });

  it('gives each drawn place one link, lines included, and no second link for uncertainty', () => {
    const { places, labels } = mapData(story);
    const drawn = staticPlaces(places, mainBounds(story), labels);
    const { layers: _layers, ...data } = story;
    const reader = new Reader(data);
    const { body } = render(StaticMap, {
      props: {
        data: { ...drawn, basemap },
        theme: 'light',
        hidden: false,
      },
      context: readerContext(reader),
    });
    const focusable = links(body).filter((m) => !/tabindex="-1"/.test(m[0]));
    const names = focusable.map((m) => m[1]);
    expect(new Set(names).size).toBe(names.length);
    for (const line of ['Crimean Bridge', 'Lower Dnipro', 'Kyiv to Moscow, as the crow flies'])
      expect(names).toContain(line);
    // The bridge is approximate: its corridor is drawn, but hidden from the keyboard.
    const corridor = links(body).filter(
      (m) => m[1] === 'Crimean Bridge' && /tabindex="-1"/.test(m[0]),
    );
    expect(corridor).toHaveLength(1);
    expect(corridor[0]![0]).toContain('aria-hidden="true"');
  });
});

// The catalogue is the only list of kinds: the story schema, the docs and the places list agree.
describe('the kinds', () => {
  it('are documented for journalists, each one', () => {
    const docs = readFileSync('docs/story-format.md', 'utf8');
    for (const kind of Object.keys(KINDS)) expect(docs, kind).toContain(`\`${kind}\``);
  });
});
