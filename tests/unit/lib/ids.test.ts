import { describe, expect, it } from 'vitest';
import { KEBAB, slugify } from '../../../src/lib/ids.ts';

describe('ids', () => {
  it('slugifies text into an id KEBAB accepts', () => {
    expect(slugify("Côte d'Ivoire")).toBe('cote-d-ivoire');
    expect(slugify('  The Black Sea!  ')).toBe('the-black-sea');
    expect(KEBAB.test(slugify('Zaporizhzhia  Oblast'))).toBe(true);
    expect(slugify('東京')).toBe('');
  });
});
