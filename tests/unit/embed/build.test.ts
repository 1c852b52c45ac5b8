// The oEmbed file and discovery link the build writes for each story, from PUBLIC_URL.
import { describe, expect, it } from 'vitest';
import { oembedJson, oembedLink, publicUrl } from '../../../src/embed/build.ts';

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
