import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUnlinkedMentions } from '../../../src/story/suggest.ts';
import { fixtureGazetteer, SEED_ARTICLE, SEED_STORY } from './support.ts';

const places = [...fixtureGazetteer.places.values()];
const brief = (text: string) =>
  findUnlinkedMentions(text, places).map((s) => `${s.line}:${s.column} ${s.text} → ${s.link}`);

describe('suggest: unlinked mentions', () => {
  it('finds every place name in the raw article, with the link to add', () => {
    expect(brief(readFileSync(SEED_ARTICLE, 'utf8'))).toEqual([
      '1:26 Russia → [Russia](place:russia)',
      '1:37 the United States → [the United States](place:united-states)',
      '3:1 The Pentagon → [The Pentagon](place:pentagon)',
      '3:26 US → [US](place:united-states)',
      '3:293 Pentagon → [Pentagon](place:pentagon)',
      '5:14 Russia → [Russia](place:russia)',
      '5:113 US → [US](place:united-states)',
      '5:133 Ukraine → [Ukraine](place:ukraine)',
      '5:183 Russia → [Russia](place:russia)',
      '5:379 Ukraine → [Ukraine](place:ukraine)',
      '7:25 Ukraine → [Ukraine](place:ukraine)',
      '7:182 Washington → [Washington](place:washington)',
      '7:197 Moscow → [Moscow](place:moscow)',
      '9:15 Moscow → [Moscow](place:moscow)',
      '9:30 the United States → [the United States](place:united-states)',
      '9:115 Crimean peninsula → [Crimean peninsula](place:crimea)',
      '9:196 US → [US](place:united-states)',
      '9:217 Ukraine → [Ukraine](place:ukraine)',
      '9:247 Congress → [Congress](place:us-capitol)',
      '9:298 Kyiv → [Kyiv](place:kyiv)',
      '9:308 US → [US](place:united-states)',
      '9:341 Ukraine → [Ukraine](place:ukraine)',
      '11:199 Black Sea → [Black Sea](place:black-sea)',
      '11:226 Ukraine → [Ukraine](place:ukraine)',
    ]);
  });

  it('finds nothing left to link in the finished story', () => {
    expect(brief(readFileSync(`${SEED_STORY}/story.md`, 'utf8'))).toEqual([]);
  });

  it('uses alternative names, and leaves adjectives, compounds, links and ids alone', () => {
    const text =
      'In Kiev, Russian and US-supplied arms; [Kyiv](place:kyiv) again; the Krym bridge {#crimea}';
    expect(brief(text)).toEqual([
      '1:4 Kiev → [Kiev](place:kyiv)',
      '1:70 Krym → [Krym](place:crimea)',
    ]);
  });

  it('prefers the longest name at a position', () => {
    expect(brief('the Crimean peninsula and Crimea')).toEqual([
      '1:1 the Crimean peninsula → [the Crimean peninsula](place:crimea)',
      '1:27 Crimea → [Crimea](place:crimea)',
    ]);
  });

  it('lists every place sharing a name', () => {
    const twin = { ...fixtureGazetteer.places.get('kyiv')!, id: 'kyiv-city' };
    const [s] = findUnlinkedMentions('Kyiv', [...places, twin]);
    expect(s!.placeIds).toEqual(['kyiv', 'kyiv-city']);
  });
});
