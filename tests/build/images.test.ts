// The view images the build writes for every story (src/map/build/images.ts): an SVG and a PNG
// of the first view and of each passage's, where lib/viewImages.ts says, within their budgets;
// and the page head's link previews, which name the first one when PUBLIC_URL is set.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { kb, readPageData, storySlugs } from '../../bench/bytes.ts';
import { imagePath, VIEW_IMAGE_SIZE } from '../../src/lib/viewImages.ts';
import { buildFixtureSite } from '../browser/support/site.ts';
import { VIEW_IMAGE_BUDGETS } from './budgets.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const PUBLIC_SITE = resolve(import.meta.dirname, '../../.cache/public-url-dist');
const PUBLIC_URL = 'https://maps.example.org/news/';

/** Every image a story's views should have: the first view's, then each passage's. */
function expected(dist: string, slug: string): string[] {
  const page = readPageData(join(dist, slug, 'index.html'));
  return [undefined, ...page.story.passages.map((p) => p.id)].flatMap((id) => [
    imagePath(slug, id, 'png'),
    imagePath(slug, id, 'svg'),
  ]);
}

describe.each(storySlugs(DIST))('%s/images/', (slug) => {
  const files = expected(DIST, slug);

  it('has a PNG and an SVG of the first view and of every passage', () => {
    expect(files).toContain(`${slug}/images/view.png`);
    for (const file of files) expect(existsSync(join(DIST, file)), file).toBe(true);
  });

  it.each(files.filter((f) => f.endsWith('.png')))(
    '%s: a PNG of the image size, in budget',
    (file) => {
      const png = readFileSync(join(DIST, file));
      expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBe(VIEW_IMAGE_SIZE.width);
      expect(png.readUInt32BE(20)).toBe(VIEW_IMAGE_SIZE.height);
      const { what, bytes } = VIEW_IMAGE_BUDGETS.png;
      expect(png.length, `${what} is ${kb(png.length)}, over ${kb(bytes)}`).toBeLessThanOrEqual(
        bytes,
      );
    },
  );

  it.each(files.filter((f) => f.endsWith('.svg')))('%s: a standalone SVG, in budget', (file) => {
    const svg = readFileSync(join(DIST, file));
    expect(svg.toString('utf8')).toMatch(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW_IMAGE_SIZE.width} ${VIEW_IMAGE_SIZE.height}"`,
    );
    // Served precompressed, as the rest of the site.
    expect(statSync(join(DIST, `${file}.gz`)).size).toBeGreaterThan(0);
    const gz = gzipSync(svg, { level: 9 }).length;
    const { what, gz: budget } = VIEW_IMAGE_BUDGETS.svg;
    expect(gz, `${what} is ${kb(gz)}, over ${kb(budget)}`).toBeLessThanOrEqual(budget);
  });

  it('has link previews without an image, as the site was built without PUBLIC_URL', () => {
    const html = readFileSync(join(DIST, slug, 'index.html'), 'utf8');
    expect(html).toContain('<meta property="og:title"');
    expect(html).not.toContain('og:image');
  });
});

describe('a site built with PUBLIC_URL', () => {
  beforeAll(() => {
    buildFixtureSite('tests/fixtures/stories-lines', PUBLIC_SITE, { PUBLIC_URL });
  });

  it('names the first view image in og:image and twitter:image, absolute, and ships it', () => {
    const slugs = storySlugs(PUBLIC_SITE);
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const html = readFileSync(join(PUBLIC_SITE, slug, 'index.html'), 'utf8');
      const image = `${PUBLIC_URL}${imagePath(slug)}`;
      expect(html).toContain(`<meta property="og:image" content="${image}" />`);
      expect(html).toContain(`<meta name="twitter:image" content="${image}" />`);
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(html).toContain(
        `<meta property="og:image:width" content="${VIEW_IMAGE_SIZE.width}" />`,
      );
      expect(existsSync(join(PUBLIC_SITE, imagePath(slug)))).toBe(true);
      // The embed page is not a page to share: no preview tags there.
      expect(readFileSync(join(PUBLIC_SITE, slug, 'embed.html'), 'utf8')).not.toContain('og:image');
    }
  });
});
