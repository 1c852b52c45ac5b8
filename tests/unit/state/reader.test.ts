// The reader state without a browser: what the map is asked to show, and in what order.
import { beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../../src/state/reader.svelte.ts';
import type { StoryData } from '../../../src/state/page.ts';
import { loadStory } from '../../../src/story/load.ts';

let story: StoryData;
beforeAll(() => {
  const result = loadStory('stories/black-sea-call');
  expect(result.diagnostics).toEqual([]);
  const { layers: _layers, ...data } = result.story!;
  story = data;
});

describe('Reader', () => {
  it('starts on the story opening view with its places emphasised', () => {
    const reader = new Reader(story);
    expect(reader.passageId).toBeUndefined();
    expect(reader.emphasised).toEqual(story.initialView.layers);
  });

  it('the latest passage wins, however many arrive', () => {
    const reader = new Reader(story);
    for (const p of story.passages) reader.activatePassage(p.id, 'scroll');
    const last = story.passages.at(-1)!;
    expect(reader.passageId).toBe(last.id);
    expect(reader.emphasised).toEqual(last.view.layers);
    expect(reader.request?.camera).toEqual(last.view.camera);
    // Each request is new, so asking again for the same view still moves the map.
    const seq = reader.request!.seq;
    reader.resetView();
    expect(reader.request!.seq).toBeGreaterThan(seq);
  });

  it('a selection takes over the map and closing it returns to the passage view', () => {
    const reader = new Reader(story);
    reader.activatePassage('black-sea-drone', 'scroll');
    reader.select(['crimea']);
    expect(reader.selection).toEqual(['crimea']);
    expect(reader.emphasised).toEqual(['crimea']);
    expect(reader.request?.camera).toEqual(story.places.crimea!.camera);
    // Scrolling under an open panel changes the passage but not the map's subject.
    reader.activatePassage('crimea-strike', 'scroll');
    expect(reader.emphasised).toEqual(['crimea']);
    reader.close();
    expect(reader.selection).toEqual([]);
    expect(reader.request?.camera).toEqual(
      story.passages.find((p) => p.id === 'crimea-strike')!.view.camera,
    );
  });

  it('distant places are shown on the globe', () => {
    const reader = new Reader(story);
    reader.select(['washington']);
    expect(reader.request?.projection).toBe('globe');
    reader.select(['crimea']);
    expect(reader.request?.projection).toBe('mercator');
  });

  it('ignores unknown places and hostile hashes', () => {
    const reader = new Reader(story);
    reader.select(['atlantis']);
    expect(reader.selection).toEqual([]);
    expect(reader.applyHash('#place=<script>')).toBe(false);
    expect(reader.applyHash('#place=crimea')).toBe(true);
    expect(reader.selection).toEqual(['crimea']);
  });

  it('steps within bounds and announces the position', () => {
    const reader = new Reader(story);
    expect(reader.step(-1)).toBe(story.passages[0]!.id);
    expect(reader.step(-1)).toBeUndefined();
    expect(reader.announcement).toBe(`Passage 1 of ${story.passages.length}`);
  });
});
