// The places list's markup: hydrated without being walked, so as safe as text interpolation, and
// carrying what PlacesList's listener and effect read.
import { describe, expect, it } from 'vitest';
import { placesListMarkup } from '../../../src/reading/listMarkup.ts';

describe('placesListMarkup', () => {
  it('keeps every story string text', () => {
    const markup = placesListMarkup([
      {
        category: { id: 'city', label: '<script>x</script>' },
        places: [{ id: 'a"b', label: '<img src=x onerror=alert(1)>', passages: [1] }],
      },
    ]);
    expect([...markup.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1])).toEqual([
      'h3',
      'span',
      'ul',
      'li',
      'a',
      'span',
    ]);
    expect(markup).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(markup).toContain('href="#place=a&#34;b"');
  });

  it('gives each place a link to its hash, its id and its count of mentions', () => {
    const markup = placesListMarkup([
      {
        category: { id: 'region', label: 'Regions', style: 'disputed' },
        places: [
          { id: 'crimea', label: 'Crimea', passages: [1, 2] },
          { id: 'kherson', label: 'Kherson Oblast', passages: [1] },
        ],
      },
    ]);
    expect(markup).toContain(
      '<span class="swatch swatch-disputed" aria-hidden="true"></span> Regions',
    );
    expect(markup).toContain(
      '<a href="#place=crimea" class="place-button" data-place="crimea">Crimea <span class="count">2 mentions</span></a>',
    );
    expect(markup).toContain('Kherson Oblast <span class="count">1 mention</span>');
  });
});
