// The static map's places as markup: hydrated without being walked, so as safe as text
// interpolation was, and carrying what StaticMap's effect and listener read.
import { describe, expect, it } from 'vitest';
import { staticPlacesMarkup } from '../../../src/map/staticMarkup.ts';
import type { StaticFeature } from '../../../src/state/page.ts';

const hostile: StaticFeature = {
  id: 'x"><script>',
  label: '<img src=x onerror=alert(1)>',
  category: 'city"',
  statusStyle: 'none',
  tint: 0,
  kind: 'city',
  geometry: 'point',
  role: 'place',
  d: '',
  x: 1,
  y: 2,
  texts: { wide: { x: 1, y: 20, size: 13 } },
};

describe('staticPlacesMarkup', () => {
  it('keeps every story string text', () => {
    const markup = staticPlacesMarkup([hostile], []);
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    expect(markup).toContain('>&#60;img src=x onerror=alert(1)&#62;</text>');
    expect(markup).toContain('data-place="x&#34;&#62;&#60;script&#62;"');
    expect(markup).toContain('data-category="city&#34;"');
  });

  it('dims what the view does not emphasise, and hatches by status', () => {
    const area: StaticFeature = {
      ...hostile,
      id: 'crimea',
      label: 'Crimea',
      category: 'annexed',
      kind: 'region',
      geometry: 'area',
      statusStyle: 'hatch',
      d: 'M0,0L1,1Z',
    };
    const ring: StaticFeature = { ...area, id: 'drone', role: 'uncertainty' };
    const markup = staticPlacesMarkup([area, ring], ['crimea']);
    expect(markup).toMatch(/<a href="#place=crimea" class="[^"]*role-place" data-place="crimea"/);
    expect(markup).toContain('fill="url(#static-hatch)"');
    // The ring opens its place but is no second link for the keyboard or a screen reader.
    expect(markup).toMatch(
      /<a href="#place=drone" tabindex="-1" aria-hidden="true" class="[^"]*role-uncertainty faint"/,
    );
    expect(markup.match(/url\(#static-hatch\)/g)).toHaveLength(1);
  });
});
