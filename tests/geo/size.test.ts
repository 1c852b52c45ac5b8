import { describe, expect, it } from 'vitest';
import { BUDGETS, measure, totals } from '../../geo/lib/sizes.ts';
import { publicDir } from './helpers.ts';

// Sizes are deterministic (the outputs are byte-stable), so the budgets can be asserted.
describe('size budgets (npm run geo:size)', () => {
  const sums = totals(measure(publicDir));

  it.each(sums.map((t) => [t.name, t.gzip] as const))('%s: %d bytes gzipped', (name, gzip) => {
    expect(gzip).toBeLessThanOrEqual(BUDGETS[name]);
  });
});
