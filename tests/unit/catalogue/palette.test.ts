// The palette is the one source of the page's colours: the generated CSS carries every token in
// both themes, and no stylesheet keeps colours of its own beside it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueCss, paletteCss } from '../../../src/catalogue/css.ts';
import { cssVar, DARK, LIGHT, type PaletteToken } from '../../../src/catalogue/palette.ts';
import { TEXT_FACE, typefaceCss } from '../../../src/catalogue/typeface.ts';

function stylesheets(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(e.parentPath, e.name);
    if (e.isDirectory()) return stylesheets(path);
    return /\.(css|svelte)$/.test(e.name) ? [path] : [];
  });
}

describe('the palette as CSS', () => {
  const css = paletteCss();
  for (const token of Object.keys(LIGHT) as PaletteToken[]) {
    it(`${cssVar(token)} carries ${token} in both themes`, () => {
      expect(css).toContain(`${cssVar(token)}: light-dark(${LIGHT[token]}, ${DARK[token]});`);
    });
  }

  it('changes when a palette colour changes', () => {
    expect(paletteCss({ ...LIGHT, hatch: '#123456' }, DARK)).toContain('#123456');
    expect(paletteCss({ ...LIGHT, hatch: '#123456' }, DARK)).not.toBe(css);
  });

  it('is the only place a colour token is defined', () => {
    for (const file of stylesheets()) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/--[\w-]+:\s*light-dark\(\s*#/);
    }
  });

  it('uses no custom property the palette does not define', () => {
    // Besides the palette's colours, app.css defines the shadow, the focus ring's width and the
    // UI's face, and the typeface's CSS the text face.
    const face = typefaceCss((f) => readFileSync(`node_modules/${TEXT_FACE.package}/${f}`, 'utf8'));
    const defined = new Set([
      ...(Object.keys(LIGHT) as PaletteToken[]).map(cssVar),
      '--shadow',
      '--ring',
      '--ui-face',
      ...[...face.matchAll(/(--[\w-]+):/g)].map((m) => m[1]),
    ]);
    const generated = catalogueCss();
    for (const text of [generated, ...stylesheets().map((f) => readFileSync(f, 'utf8'))]) {
      for (const m of text.matchAll(/var\((--[\w-]+)/g)) expect(defined, m[1]).toContain(m[1]);
    }
  });
});
