import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadStory } from '../../../src/story/load.ts';
import { plain } from '../../../src/story/plain.ts';
import { resolvedStorySchema, type ResolvedStory } from '../../../src/story/schema.ts';
import {
  committed,
  fixtureGazetteer,
  paragraphs,
  REAL_GAZETTEER,
  SEED_ARTICLE,
  SEED_STORY,
  toMarkdown,
} from './support.ts';

/** Every mention in the seed story, passage by passage: [words as written, place ids]. */
const MENTIONS: Record<string, [string, string][]> = {
  'first-call': [
    ['Russia', 'russia'],
    ['United States', 'united-states'],
  ],
  'pentagon-account': [
    ['Pentagon', 'pentagon'],
    ['US', 'united-states'],
    ['Pentagon', 'pentagon'],
  ],
  'moscow-warning': [
    ['Russia', 'russia'],
    ['US', 'united-states'],
    ['Ukraine', 'ukraine'],
    ['Russia', 'russia'],
    ['Ukraine', 'ukraine'],
  ],
  'lowest-point': [
    ['Ukraine', 'ukraine'],
    ['four Ukrainian regions', 'donetsk,luhansk,zaporizhzhia,kherson'],
    ['the eastern part of the country', 'eastern-ukraine'],
    ['Washington', 'washington'],
    ['Moscow', 'moscow'],
    ['Cuban Missile Crisis', 'cuba'],
  ],
  'crimea-strike': [
    ['Moscow', 'moscow'],
    ['United States', 'united-states'],
    ['a Ukrainian attack', 'sevastopol-strike'],
    ['Crimean peninsula', 'crimea'],
    ['US', 'united-states'],
    ['Ukraine', 'ukraine'],
    ['Congress', 'us-capitol'],
    ['Kyiv', 'kyiv'],
    ['US', 'united-states'],
    ['Ukraine', 'ukraine'],
    ['its 1991 borders', 'ukraine'],
  ],
  'black-sea-drone': [
    ['the downing of an American drone', 'drone-downing'],
    ['Black Sea', 'black-sea'],
    ['Ukraine', 'ukraine'],
  ],
};

function load(gazetteer = fixtureGazetteer) {
  const result = loadStory(SEED_STORY, { gazetteer });
  expect(result.diagnostics).toEqual([]);
  return result.story!;
}

/** The seed article has no quotes, only apostrophes inside words (or after a link, in story.md):
 * the story sets them as ’. */
const typeset = (text: string) => text.replace(/(?<=[\p{L})])'(?=\p{L})/gu, '’');

describe('seed story (stories/black-sea-call)', () => {
  const story = load();

  it('passes every check', () => {
    expect(story.slug).toBe('black-sea-call');
    expect(story.passages.map((p) => p.id)).toEqual(Object.keys(MENTIONS));
  });

  it('keeps every paragraph of the article, word for word, its apostrophes set curly', () => {
    const article = paragraphs(readFileSync(SEED_ARTICLE, 'utf8')).map(typeset);
    expect(story.passages.map((p) => plain(p.inlines))).toEqual(article);
    expect(article.join(' ')).toContain('Russia’s Defense Ministry');
  });

  it('round-trips every paragraph and link of story.md', () => {
    const source = readFileSync(`${SEED_STORY}/story.md`, 'utf8');
    const body = paragraphs(source.slice(source.indexOf('\n---\n') + 5)).map(typeset);
    expect(story.passages.map((p) => `${toMarkdown(p.inlines)} {#${p.id}}`)).toEqual(body);
  });

  it('links every geographic reference to the expected places', () => {
    for (const passage of story.passages) {
      const mentions = passage.inlines
        .filter((n) => n.type === 'mention')
        .map((n) => [n.text, n.placeIds.join(',')]);
      expect(mentions, passage.id).toEqual(MENTIONS[passage.id]);
    }
  });

  it('lists exactly the places it mentions, each with its provenance', () => {
    const mentioned = new Set(
      Object.values(MENTIONS).flatMap((list) => list.flatMap(([, ids]) => ids.split(','))),
    );
    expect(new Set(Object.keys(story.places))).toEqual(mentioned);
    expect(story.places.crimea).toMatchObject({
      kind: 'region',
      status: 'annexed-2014',
      dates: { annexed: '2014-03-18' },
    });
    expect(story.places.kherson).toMatchObject({
      status: 'claimed-2022',
      dates: { claimed: '2022-09-30' },
    });
    expect(story.places['drone-downing']).toMatchObject({
      kind: 'incident',
      confidence: 'approximate',
      uncertainty_m: 25000,
      dates: { incident: '2023-03-14' },
      passages: ['black-sea-drone'],
    });
    for (const place of Object.values(story.places)) {
      expect(place.source.dataset, place.id).not.toBe('');
    }
  });

  it('keeps distant places off the Black Sea map', () => {
    const view = (id: string) => story.passages.find((p) => p.id === id)!.view;
    expect(view('pentagon-account')).toEqual({
      ...story.initialView,
      insets: ['pentagon', 'united-states'],
    });
    expect(view('lowest-point')).toMatchObject({ insets: ['washington'], cards: ['cuba'] });
    expect(view('lowest-point').layers).not.toContain('washington');
    expect(view('crimea-strike').insets).toEqual(['united-states', 'us-capitol']);
    expect(view('first-call')).toMatchObject({
      projection: 'globe',
      layers: ['russia', 'united-states'],
    });
    for (const passage of story.passages) {
      if (passage.view.projection === 'globe' || !('bounds' in passage.view.camera)) continue;
      const [[west], [east]] = passage.view.camera.bounds;
      expect(east - west, passage.id).toBeLessThan(40);
    }
  });

  it('is valid against its own schema and survives JSON', () => {
    const json: unknown = JSON.parse(JSON.stringify(story));
    const parsed: ResolvedStory = resolvedStorySchema.parse(json);
    expect(parsed.passages).toHaveLength(6);
    // The layers are plain GeoJSON for MapLibre.
    const layers: FeatureCollection = parsed.layers;
    expect(layers.features.map((f) => f.id)).toEqual(Object.keys(story.places));
  });

  it('passes against the real gazetteer', () => {
    committed(REAL_GAZETTEER);
    const result = loadStory(SEED_STORY);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.story!.passages.map((p) => plain(p.inlines))).toEqual(
      paragraphs(readFileSync(SEED_ARTICLE, 'utf8')).map(typeset),
    );
  });
});
