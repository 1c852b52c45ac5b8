// The story check's last step before resolving: the front matter's words get the passages'
// typography (curly quotes and apostrophes), as a reader sees them in the title and legend.
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../../src/story/check.ts';
import { fixtureGazetteer } from './support.ts';

function check(frontMatter: string) {
  const source = `---\n${frontMatter}---\n\n[Kyiv](place:kyiv) said "no". {#said}\n`;
  return checkStory({ file: 'story.md', source, slug: 'words', gazetteer: fixtureGazetteer });
}

describe('the front matter’s words', () => {
  it('get curly quotes and apostrophes, as the passages do', () => {
    const result = check(
      [
        `title: Russia's "grain deal" ends`,
        `dek: 'Kyiv''s ports, the "corridor" and what''s next'`,
        `source: { outlet: "The Paper's Desk", url: "https://example.org/a'b" }`,
        'published: 2024-06-25',
        `byline: O'Brien`,
        `borders: Lines are "as of 2024"`,
        'places:',
        '  kyiv: {}',
        '',
      ].join('\n'),
    );
    expect(result.diagnostics).toEqual([]);
    const story = result.story!;
    expect(story.title).toBe('Russia’s “grain deal” ends');
    expect(story.dek).toBe('Kyiv’s ports, the “corridor” and what’s next');
    expect(story.byline).toBe('O’Brien');
    expect(story.borders).toBe('Lines are “as of 2024”');
    expect(story.source.outlet).toBe('The Paper’s Desk');
    // A URL is not words: it stays as written.
    expect(story.source.url).toBe("https://example.org/a'b");
    expect(story.passages[0]!.inlines.map((n) => ('text' in n ? n.text : '')).join('')).toBe(
      'Kyiv said “no”.',
    );
  });
});
