// Bytes to text, refusing what would be slow or wrong to parse: oversize, non-UTF-8, empty.
import type { Diagnostic } from './diagnostics.ts';

/** A story is a few kilobytes; parsing costs ~1.5 ms per KB here, so 256 KB stays well under 1 s. */
export const MAX_STORY_BYTES = 256 * 1024;

export type Decoded =
  { text: string; diagnostics: [] } | { text?: undefined; diagnostics: [Diagnostic] };

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function oversize(file: string, size: number, maxBytes: number, what: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    message: `file is ${formatSize(size)}; ${what} may be at most ${formatSize(maxBytes)}: is this the right file?`,
  };
}

export function decodeText(
  source: Uint8Array | string,
  file: string,
  maxBytes: number,
  what = 'a story',
): Decoded {
  const fail = (line: number, column: number, message: string): Decoded => ({
    diagnostics: [{ file, line, column, message }],
  });
  // Text already decoded is measured in UTF-16 units: O(1), and close enough for a sanity limit.
  const size = typeof source === 'string' ? source.length : source.byteLength;
  if (size > maxBytes) return { diagnostics: [oversize(file, size, maxBytes, what)] };
  let text: string;
  if (typeof source === 'string') {
    text = source.replace(/^\uFEFF/, '');
  } else {
    try {
      // Native and fast; the byte-by-byte scan only runs to locate an error.
      text = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      const offset = firstInvalidUtf8(source);
      const { line, column } = bytePosition(source, offset);
      const byte = source[offset]!.toString(16).toUpperCase().padStart(2, '0');
      return fail(
        line,
        column,
        `file is not valid UTF-8 (byte 0x${byte} at byte offset ${offset}): save it as UTF-8`,
      );
    }
  }
  if (text.trim() === '') {
    return fail(1, 1, `file is empty: ${what} needs content (see docs/story-format.md)`);
  }
  return { text, diagnostics: [] };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need =
      c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need > n - 1) return i;
    // Overlong forms, surrogates and code points past U+10FFFF are excluded by the second byte.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

function bytePosition(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
