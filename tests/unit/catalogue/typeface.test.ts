import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  faceFiles,
  faceModule,
  IMAGE_FACE,
  inRange,
  isPreloadedFace,
  TEXT_FACE,
  typefaceCss,
} from '../../../src/catalogue/typeface.ts';

const ROOT = join(import.meta.dirname, '../../..');

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

describe('the image face’s files', () => {
  const readImage = (file: string) =>
    readFileSync(join(ROOT, 'node_modules', IMAGE_FACE.package, file), 'utf8');
  const files = faceFiles(readImage);

  it('lists each WOFF2 file of both weights with its characters, as package paths', () => {
    expect(new Set(files.map((f) => f.weight))).toEqual(new Set([400, 700]));
    const latin = files.filter((f) => /-latin-\d00-normal\.woff2$/.test(f.url));
    expect(latin).toHaveLength(2);
    for (const f of files) {
      expect(f.url).toMatch(/^@fontsource\/noto-sans\/files\/noto-sans-[\w-]+\.woff2$/);
      expect(existsSync(join(ROOT, 'node_modules', f.url))).toBe(true);
    }
    // "Constanța": ț is in latin-ext, not in latin.
    const t = 'ț'.codePointAt(0)!;
    expect(latin.some((f) => inRange(f.range, t))).toBe(false);
    expect(files.some((f) => /-latin-ext-/.test(f.url) && inRange(f.range, t))).toBe(true);
  });

  it('fails loudly on a face it cannot read', () => {
    expect(() =>
      faceFiles(() => '@font-face { font-weight: 400; src: url(./files/x.woff); }'),
    ).toThrow(/without a WOFF2 file/);
  });

  it('imports every file by URL in the virtual module', () => {
    const code = faceModule(readImage);
    expect(
      code.match(/^import f\d+ from "@fontsource\/noto-sans\/files\/[^"]+\.woff2\?url";$/gm),
    ).toHaveLength(files.length);
  });
});

describe('unicode-range', () => {
  it('reads single points, spans and wildcards', () => {
    expect(inRange('U+0000-00FF,U+0131', 0x41)).toBe(true);
    expect(inRange('U+0000-00FF,U+0131', 0x131)).toBe(true);
    expect(inRange('U+0000-00FF,U+0131', 0x130)).toBe(false);
    expect(inRange('U+02??', 0x2ff)).toBe(true);
    expect(inRange('U+02??', 0x300)).toBe(false);
  });
});
