// Shared paths and helpers for the story tests; every path is inside the repository.
import { existsSync } from 'node:fs';
import { loadPlaces, loadStory } from '../../../src/story/load.ts';
import type { Inline } from '../../../src/story/schema.ts';

export const FIXTURE_GAZETTEER = 'tests/fixtures/gazetteer/places.geojson';
export const REAL_GAZETTEER = 'gazetteer/world.geojson.gz';
export const SEED_STORY = 'stories/black-sea-call';
export const SEED_ARTICLE = 'tests/fixtures/seed/article.txt';

/**
 * A path the repository commits, for a test that needs it: a missing file fails the test with
 * the reason, never skips it.
 */
export function committed(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: it is committed to the repository (restore it with git checkout -- ${path}, or rebuild it with npm run geo)`,
    );
  }
  return path;
}

export const fixtureGazetteer = loadPlaces(FIXTURE_GAZETTEER, { what: 'gazetteer' });

export function loadFixture(name: string) {
  return loadStory(`tests/fixtures/stories/${name}`, { gazetteer: fixtureGazetteer });
}

/** Back to Markdown, as an author would write it: proves nothing was lost on the way in. */
export function toMarkdown(inlines: Inline[]): string {
  return inlines
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'mention':
          return `[${n.text}](place:${n.placeIds.join(',')})`;
        case 'link':
          return `[${n.text}](${n.href})`;
        case 'emphasis':
          return `*${toMarkdown(n.children)}*`;
        case 'strong':
          return `**${toMarkdown(n.children)}**`;
      }
    })
    .join('');
}

/** The article's paragraphs: blocks separated by blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
