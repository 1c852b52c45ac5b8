import { describe, expect, it } from 'vitest';
import { categoriesOf, categoryOf, placeGroups } from '../../../src/catalogue/categories.ts';
import { mapData } from '../../../src/map/draw/mapData.ts';
import { kindText } from '../../../src/catalogue/categories.ts';
import { facts } from '../../../src/reading/format.ts';
import { loadFixture } from '../story/support.ts';

// A story about another dispute, with its own status ids and words: data only, no code.
describe('statuses are the story’s own', () => {
  const { story, diagnostics } = loadFixture('other-dispute');

  it('resolves a status vocabulary the code has never seen', () => {
    expect(diagnostics).toEqual([]);
    expect(story!.statuses.map((s) => [s.id, s.style])).toEqual([
      ['administered', 'hatch-wide'],
      ['home', 'solid'],
    ]);
    expect(story!.borders).toBe('Lines follow the 1975 ceasefire.');
  });

  it('legends the statuses in the story’s order and words, then the kinds', () => {
    const categories = categoriesOf(story!);
    expect(categories.slice(0, 2)).toEqual([
      {
        id: 'administered',
        label: 'Administered by the neighbour since 1975',
        geometry: 'area',
        style: 'hatch-wide',
      },
      { id: 'home', label: 'Undisputed territory', geometry: 'area', style: 'solid' },
    ]);
    expect(categories.map((c) => c.id)).toContain('region');
    expect(categoryOf(story!.places['far-coast']!)).toBe('administered');
  });

  it('groups the places as the list shows them: by category in legend order, none twice', () => {
    const groups = placeGroups(story!);
    const order = categoriesOf(story!).map((c) => c.id);
    const at = groups.map((g) => order.indexOf(g.category.id));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (const g of groups) {
      expect(g.places.length).toBeGreaterThan(0);
      for (const p of g.places) expect(categoryOf(p)).toBe(g.category.id);
    }
    const ids = groups.flatMap((g) => g.places.map((p) => p.id));
    expect(ids.sort()).toEqual(Object.keys(story!.places).sort());
  });

  it('draws each place by its status’s style and explains it in the story’s sentence', () => {
    const styles = Object.fromEntries(
      mapData(story!).places.features.map((f) => [f.properties!.id, f.properties!.statusStyle]),
    );
    expect(styles).toEqual({ 'far-coast': 'hatch-wide', 'capital-port': 'solid' });
    expect(kindText(story!.places['far-coast']!, story!)).toBe(
      'Region. Administered by the neighbour since 1975; its status is disputed at the UN.',
    );
  });

  it('shows the place’s dates by the names the data gives them', () => {
    const place = story!.places['far-coast']!;
    expect(facts(place, place.bounds)[0]).toEqual({
      term: 'Administered',
      detail: '14 November 1975',
    });
  });

  it('draws a place with no status as its kind', () => {
    const { story: seed } = loadFixture('local-incident');
    const [fire] = mapData(seed!).places.features.filter((f) => f.properties!.kind === 'incident');
    expect(fire!.properties!.statusStyle).toBe('none');
  });
});
