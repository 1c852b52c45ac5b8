// CSS cannot read a variable in a media query: every stylesheet's breakpoint is held to the one
// in src/lib/breakpoints.ts here (each
// query must name one of its layout edges).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYOUT_EDGES_PX, SHORT_MAX_PX } from '../../../src/lib/breakpoints.ts';

function files(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(e.parentPath, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(css|svelte|ts)$/.test(e.name) ? [path] : [];
  });
}

describe('the layout breakpoint', () => {
  it('is written nowhere but as the one value, in every stylesheet and script', () => {
    let seen = 0;
    for (const file of files()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\((max|min)-width:\s*(\d+)px\)/g)) {
        seen++;
        const px = Number(m[2]);
        expect(LAYOUT_EDGES_PX, `${file}: ${m[0]}`).toContain(m[1] === 'max' ? px : px - 1);
      }
      for (const m of text.matchAll(/\((max|min)-height:\s*(\d+)px\)/g)) {
        const px = Number(m[2]);
        expect([SHORT_MAX_PX], `${file}: ${m[0]}`).toContain(m[1] === 'max' ? px : px - 1);
      }
      if (file !== join('src', 'lib', 'breakpoints.ts'))
        expect(text, file).not.toMatch(/matchMedia\(\s*['"`]\((max|min)-(width|height)/);
    }
    expect(seen).toBeGreaterThan(2);
  });
});
