// The story checker is the first wall against hostile stories: it refuses markup and unsafe links
// outright. What it cannot refuse (text that merely looks like markup) is in the payload fixture,
// which must pass here, each payload kept as text (./payloads.ts), and is then shown to be inert
// in tests/browser/security.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../../src/story/check.ts';
import { parsePlaces } from '../../../src/story/gazetteer.ts';
import { formatDiagnostic, loadPlaces, loadStory } from '../../../src/story/load.ts';
import { PAYLOAD_FILES, PAYLOAD_STORY, PAYLOADS, type Checked } from './payloads.ts';
import { fixtureGazetteer, REAL_GAZETTEER } from './support.ts';

const front = (extra = '', source = 'source: { outlet: O }') => `---
title: T
${source}
published: 2024-06-25
byline: B
places:
  kyiv:
${extra}---

`;

function check(body: string, head = front()) {
  return checkStory({ file: 's.md', source: head + body, slug: 's', gazetteer: fixtureGazetteer });
}

describe('the checker refuses', () => {
  const KYIV = ' [Kyiv](place:kyiv) {#a}';
  it.each([
    [
      'an inline tag with a handler',
      '<a href="https://x.org" onclick="alert(1)">x</a>',
      /raw HTML/,
    ],
    ['an HTML comment', '<!-- <script>alert(1)</script> -->', /raw HTML/],
    ['markup inside emphasis', '*<svg onload=alert(1)>*', /raw HTML/],
    ['markup inside a link label', '[<img src=x onerror=alert(1)>](https://x.org)', /raw HTML/],
    ['a javascript: destination in angle brackets', '[x](<javascript:alert(1)>)', /unsafe link/],
    ['a javascript: autolink', '<javascript:alert(1)>', /unsafe link/],
    ['a javascript: link with a leading space', '[x]( javascript:alert(1))', /unsafe link/],
    ['an encoded javascript: scheme', '[x](java%09script:alert(1))', /unsafe link/],
    ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD4=)', /unsafe link/],
    ['a file: URL', '[x](file:///etc/passwd)', /unsafe link/],
    ['a protocol-relative URL', '[x](//evil.example/)', /unsafe link/],
    ['an image (a request to another host)', '![x](https://evil.example/t.png)', /images are not/],
    ['a place link that smuggles markup', '[x](place:kyiv"onmouseover=alert(1))', /place/],
  ])('%s', (_name, markdown, message) => {
    const { story, diagnostics } = check(markdown + KYIV);
    expect(story).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatch(message);
  });

  it('a reference-style link and its definition', () => {
    const { story, diagnostics } = check(`[x][r]${KYIV}\n\n[r]: javascript:alert(1)\n`);
    expect(story).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^reference-style links are not supported/),
    );
  });

  it.each([
    ['a script block', '<script>alert(1)</script>'],
    ['an iframe block', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a style block', '<style>body { display: none }</style>'],
  ])('%s between passages', (_name, block) => {
    const { story, diagnostics } = check(`A${KYIV}\n\n${block}\n\nB [Kyiv](place:kyiv) {#b}`);
    expect(story).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/^raw HTML is not allowed/),
    );
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example'])(
    'a source url %j',
    (url) => {
      const { story, diagnostics } = check(
        'A' + KYIV,
        front('', `source: { outlet: O, url: ${JSON.stringify(url)} }`),
      );
      expect(story).toBeUndefined();
      expect(diagnostics.map((d) => d.message)).toContainEqual(
        expect.stringMatching(/source\.url.*http or https URL/),
      );
    },
  );

  it.each(['javascript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)'])(
    'a place source url %j',
    (url) => {
      const feature = {
        type: 'Feature',
        id: 'p',
        geometry: { type: 'Point', coordinates: [30, 50] },
        properties: {
          name: 'P',
          kind: 'site',
          confidence: 'exact',
          source: { dataset: 'D', version: '1', licence: 'L', url },
        },
      };
      const table = parsePlaces(
        JSON.stringify({ type: 'FeatureCollection', features: [feature] }),
        'p.geojson',
      );
      expect(table.diagnostics.map((d) => d.message)).toContainEqual(
        expect.stringMatching(/http or https URL/),
      );
    },
  );

  it('an unknown front matter key such as onload', () => {
    const { story, diagnostics } = check('A' + KYIV, front('onload: alert(1)\n'));
    expect(story).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/unknown key "onload"/),
    );
  });
});

describe('the payload fixture', () => {
  const result = loadStory(PAYLOAD_STORY, { gazetteer: REAL_GAZETTEER });
  const checked: Checked = {
    story: result.story!,
    places: loadPlaces(join(PAYLOAD_STORY, 'places.geojson')),
  };
  const fixture = PAYLOAD_FILES.map((f) => readFileSync(join(PAYLOAD_STORY, f), 'utf8')).join('\n');

  it('passes the checker: only the renderer stands between it and the reader', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(checked.places.diagnostics.map(formatDiagnostic)).toEqual([]);
    // Markup-looking text is kept as text nodes, never as another node type.
    const types = JSON.stringify(checked.story.passages.map((p) => p.inlines)).match(
      /"type":"\w+"/g,
    );
    expect(new Set(types)).toEqual(
      new Set([
        '"type":"text"',
        '"type":"mention"',
        '"type":"link"',
        '"type":"emphasis"',
        '"type":"strong"',
      ]),
    );
  });

  it('has at least 20 distinct payloads, P01 on, and no marker in the fixture without one', () => {
    const ids = PAYLOADS.map((p) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids).toEqual(ids.map((_, i) => `P${String(i + 1).padStart(2, '0')}`));
    expect([...new Set(fixture.match(/\bP\d\d\b/g))].sort()).toEqual(ids);
  });

  for (const payload of PAYLOADS) {
    it(`${payload.id} (${payload.where}) arrives as text, exactly, with its marker`, () => {
      const marker = new RegExp(`\\b${payload.id}\\b`);
      expect(fixture, `${payload.id}'s marker in the fixture`).toMatch(marker);
      expect(payload.value, `${payload.id}'s expected value`).toMatch(marker);
      if (payload.shows !== undefined) expect(payload.shows, 'what a reader sees').toMatch(marker);
      expect(payload.at(checked), `${payload.id} in the checked story`).toBe(payload.value);
    });
  }
});
