import { describe, expect, it } from 'vitest';
import { unknownPlace } from '../../../../src/story/rules/places.ts';
import { fixtureGazetteer } from '../support.ts';

describe('unknownPlace', () => {
  const known = fixtureGazetteer.places;

  it('offers the id by its letters, a name or an alias, or a small edit away', () => {
    expect(unknownPlace('The Black Sea', known)).toBe(
      'unknown place "The Black Sea" — did you mean "black-sea" (sea)?',
    );
    expect(unknownPlace('kiev', known)).toBe('unknown place "kiev" — did you mean "kyiv" (city)?');
    expect(unknownPlace('sevastapol', known)).toBe(
      'unknown place "sevastapol" — did you mean "sevastopol" (city)?',
    );
  });

  it('says how to add a place when no id is close', () => {
    expect(unknownPlace('atlantis', known)).toBe(
      `unknown place "atlantis": use an id from the gazetteer or add the place to the story's places.geojson`,
    );
    expect(unknownPlace('atlantis', known, true)).toMatch(
      /or write the waypoint as \[longitude, latitude\]$/,
    );
    expect(unknownPlace('kyiv', new Map())).toMatch(/^unknown place "kyiv": use an id/);
  });
});
