import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../../src/story/check.ts';
import { formatDiagnostic } from '../../../src/story/diagnostics.ts';
import { parseStory } from '../../../src/story/parse.ts';
import { inlineSchema, type Inline } from '../../../src/story/schema.ts';
import { fixtureGazetteer, loadFixture } from './support.ts';

const FRONT = `---
title: T
source: { outlet: O }
published: 2024-06-25
byline: B
places:
  kyiv:
---

`;

function check(body: string, slug = 'test-story') {
  return checkStory({ file: 's.md', source: FRONT + body, slug, gazetteer: fixtureGazetteer });
}

function types(inlines: Inline[]): string[] {
  return inlines.flatMap((n) =>
    n.type === 'emphasis' || n.type === 'strong' ? [n.type, ...types(n.children)] : [n.type],
  );
}

describe('passages are typed inline nodes', () => {
  it('keeps emphasis, strong, mentions and safe links as data', () => {
    const { story, diagnostics } = loadFixture('minimal');
    expect(diagnostics).toEqual([]);
    expect(story!.passages[0]!.inlines).toEqual([
      { type: 'text', text: 'The ' },
      { type: 'mention', placeIds: ['crimea'], text: 'Crimean peninsula' },
      { type: 'text', text: ' is ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'far' }] },
      { type: 'text', text: ' from ' },
      { type: 'strong', children: [{ type: 'mention', placeIds: ['kyiv'], text: 'Kyiv' }] },
      { type: 'text', text: ', says ' },
      { type: 'link', href: 'https://example.org/wire', text: 'the wire' },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads a paragraph written over several lines as one line of text', () => {
    const { story } = loadFixture('minimal');
    expect(story!.passages[1]!.inlines).toEqual([
      { type: 'text', text: 'A second paragraph written on two lines.' },
    ]);
  });

  it('accepts a mention naming several places', () => {
    const { story, diagnostics } = check(
      '[Kyiv and Moscow](place:kyiv,moscow) wrote to [us](mailto:desk@example.org). {#a}',
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:10:30: place "moscow" is not in the front matter\'s places: add "moscow:" under places',
    ]);
    expect(story).toBeUndefined();
    const parsed = parseStory(FRONT + '[Kyiv and Moscow](place:kyiv,moscow) x. {#a}', 's.md');
    expect(parsed.passages[0]!.mentions[0]).toMatchObject({ placeIds: ['kyiv', 'moscow'] });
  });

  it('accepts a mailto link: it is in the resolved passage, with its href', () => {
    const { story, diagnostics } = check(
      '[Kyiv](place:kyiv) wrote to [the desk](mailto:desk@example.org?subject=Kyiv). {#a}',
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(story!.passages[0]!.inlines).toEqual([
      { type: 'mention', placeIds: ['kyiv'], text: 'Kyiv' },
      { type: 'text', text: ' wrote to ' },
      { type: 'link', href: 'mailto:desk@example.org?subject=Kyiv', text: 'the desk' },
      { type: 'text', text: '.' },
    ]);
  });
});

describe('typography from the Markdown stage', () => {
  it('sets quotes and apostrophes curly, across mentions and emphasis', () => {
    const { story, diagnostics } = check(
      `[Kyiv](place:kyiv)'s mayor said "it's *over*" and 'no' -- twice... {#a}`,
    );
    expect(diagnostics).toEqual([]);
    expect(story!.passages[0]!.inlines).toEqual([
      { type: 'mention', placeIds: ['kyiv'], text: 'Kyiv' },
      { type: 'text', text: '’s mayor said “it’s ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'over' }] },
      // Dashes and dots stay as written.
      { type: 'text', text: '” and ‘no’ -- twice...' },
    ]);
  });

  it('keeps a URL shown as its own link text exactly', () => {
    const { story } = check(`See <https://example.org/'a'> [Kyiv](place:kyiv). {#a}`);
    expect(story!.passages[0]!.inlines[1]).toEqual({
      type: 'link',
      href: "https://example.org/'a'",
      text: "https://example.org/'a'",
    });
  });

  it('still places a stray passage id exactly, after a shortened "--"', () => {
    const { diagnostics } = check('A -- b... [Kyiv](place:kyiv) {#a} more text {#b}');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:10:30: a passage id must come at the very end of its paragraph',
    ]);
  });
});

describe('story text can never become markup', () => {
  const nasty = [
    'Hello <img src=x onerror=alert(1)> [Kyiv](place:kyiv). {#a}',
    '[Kyiv](place:kyiv) <script>alert(1)</script> {#b}',
    '[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,hi) [Kyiv](place:kyiv) {#c}',
    '[w](&#106;avascript:alert(1)) [v](vbscript:x) [Kyiv](place:kyiv) {#d}',
    '[<b>Kyiv</b>](place:kyiv) {#e}',
  ];

  for (const body of nasty) {
    it(`rejects ${JSON.stringify(body.slice(0, 40))}`, () => {
      const { story, diagnostics } = check(body);
      expect(story).toBeUndefined();
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) {
        expect(d.message).toMatch(/^(raw HTML is not allowed|unsafe link)/);
      }
    });
  }

  it('turns raw HTML into literal text in the model, if it ever got through', () => {
    const parsed = parseStory(
      FRONT + 'A <script>alert(1)</script> b [Kyiv](place:kyiv) {#a}',
      's.md',
    );
    const inlines = parsed.passages[0]!.inlines;
    expect(types(inlines)).toEqual(['text', 'mention']);
    expect(inlines[0]).toEqual({ type: 'text', text: 'A <script>alert(1)</script> b ' });
    // The schema itself refuses any node type a renderer would have to treat as HTML.
    expect(inlineSchema.safeParse({ type: 'html', value: '<b>' }).success).toBe(false);
    expect(inlineSchema.safeParse({ type: 'link', href: 'javascript:x', text: 'x' }).success).toBe(
      false,
    );
  });

  it('drops unsafe links to their label text', () => {
    const parsed = parseStory(FRONT + '[click](javascript:alert(1)) {#a}', 's.md');
    expect(parsed.passages[0]!.inlines).toEqual([{ type: 'text', text: 'click' }]);
  });
});

describe('front matter and passage ids', () => {
  it('requires front matter', () => {
    const result = checkStory({
      file: 's.md',
      source: 'Just text. {#a}\n',
      slug: 's',
      gazetteer: fixtureGazetteer,
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      's.md:1:1: missing front matter: start the file with a --- line, then title, source, published, byline and places, then a --- line',
    ]);
  });

  it('rejects an invalid passage id with a fix', () => {
    const { diagnostics } = check('[Kyiv](place:kyiv) {#Kyiv_Aid}');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:10:22: invalid passage id "Kyiv_Aid": use lowercase letters, digits and hyphens, e.g. {#kyiv-aid}',
    ]);
  });

  it('rejects an id in the middle of a paragraph', () => {
    const { diagnostics } = check('[Kyiv](place:kyiv) {#a} more text {#b}');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:10:20: a passage id must come at the very end of its paragraph',
    ]);
  });

  it('rejects a story folder name that cannot be a URL slug', () => {
    const { diagnostics } = check('[Kyiv](place:kyiv) {#a}', 'Black Sea');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:1:1: story folder "Black Sea" must be kebab-case (lowercase letters, digits, hyphens), e.g. "black-sea"',
    ]);
  });

  it('reports a story with no passages', () => {
    const { diagnostics } = check('');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      's.md:7:3: front matter: place "kyiv" is listed but never mentioned: link it in the text or remove it from places',
      's.md:10:1: story has no passages: write paragraphs, each ending with {#id}',
    ]);
  });

  it('suggests ids from names, aliases and near misses', () => {
    for (const [typo, id, kind] of [
      ['Kiev', 'kyiv', 'city'],
      ['crimaea', 'crimea', 'region'],
      ['the-pentagon', 'pentagon', 'site'],
      ['Black-Sea', 'black-sea', 'sea'],
    ]) {
      const { diagnostics } = check(`[x](place:${typo}) [Kyiv](place:kyiv) {#a}`);
      expect(diagnostics[0]!.message).toBe(
        `unknown place "${typo}" — did you mean "${id}" (${kind})?`,
      );
    }
  });

  it('accepts a byte-order mark and Windows line ends', () => {
    const source =
      '\uFEFF' + (FRONT + '[Kyiv](place:kyiv) is\nhere. {#a}\n').replace(/\n/g, '\r\n');
    const bytes = new TextEncoder().encode(source);
    const result = checkStory({
      file: 's.md',
      source: bytes,
      slug: 's',
      gazetteer: fixtureGazetteer,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.story!.passages[0]!.inlines.at(-1)).toEqual({ type: 'text', text: ' is here.' });
  });
});

describe('docs/story-format.md', () => {
  it('shows an example story that passes the check', () => {
    const doc = readFileSync('docs/story-format.md', 'utf8');
    const example = /```markdown\n([\s\S]*?)```/.exec(doc)![1]!;
    const result = checkStory({
      file: 'x.md',
      source: example,
      slug: 'x',
      gazetteer: fixtureGazetteer,
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.story!.passages.map((p) => p.id)).toEqual([
      'crimea-strike',
      'lowest-point',
      'drone',
    ]);
  });
});
