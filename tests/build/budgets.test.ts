// The built story pages stay within their size budgets (tests/build/budgets.ts). Runs after the
// browser project's globalSetup has built `dist/`.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kb, storyPageBytes, storySlugs } from '../../bench/bytes.ts';
import { BUDGETS } from './budgets.ts';

const DIST = resolve(import.meta.dirname, '../../dist');

describe.each(storySlugs(DIST))('%s/index.html', (slug) => {
  const bytes = storyPageBytes(DIST, slug);

  it.each(BUDGETS)('$what: at most $gz bytes gzipped', ({ key, what, gz }) => {
    const size = bytes[key];
    const files = size.files.map((f) => `${f.path} ${kb(f.gz)}`).join(', ');
    const over = `${what} is ${kb(size.gz)} gzipped, ${kb(size.gz - gz)} over its ${kb(gz)} budget (${files})`;
    expect(size.gz, over).toBeLessThanOrEqual(gz);
  });

  it('has something in every budgeted category the page loads', () => {
    // An empty category would mean the page changed shape and a budget checks nothing.
    for (const key of [
      'html',
      'jsInitial',
      'cssInitial',
      'jsLazy',
      'jsOnDemand',
      'storyLayers',
    ] as const) {
      expect(bytes[key].files.length, key).toBeGreaterThan(0);
    }
  });
});
