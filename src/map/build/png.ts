// A PNG writer for the view images: resvg's RGBA reduced to at most 256 colours and written as
// an indexed PNG, a third of the truecolour file's bytes. A map is flat fills and the anti-aliased
// edges between them: the most frequent colours (the fills) are kept exactly, then the colours
// worst served by them; every other colour takes the nearest. Deterministic, so a build writes the same bytes every time.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Opaque RGBA pixels (`width` × `height`) as an 8-bit indexed PNG. */
export function indexedPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const counts = new Map<number, number>();
  // A map is long runs of one colour: count a run at a time (a Map update per pixel was most of
  // the time a view image took).
  for (let i = 0; i < pixels.length;) {
    const p = pixels[i]!;
    let end = i + 1;
    while (end < pixels.length && pixels[end] === p) end++;
    counts.set(p, (counts.get(p) ?? 0) + end - i);
    i = end;
  }
  // Most frequent first; ties by value, so the order never depends on the Map's.
  const colours = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const rgb = colours.map(([p]) => [p & 0xff, (p >>> 8) & 0xff, (p >>> 16) & 0xff] as const);
  const red = Int32Array.from(rgb, (c) => c[0]);
  const green = Int32Array.from(rgb, (c) => c[1]);
  const blue = Int32Array.from(rgb, (c) => c[2]);
  // Weighted as the eye weighs the channels (BT.709 luma).
  const distance = (i: number, j: number) =>
    0.2126 * (red[i]! - red[j]!) ** 2 +
    0.7152 * (green[i]! - green[j]!) ** 2 +
    0.0722 * (blue[i]! - blue[j]!) ** 2;
  // Half the palette for the most frequent colours (the fills); the rest, one at a time, for
  // the colour worst served so far by its pixel count (a small symbol in a colour of its own).
  const palette = colours.slice(0, 128).map((_, i) => i);
  const nearest = new Int32Array(colours.length);
  const error = new Float64Array(colours.length);
  for (let i = 0; i < colours.length; i++) {
    let best = 0;
    for (const j of palette) if (distance(i, j) < distance(i, best)) best = j;
    nearest[i] = best;
    error[i] = distance(i, best);
  }
  while (palette.length < Math.min(256, colours.length)) {
    let worst = -1;
    for (let i = 0; i < colours.length; i++) {
      if (
        error[i]! > 0 &&
        (worst < 0 || error[i]! * colours[i]![1] > error[worst]! * colours[worst]![1])
      )
        worst = i;
    }
    if (worst < 0) break;
    palette.push(worst);
    for (let i = 0; i < colours.length; i++) {
      const d = distance(i, worst);
      if (d < error[i]!) {
        error[i] = d;
        nearest[i] = worst;
      }
    }
  }
  const slot = new Map(palette.map((c, k) => [c, k]));
  const index = new Map(colours.map(([p], i) => [p, slot.get(nearest[i]!)!]));
  const entries = palette.map((c) => rgb[c]!);
  const raw = Buffer.alloc((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    // Filter 0 (none) on every row: indices do not predict one another.
    for (let x = 0; x < width; x++) {
      const p = pixels[y * width + x]!;
      if (p !== last) {
        last = p;
        lastIndex = index.get(p)!;
      }
      raw[y * (width + 1) + 1 + x] = lastIndex;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // indexed colour
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from(entries.flat())),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
