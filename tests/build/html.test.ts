// What the built HTML promises before any script runs: the article and the static map are in it,
// and nothing in it (or in the code it loads at once) is MapLibre, which loads later.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlReferences, readPageData, storyPageBytes, storySlugs } from '../../bench/bytes.ts';
import { IMAGE_FACE, TEXT_FACE, TEXT_FACE_LICENCE } from '../../src/catalogue/typeface.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
// Strings only MapLibre's code and stylesheet contain.
const MAPLIBRE_JS = 'maplibregl-map';
const MAPLIBRE_CSS = '.maplibregl-map';

describe.each(storySlugs(DIST))('%s/index.html', (slug) => {
  const file = join(DIST, slug, 'index.html');
  const html = readFileSync(file, 'utf8');
  const page = readPageData(file);
  const bytes = storyPageBytes(DIST, slug);
  const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
  // The markup, without the page data (which repeats the text as JSON).
  const markup = html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');

  it('loads no MapLibre code or stylesheet with the page', () => {
    expect(bytes.jsInitial.files.filter((f) => read(f.path).includes(MAPLIBRE_JS))).toEqual([]);
    expect(bytes.cssInitial.files.filter((f) => read(f.path).includes(MAPLIBRE_CSS))).toEqual([]);
    expect(markup).not.toMatch(/maplibre/i);
  });

  it('loads MapLibre and its worker lazily', () => {
    const lazy = bytes.jsLazy.files.map((f) => f.path);
    expect(lazy.some((p) => read(p).includes(MAPLIBRE_JS))).toBe(true);
    expect(bytes.worker.files).toHaveLength(1);
  });

  it('preloads the text face the first view sets, and ships its licence', () => {
    const faces = bytes.textFace.files.map((f) => f.path);
    expect(faces).toHaveLength(TEXT_FACE.preload.length);
    for (const path of faces) {
      expect(path).toMatch(/\.woff2$/);
      // Served from here, and named by the stylesheet that uses it.
      const css = bytes.cssInitial.files.map((f) => read(f.path)).join('\n');
      expect(css).toContain(path.split('/').pop());
    }
    expect(read(`assets/${TEXT_FACE_LICENCE}`)).toContain('SIL Open Font License');
    // The view images' face, which a page embeds into an image of the view on screen.
    expect(read(`assets/${IMAGE_FACE.licence}`)).toContain('SIL Open Font License');
  });

  it('has no render-blocking script', () => {
    const scripts = markup.match(/<script\b[^>]*>/g) ?? [];
    for (const tag of scripts) expect(tag).toMatch(/type="module"/);
  });

  it('has the article text in the markup', () => {
    expect(markup).toContain(`>${page.story.title}<`.replace(/&/g, '&amp;'));
    expect(markup.match(/class="passage\b/g)).toHaveLength(page.story.passages.length);
    // The first words of every passage, as text.
    for (const passage of page.story.passages) {
      const first = passage.inlines.find((i) => 'text' in i && i.text.trim().length > 12);
      if (first && 'text' in first) expect(markup).toContain(escape(first.text.trim()));
    }
  });

  it('has the static map: its image sized in the markup (no shift), its places as links', () => {
    const refs = htmlReferences(markup);
    expect(refs.images).toContain(page.staticMap.basemap.wide.light);
    const img = markup
      .match(/<img\b[^>]*>/g)
      ?.find((t) => t.includes(page.staticMap.basemap.wide.light));
    expect(img).toMatch(/\bwidth="\d+"/);
    expect(img).toMatch(/\bheight="\d+"/);
    for (const f of page.staticMap.features) expect(markup).toContain(`href="#place=${f.id}"`);
  });
});

function escape(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
