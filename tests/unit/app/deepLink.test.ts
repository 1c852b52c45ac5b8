import { describe, expect, it } from 'vitest';
import { formatDeepLink, parseDeepLink } from '../../../src/app/deepLink.ts';
import { parseFlags } from '../../../src/app/flags.ts';
import { serialisePageData, type PageData } from '../../../src/app/page.ts';

const known = { passages: new Set(['first-call', 'crimea-strike']), places: new Set(['crimea']) };

describe('deep links', () => {
  it('reads a passage and a place', () => {
    expect(parseDeepLink('#passage=crimea-strike', known)).toEqual({ passage: 'crimea-strike' });
    expect(parseDeepLink('#place=crimea', known)).toEqual({ place: 'crimea' });
  });

  it.each([
    '',
    '#',
    '#place=atlantis',
    '#passage=',
    '#place=<img src=x onerror=alert(1)>',
    '#place=crimea%00',
    '#passage=' + 'a'.repeat(5000),
    '#%E0%A4%A',
    '#place=javascript:alert(1)',
    '#passage=__proto__',
    '#place=constructor',
  ])('ignores %j', (hash) => {
    expect(parseDeepLink(hash, known)).toEqual({});
  });

  it('writes what it reads', () => {
    for (const link of [{ passage: 'first-call' }, { place: 'crimea' }] as const) {
      expect(parseDeepLink(formatDeepLink(link), known)).toEqual(link);
    }
  });
});

describe('render flags', () => {
  it('reads known flags and ignores the rest', () => {
    expect(parseFlags('?theme=dark&plain&static=1&transparent=true')).toEqual({
      theme: 'dark',
      plain: true,
      static: true,
      transparent: true,
    });
    expect(parseFlags('?theme=<script>&plain=nope')).toEqual({
      theme: 'auto',
      plain: false,
      static: false,
      transparent: false,
    });
  });
});

describe('page data', () => {
  it('cannot close its script element early', () => {
    const page = {
      story: { title: '</script><script>alert(1)</script><!--' },
    } as unknown as PageData;
    const text = serialisePageData(page);
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual(page);
  });
});
