import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/story/load.ts';
import { loadFixture } from './support.ts';

const F = 'tests/fixtures/stories';

/** Each broken fixture and the exact lines `npm run check:story` prints for it. */
const CASES: Record<string, string[]> = {
  'malformed-front-matter': [
    `${F}/malformed-front-matter/story.md:4:1: front matter is not valid YAML: flow map in block collection must be sufficiently indented and end with a }`,
  ],
  'unclosed-front-matter': [
    `${F}/unclosed-front-matter/story.md:1:1: front matter is not closed: add a line with --- after it`,
  ],
  'schema-errors': [
    `${F}/schema-errors/story.md:2:1: front matter: "title" is missing`,
    `${F}/schema-errors/story.md:2:1: front matter: "byline" is missing`,
    `${F}/schema-errors/story.md:2:1: front matter: unknown key "tittle": remove it or check its spelling`,
    `${F}/schema-errors/story.md:5:8: front matter: "source.url": must be an http or https URL`,
    `${F}/schema-errors/story.md:6:12: front matter: "published": must be a date written YYYY-MM-DD`,
    `${F}/schema-errors/story.md:9:14: front matter: "places.kyiv.display": invalid option: expected one of "map"|"inset"|"card"`,
    `${F}/schema-errors/story.md:10:13: front matter: "places.kyiv.camera.zoom" is missing`,
    `${F}/schema-errors/story.md:12:45: front matter: unknown key "places.moscow.camera.zoom": remove it or check its spelling`,
  ],
  'unknown-place': [
    `${F}/unknown-place/story.md:9:3: front matter: unknown place "atlantis": use an id from the gazetteer or add the place to the story's places.geojson`,
    `${F}/unknown-place/story.md:12:35: unknown place "atlantis": use an id from the gazetteer or add the place to the story's places.geojson`,
  ],
  'misspelled-place': [
    `${F}/misspelled-place/story.md:9:3: front matter: place "crimea" is listed but never mentioned: link it in the text or remove it from places`,
    `${F}/misspelled-place/story.md:17:31: unknown place "crimaea" — did you mean "crimea" (region)?`,
  ],
  'unlisted-place': [
    `${F}/unlisted-place/story.md:10:3: front matter: place "moscow" is listed but never mentioned: link it in the text or remove it from places`,
    `${F}/unlisted-place/story.md:13:39: place "havana" is not in the front matter's places: add "havana:" under places`,
  ],
  'duplicate-passage-id': [
    `${F}/duplicate-passage-id/story.md:14:25: duplicate passage id "capital" (also on line 12): give each paragraph its own id`,
  ],
  'missing-id': [
    `${F}/missing-id/story.md:12:62: passage has no id: end the paragraph with {#aid-package-kyiv}`,
  ],
  'empty-passage': [
    `${F}/empty-passage/story.md:14:1: passage "lonely" is empty: write its text before {#lonely} or delete it`,
  ],
  'empty-label': [
    `${F}/empty-label/story.md:12:36: link with an empty label: write the words readers see between [ and ]`,
  ],
  'no-geometry': [
    `${F}/no-geometry/story.md:12:38: place "secret-base" has no geometry in ${F}/no-geometry/places.geojson: add one there or link a place that has one`,
  ],
  'local-collision': [
    `${F}/local-collision/places.geojson:2:21: place "kyiv" is already in the gazetteer (tests/fixtures/gazetteer/places.geojson): give the story's place another id`,
  ],
  'unsafe-content': [
    `${F}/unsafe-content/story.md:12:23: raw HTML is not allowed: remove "<b>"`,
    `${F}/unsafe-content/story.md:12:30: raw HTML is not allowed: remove "</b>"`,
    `${F}/unsafe-content/story.md:12:50: unsafe link "javascript:alert(1)": only place:, https:, http: and mailto: links are allowed`,
    `${F}/unsafe-content/story.md:12:71: images are not allowed in story text: remove it`,
    `${F}/unsafe-content/story.md:14:1: raw HTML is not allowed: remove "<script>alert('x')</script>"`,
    `${F}/unsafe-content/story.md:16:38: unsafe link "page.html": only place:, https:, http: and mailto: links are allowed`,
  ],
  'not-paragraphs': [
    `${F}/not-paragraphs/story.md:12:1: only paragraphs are allowed in a story, found a heading (the title belongs in the front matter): write it as a paragraph ending with {#id}`,
    `${F}/not-paragraphs/story.md:16:1: only paragraphs are allowed in a story, found a list: write it as a paragraph ending with {#id}`,
  ],
  'views-and-passages': [
    `${F}/views-and-passages/story.md:10:3: front matter: place "black-sea" is listed but never mentioned: link it in the text or remove it from places`,
    `${F}/views-and-passages/story.md:14:22: front matter: layer "moscow" is not in places: list it under places`,
    `${F}/views-and-passages/story.md:15:3: front matter: passage "ghost" matches no paragraph: end a paragraph with {#ghost} or remove this entry`,
  ],
  'undefined-status': [
    `${F}/undefined-status/story.md:8:3: front matter: place "ukraine" has status "recognised" (tests/fixtures/gazetteer/places.geojson), which the story does not define: add "recognised:" under statuses with legend, description and style: solid, hatch, hatch-wide, dashed or dotted`,
    `${F}/undefined-status/story.md:15:3: front matter: status "occupied" is defined but no listed place has it: remove it from statuses`,
    `${F}/undefined-status/story.md:19:3: front matter: status "city" has the name of a place kind: give it another id (and the places that carry it)`,
  ],
  'not-utf8': [
    `${F}/not-utf8/story.md:11:23: file is not valid UTF-8 (byte 0xE9 at byte offset 137): save it as UTF-8`,
  ],
  empty: [
    `${F}/empty/story.md:1:1: file is empty: a story needs content (see docs/story-format.md)`,
  ],
};

describe('broken stories fail with the exact message and position', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, () => {
      const result = loadFixture(name);
      expect(result.story).toBeUndefined();
      expect(result.diagnostics.map(formatDiagnostic)).toEqual(expected);
    });
  }

  it('never resolves a story that has problems, and never throws', () => {
    for (const name of Object.keys(CASES)) {
      expect(() => loadFixture(name)).not.toThrow();
    }
  });
});
