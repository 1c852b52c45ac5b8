// The oEmbed file and discovery link the build writes for each story, from PUBLIC_URL.
import { describe, expect, it } from 'vitest';
import { oembedJson, oembedLink, previewMeta, publicUrl } from '../../../src/embed/build.ts';
import { scriptSnippet } from '../../../src/embed/snippets.ts';
import { imagePath, VIEW_IMAGE_SIZE } from '../../../src/lib/viewImages.ts';

describe('the oEmbed URLs', () => {
  it('makes the oEmbed iframe and the discovery link absolute when PUBLIC_URL is set', () => {
    const story = { slug: 'black-sea-call', title: 'Defense chiefs "talk"' };
    const base = publicUrl('https://maps.example.org/news');
    expect(base).toBe('https://maps.example.org/news/');
    const oembed = JSON.parse(oembedJson(story, base)) as Record<string, string>;
    expect(oembed.html).toContain(
      'src="https://maps.example.org/news/black-sea-call/embed.html" title="Map: Defense chiefs &#34;talk&#34;"',
    );
    expect(oembed.provider_url).toBe('https://maps.example.org/news/');
    expect(oembedLink(story, base)).toBe(
      '<link rel="alternate" type="application/json+oembed" href="https://maps.example.org/news/black-sea-call/oembed.json" title="Defense chiefs &#34;talk&#34;" />',
    );
    // Without it: relative, and no discovery link.
    expect(JSON.parse(oembedJson(story, undefined)).html).toContain('src="embed.html"');
    expect(oembedLink(story, undefined)).toBe('');
    expect(() => publicUrl('maps.example.org')).toThrow(/not a URL/);
    expect(() => publicUrl('javascript:alert(1)')).toThrow(/http/);
  });
});

describe('link previews (Open Graph, X card)', () => {
  const story = { slug: 'black-sea-call', title: 'Chiefs "talk"', dek: 'A <call>.' };

  it('name the first view image, absolute, with its size and alt, when PUBLIC_URL is set', () => {
    const meta = previewMeta(story, 'https://maps.example.org/news/');
    const image = 'https://maps.example.org/news/black-sea-call/images/view.png';
    expect(imagePath('black-sea-call')).toBe('black-sea-call/images/view.png');
    expect(meta).toContain(`<meta property="og:image" content="${image}" />`);
    expect(meta).toContain(`<meta name="twitter:image" content="${image}" />`);
    expect(meta).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(meta).toContain(`<meta property="og:image:width" content="${VIEW_IMAGE_SIZE.width}" />`);
    expect(meta).toContain(
      `<meta property="og:image:height" content="${VIEW_IMAGE_SIZE.height}" />`,
    );
    expect(meta).toMatch(/<meta property="og:image:alt" content="Map: Chiefs &#34;talk&#34;, /);
    expect(meta).toContain(
      '<meta property="og:url" content="https://maps.example.org/news/black-sea-call/" />',
    );
    expect(meta).toContain('content="A &#60;call&#62;."');
  });

  it('carry no image without PUBLIC_URL: a relative og:image is invalid', () => {
    const meta = previewMeta(story, undefined);
    expect(meta).toContain('<meta property="og:title" content="Chiefs &#34;talk&#34;" />');
    expect(meta).not.toMatch(/og:image|twitter:|og:url/);
  });
});

describe('the script embed code', () => {
  it("shows the view's image inside the no-JavaScript link, at half its pixel size", () => {
    const code = scriptSnippet(
      'https://m.example/s/embed.html',
      'Map: T',
      'https://m.example/embed.js',
      { image: { src: 'https://m.example/s/images/view.png', ...VIEW_IMAGE_SIZE } },
    );
    expect(code).toContain(
      '<a href="https://m.example/s/embed.html"><img src="https://m.example/s/images/view.png" alt="" width="600" height="315" /><br />Map: T</a>',
    );
    expect(scriptSnippet('e.html', 'T', 'embed.js')).not.toContain('<img');
  });
});
