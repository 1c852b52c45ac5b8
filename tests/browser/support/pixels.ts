// What is on screen at a point, read from a screenshot (so it includes the browser's own
// painting: outlines, overlays), and the WCAG contrast of two CSS colours.
import type { Page } from 'playwright-core';

/** The screen's [r, g, b] at a page point (CSS px, device pixel ratio 1). */
export async function pixelAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const png = await page.screenshot({
    clip: { x: Math.floor(at.x), y: Math.floor(at.y), width: 1, height: 1 },
  });
  // Decoded by the page itself: the tests carry no image library.
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

/** WCAG 2 contrast ratio of two opaque colours given as `rgb(...)` or `#rrggbb`. */
export function contrastRatio(a: string, b: string): number {
  const rgb = (c: string) =>
    c.startsWith('#')
      ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
      : c
          .match(/[\d.]+/g)!
          .slice(0, 3)
          .map(Number);
  const luminance = (c: string) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
