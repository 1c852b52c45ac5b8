import { describe, expect, it } from 'vitest';
import { loadPlaces } from '../../../../src/story/load.ts';
import { didYouMean, nearestPlaces } from '../../../../src/story/rules/nearest.ts';
import { committed, fixtureGazetteer, REAL_GAZETTEER } from '../support.ts';

const world = loadPlaces(committed(REAL_GAZETTEER), { what: 'gazetteer' }).places;
const ids = (id: string) => {
  const { named, similar } = nearestPlaces(id, world);
  return [...named, ...similar].map((p) => p.id);
};

describe('nearest places to an unknown id', () => {
  it('names the place an alias spells, with its kind and country', () => {
    expect(didYouMean('bosphorus', world)).toBe(' — did you mean "bosporus" (strait)?');
    expect(didYouMean('sevastapol', world)).toBe(' — did you mean "sevastopol" (city, Ukraine)?');
  });

  it('lists every place an ambiguous alias names, the city before the region named after it', () => {
    expect(didYouMean('odessa', world)).toBe(
      ' — several places are called that: "odesa" (city, Ukraine), "odessa-us" (city, United States), "odesa-oblast" (region, Ukraine); use the id of the one you mean',
    );
    expect(ids('kiev').slice(0, 2)).toEqual(['kyiv', 'kyiv-oblast']);
  });

  it('reads a name qualified by its region or country', () => {
    expect(ids('paris-texas')).toEqual(['paris-us']);
    expect(ids('georgia-usa')).toEqual(['georgia-us']);
  });

  it('offers ids a small edit away, and nothing when none is near', () => {
    expect(ids('romainia')).toEqual(['romania']);
    expect(nearestPlaces('qqqqqqqqqqqq', world)).toEqual({ named: [], similar: [] });
  });

  it('works on a small gazetteer without countries or ranks', () => {
    expect(didYouMean('crimaea', fixtureGazetteer.places)).toBe(
      ' — did you mean "crimea" (region)?',
    );
  });
});
