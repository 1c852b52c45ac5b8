// The indexed PNG writer (src/map/build/png.ts): exact for up to 256 colours, and past that the
// fills kept and a small patch of a colour of its own kept too.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { indexedPng } from '../../../../src/map/build/png.ts';

/** Decodes a PNG with resvg (it draws an <image> from a data URI), back to RGBA. */
function decode(png: Buffer, width: number, height: number): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}" image-rendering="optimizeSpeed"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
}

function image(width: number, height: number, colour: (x: number, y: number) => number[]) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set([...colour(x, y), 255], (y * width + x) * 4);
  return rgba;
}

describe('indexedPng', () => {
  it('writes an 8-bit indexed PNG that decodes to the same pixels when they have ≤ 256 colours', () => {
    const rgba = image(40, 30, (x, y) => [(x % 16) * 16, (y % 16) * 16, 100]); // 256 colours
    const png = indexedPng(rgba, 40, 30);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(40);
    expect(png.readUInt32BE(20)).toBe(30);
    expect([png[24], png[25]]).toEqual([8, 3]); // bit depth 8, colour type 3 (indexed)
    expect([...decode(png, 40, 30)]).toEqual([...rgba]);
  });

  it('keeps a small patch of its own colour among more than 256', () => {
    // A gradient of 4096 greys-and-blues, and a 3×3 magenta mark.
    const mark = (x: number, y: number) => x >= 30 && x < 33 && y >= 10 && y < 13;
    const rgba = image(64, 64, (x, y) =>
      mark(x, y) ? [197, 27, 125] : [x * 4, (x * 4 + y * 4) % 256, y * 4],
    );
    const out = decode(indexedPng(rgba, 64, 64), 64, 64);
    const at = (x: number, y: number) => [...out.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 3)];
    expect(at(31, 11)).toEqual([197, 27, 125]);
    // Everything else within a small error of what it was.
    let worst = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(rgba[i + c]! - out[i + c]!));
    }
    expect(worst).toBeLessThan(48);
  });

  it('writes the same bytes for the same pixels', () => {
    const rgba = image(50, 50, (x, y) => [x * 5, y * 5, (x * y) % 256]);
    expect(indexedPng(rgba, 50, 50).equals(indexedPng(rgba.slice(), 50, 50))).toBe(true);
  });
});
