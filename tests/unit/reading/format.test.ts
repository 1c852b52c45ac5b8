// The place panel's facts in a reader's words, from the seed story's own places.
import { beforeAll, describe, expect, it } from 'vitest';
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
    expect(detail('crimea', 'Position')).toBe('Exact');
    const approximate = Object.values(story.places).find((p) => p.confidence === 'approximate');
    expect(approximate?.uncertainty_m, 'the seed story has an approximate place').toBeDefined();
    expect(detail(approximate!.id, 'Position')).toMatch(
      /^Approximate, within about [\d,]+ (km|m)$/,
    );
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
