import { describe, expect, it } from 'vitest';
import { formatDeepLink, parseDeepLink } from '../../../src/state/deepLink.ts';
import { parseFlags } from '../../../src/state/flags.ts';
import { serialisePageData, type PageData } from '../../../src/state/page.ts';

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
    '#place=toString&passage=hasOwnProperty',
    '#PLACE=crimea',
    '#place=Crimea',
    '#place=crimea;alert(1)',
    '#place=crimea%0A<script>alert(1)</script>',
    '#place= crimea',
    '#place=crimea-',
    '#place=--',
    '#' + 'place=crimea&'.repeat(100),
    '#passage=first-call\u2028',
    '#\u0000place=crimea',
  ])('ignores %j', (hash) => {
    expect(parseDeepLink(hash, known)).toEqual({});
  });

  it('reads percent-encoding and takes the passage when both are given', () => {
    expect(parseDeepLink('#place=%63rimea', known)).toEqual({ place: 'crimea' });
    expect(parseDeepLink('place=crimea', known)).toEqual({ place: 'crimea' });
    expect(parseDeepLink('#place=crimea&passage=first-call', known)).toEqual({
      passage: 'first-call',
    });
    expect(parseDeepLink('#place=crimea&utm_source=x', known)).toEqual({ place: 'crimea' });
  });

  it('never throws, whatever the hash', () => {
    const junk = ['%', '%%%', '#%E0%A4%A', '#\uD800', '#&&&==', '#=x', '#place', '#passage&place'];
    for (let i = 0; i < 2000; i++) {
      junk.push(
        '#' +
          String.fromCharCode(
            ...Array.from({ length: i % 40 }, (_, j) => (i * 31 + j * 7) % 0xffff),
          ),
      );
    }
    for (const hash of junk) expect(() => parseDeepLink(hash, known)).not.toThrow();
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

  it.each([
    '?theme=DARK',
    '?theme=dark%00',
    '?theme=__proto__&plain=javascript:alert(1)',
    '?' + 'static=1&'.repeat(100),
    '?%E0%A4%A=1&theme=%',
    '?plain=0&static=false&transparent=no',
  ])('falls back to the defaults for %j', (search) => {
    expect(parseFlags(search)).toEqual({
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

  it('keeps line separators, ampersands and comment openers out of the script text', () => {
    const page = {
      story: { title: 'a\u2028b\u2029c &amp; <!-- --> ]]> </SCRIPT >' },
    } as unknown as PageData;
    const text = serialisePageData(page);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(page);
  });
});
