// The passages' markup: the page hydrates it without walking it, so it must be exactly as safe
// as text interpolation was, and carry what the Article's listeners and effects read.
import { describe, expect, it } from 'vitest';
import { inlineMarkup, passagesMarkup } from '../../../src/reading/inlineMarkup.ts';
import type { Inline } from '../../../src/story/schema.ts';

const hostile: Inline[] = [
  { type: 'text', text: '<img src=x onerror=alert(1)> & ' },
  { type: 'mention', placeIds: ['kyiv'], text: '<b>Kyiv</b>' },
  { type: 'link', href: 'https://x.org/?a="><script>', text: 'a "link"' },
  { type: 'emphasis', children: [{ type: 'text', text: '</em><script>' }] },
];

/** The markup parsed as a browser would, as the elements it makes. */
function elements(markup: string): string[] {
  return [...markup.matchAll(/<([a-z]+)[\s>]/g)].map((m) => m[1]!);
}

describe('inlineMarkup', () => {
  it('keeps every story string text: no element but its own', () => {
    const markup = inlineMarkup(hostile);
    expect(elements(markup)).toEqual(['button', 'a', 'em']);
    expect(markup).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; ');
    expect(markup).toContain('href="https://x.org/?a=&#34;&#62;&#60;script&#62;"');
  });

  it('makes each mention a described button naming its places', () => {
    const markup = inlineMarkup([{ type: 'mention', placeIds: ['a', 'b'], text: 'A and B' }]);
    expect(markup).toBe(
      '<button type="button" class="mention" aria-describedby="mention-action" data-places="a b">A and B</button>',
    );
  });

  it('in a quote, marks the mentions of the quoted places and makes no control', () => {
    const inlines: Inline[] = [
      { type: 'mention', placeIds: ['a'], text: 'A' },
      { type: 'text', text: ' by ' },
      { type: 'mention', placeIds: ['b'], text: 'B' },
    ];
    expect(inlineMarkup(inlines, ['a'])).toBe('<mark>A</mark> by B');
  });
});

describe('passagesMarkup', () => {
  it('gives each passage its paragraph, in order, and its print image numbered', () => {
    const markup = passagesMarkup(
      [
        { id: 'one', inlines: [{ type: 'text', text: 'First.' }] },
        { id: 'two', inlines: [{ type: 'text', text: 'Second.' }] },
      ],
      'story/',
    );
    expect([...markup.matchAll(/data-passage="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'one',
      'two',
    ]);
    expect(markup).toContain(
      '<p id="passage-two" class="passage" data-passage="two" tabindex="-1">Second.</p>',
    );
    expect(markup).toContain('src="story/images/passage-two.svg" alt="Map of passage 2"');
  });
});
