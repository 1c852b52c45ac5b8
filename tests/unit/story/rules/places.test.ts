import { describe, expect, it } from 'vitest';
import { suggestPlaceId } from '../../../../src/story/rules/places.ts';
import { fixtureGazetteer } from '../support.ts';

describe('suggestPlaceId', () => {
  const known = fixtureGazetteer.places;

  it('finds the id by its letters, a name or an alias, or a small edit away', () => {
    expect(suggestPlaceId('The Black Sea', known)).toBe('black-sea');
    expect(suggestPlaceId('Kiev', known)).toBe('kyiv');
    expect(suggestPlaceId('sevastapol', known)).toBe('sevastopol');
  });

  it('suggests nothing when no id is close', () => {
    expect(suggestPlaceId('atlantis', known)).toBeUndefined();
    expect(suggestPlaceId('kyiv', new Map())).toBeUndefined();
  });
});
