// Every name a story can show renders in the bundled font: each character of every gazetteer
// name, and of every label of every story (the published ones and the fixtures), falls in a
// glyph range public/fonts ships. MapLibre fetches a range only when a label on screen needs it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GAZETTEER, listStories, loadPlaces, loadStory } from '../../src/story/load.ts';
import { publicDir, root } from './helpers.ts';

const FONT = join(publicDir, 'fonts', 'Noto Sans Regular');

/** The 256-code-point range file a character's glyph is in, e.g. `256-511` for ă. */
const rangeOf = (ch: string) => {
  const start = Math.floor(ch.codePointAt(0)! / 256) * 256;
  return `${start}-${start + 255}`;
};

function missing(names: Iterable<string>): string[] {
  const out = new Map<string, string>();
  for (const name of names) {
    for (const ch of name) {
      if (/\s/.test(ch)) continue;
      const range = rangeOf(ch);
      if (!existsSync(join(FONT, `${range}.pbf`)) && !out.has(range))
        out.set(range, `${range} (needed by “${name}”)`);
    }
  }
  return [...out.values()];
}

// Reading the whole gazetteer takes seconds on a loaded machine.
describe('glyph ranges', { timeout: 30_000 }, () => {
  it('cover every name in the world gazetteer', () => {
    const fc = JSON.parse(
      gunzipSync(readFileSync(join(root, 'gazetteer', 'world.geojson.gz'))).toString('utf8'),
    ) as { features: { properties: { name: string } }[] };
    expect(fc.features.length).toBeGreaterThan(10_000);
    expect(missing(fc.features.map((f) => f.properties.name))).toEqual([]);
  });

  it('cover every label of every story', () => {
    const folders = [
      ...listStories('stories'),
      ...listStories('tests/fixtures/stories-lines'),
      ...listStories('tests/fixtures/stories-world'),
      ...listStories('tests/fixtures/stories'),
    ];
    const labels: string[] = [];
    const gazetteer = loadPlaces(DEFAULT_GAZETTEER, { what: 'gazetteer' });
    for (const folder of folders) {
      const { story } = loadStory(folder, { gazetteer });
      if (story) labels.push(...Object.values(story.places).map((p) => p.label));
    }
    expect(labels.length).toBeGreaterThan(20);
    expect(missing(labels)).toEqual([]);
  });

  it('would catch a name outside them', () => {
    expect(missing(['Constanța', 'Hà Nội', 'Αθήνα', 'Київ'])).toEqual([]);
    expect(missing(['東'])).toEqual(['26368-26623 (needed by “東”)']);
  });
});
