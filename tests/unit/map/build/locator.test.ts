import { describe, expect, it } from 'vitest';
import { openBasemap, WORLD } from '../../../../scripts/tiles.ts';
import { mainBounds } from '../../../../src/story/resolve.ts';
import { locatorMap } from '../../../../src/map/build/locator.ts';
import { loadPlaces, loadStory } from '../../../../src/story/load.ts';
import { loadFixture, REAL_GAZETTEER, SEED_STORY } from '../../story/support.ts';

const world = await (await openBasemap('public')).features(WORLD.bounds, WORLD.zoom);

describe('locator map of inset places', () => {
  const gazetteer = loadPlaces(REAL_GAZETTEER, { what: 'gazetteer' });
  const story = loadStory(SEED_STORY, { gazetteer }).story!;
  const locator = locatorMap(world, story, mainBounds(story))!;
  const inside = ({ x, y }: { x: number; y: number }) =>
    x >= 0 && y >= 0 && x <= locator.width && y <= locator.height;

  it('frames every inset place and the main view', () => {
    const insets = Object.values(story.places).filter((p) => p.display === 'inset');
    expect(Object.keys(locator.places).sort()).toEqual(insets.map((p) => p.id).sort());
    for (const dot of Object.values(locator.places)) expect(inside(dot)).toBe(true);
    const v = locator.view;
    expect(inside(v) && inside({ x: v.x + v.width, y: v.y + v.height })).toBe(true);
    // Washington lies west of the Black Sea view.
    expect(locator.places.washington!.x).toBeLessThan(v.x);
  });

  it('draws land in a few kilobytes (it travels in every page)', () => {
    expect(locator.land).toMatch(/^M/);
    expect(locator.land.length).toBeLessThan(6_000);
  });

  it('is not made for a story without inset places', () => {
    const { story: minimal } = loadFixture('minimal');
    expect(locatorMap(world, minimal!, mainBounds(minimal!))).toBeUndefined();
  });
});
