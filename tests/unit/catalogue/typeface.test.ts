import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPreloadedFace, TEXT_FACE, typefaceCss } from '../../../src/catalogue/typeface.ts';

const read = (file: string) => readFileSync(`node_modules/${TEXT_FACE.package}/${file}`, 'utf8');

describe('the text face’s CSS', () => {
  const css = typefaceCss(read);

  it('is fontsource’s faces, never swapped in late, WOFF2 only, from the package', () => {
    const faces = css.match(/@font-face/g) ?? [];
    // Every script subset of each style: the browser fetches only those a page uses.
    expect(faces.length).toBeGreaterThanOrEqual(TEXT_FACE.styles.length * 5);
    expect(css.match(/font-display: optional/g)).toHaveLength(faces.length);
    expect(css).not.toMatch(/font-display: swap|\.woff\)|url\(\.\//);
    expect(css).toContain(
      `url(${TEXT_FACE.package}/files/source-serif-4-latin-ext-400-normal.woff2)`,
    );
  });

  it('defines the stack the stylesheets use', () => {
    expect(css).toContain(`--text-face: ${TEXT_FACE.stack};`);
    expect(readFileSync('src/app/app.css', 'utf8')).toContain('font-family: var(--text-face)');
  });

  it('preloads the first view’s file as Vite names it, and no other', () => {
    expect(isPreloadedFace('source-serif-4-latin-400-normal-DJ5YJwmz.woff2')).toBe(true);
    expect(isPreloadedFace('source-serif-4-latin-400-normal-C-G_dT1e.woff2')).toBe(true);
    expect(isPreloadedFace('source-serif-4-latin-700-normal-CGGdTIBe.woff2')).toBe(false);
    expect(isPreloadedFace('source-serif-4-latin-ext-400-normal-B5LksYz5.woff2')).toBe(false);
    expect(isPreloadedFace('source-serif-4-latin-400-italic-0j97Jm6B.woff2')).toBe(false);
  });
});
