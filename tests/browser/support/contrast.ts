// WCAG contrast of what a reader sees, from computed styles: an element's text colour against its
// own background composited over its ancestors', down to what lies under the map's controls.
import type { Page } from 'playwright-core';

export interface Measured {
  selector: string;
  text: string;
  background: string;
  ratio: number;
}

/** The lowest text contrast among the elements `selector` matches, each composited over every
 * `backdrop` (the colours the map can show under a control); 0 when none has text. */
export function textContrast(page: Page, selector: string, backdrops: string[]): Promise<Measured> {
  return page.evaluate(
    ({ selector, backdrops }) => {
      type Rgba = [number, number, number, number];
      const parse = (c: string): Rgba => {
        if (c.startsWith('#')) {
          const n = parseInt(c.slice(1), 16);
          return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
        }
        const [r = 0, g = 0, b = 0, a = 1] = (c.match(/[\d.]+/g) ?? []).map(Number);
        return [r, g, b, a];
      };
      const over = (top: Rgba, under: Rgba): Rgba => {
        const a = top[3] + under[3] * (1 - top[3]);
        const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const lin = (v: number) =>
          (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
        return (x! + 0.05) / (y! + 0.05);
      };
      let worst = { selector, text: '', background: '', ratio: Infinity };
      for (const el of document.querySelectorAll(selector)) {
        if (!el.textContent?.trim()) continue;
        // Backgrounds from the element out, until one is opaque.
        const layers: Rgba[] = [];
        for (let e: Element | null = el; e; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        for (const backdrop of backdrops) {
          const bg = layers.reduceRight<Rgba>((under, top) => over(top, under), parse(backdrop));
          const text = over(parse(getComputedStyle(el).color), bg);
          const r = ratio(text, bg);
          if (r < worst.ratio) {
            worst = {
              selector,
              text: `rgb(${text.slice(0, 3).map(Math.round).join(', ')})`,
              background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
              ratio: Math.round(r * 100) / 100,
            };
          }
        }
      }
      // None found (or none with text) measures nothing: fail rather than pass.
      return Number.isFinite(worst.ratio) ? worst : { ...worst, ratio: 0 };
    },
    { selector, backdrops },
  );
}
