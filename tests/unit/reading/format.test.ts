// The place panel's facts in a reader's words, from the seed story's own places.
import { beforeAll, describe, expect, it } from 'vitest';
import { geometryOf } from '../../../src/catalogue/kinds.ts';
import { facts } from '../../../src/reading/format.ts';
import { mainBounds } from '../../../src/story/resolve.ts';
import type { ResolvedStory } from '../../../src/story/schema.ts';
import { loadStory } from '../../../src/story/load.ts';
import { SEED_STORY } from '../story/support.ts';

let story: ResolvedStory;
beforeAll(() => {
  const result = loadStory(SEED_STORY);
  expect(result.diagnostics).toEqual([]);
  story = result.story!;
});

const detail = (id: string, term: string) =>
  facts(story.places[id]!, mainBounds(story)).find((f) => f.term === term)?.detail;

describe('the panel facts', () => {
  it('say how exact a position is in plain words', () => {
    expect(detail('kyiv', 'Position')).toBe('Exact location');
    // An exactly drawn area is its outline on the map: nothing to add.
    expect(detail('crimea', 'Position')).toBeUndefined();
    const approximate = Object.values(story.places).filter((p) => p.confidence === 'approximate');
    const point = approximate.find((p) => geometryOf(p.kind) === 'point' && p.uncertainty_m);
    expect(point, 'the seed story has an approximate point').toBeDefined();
    expect(detail(point!.id, 'Position')).toMatch(
      /^Approximate: within about [\d,]+ (km|m) of the mark$/,
    );
    for (const place of approximate) {
      expect(detail(place.id, 'Position'), place.id).toMatch(/^Approximate\b/);
    }
  });

  it('never use developer language', () => {
    for (const place of Object.values(story.places)) {
      const text = facts(place, mainBounds(story))
        .map((f) => `${f.term}: ${f.detail}`)
        .join('\n');
      expect(text).not.toMatch(/scale of the map|via |geojson|unversioned|\d+\.\d+\.\d+/i);
    }
  });

  it('credit the source briefly', () => {
    for (const place of Object.values(story.places)) {
      expect(detail(place.id, 'Source')!.length, place.id).toBeLessThanOrEqual(40);
    }
  });
});
