import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStory } from '../../../src/story/check.ts';
import { decodeText, firstInvalidUtf8, MAX_STORY_BYTES } from '../../../src/story/decode.ts';
import { formatDiagnostic } from '../../../src/story/diagnostics.ts';
import { loadStory } from '../../../src/story/load.ts';
import { fixtureGazetteer } from './support.ts';

const FRONT =
  '---\ntitle: T\nsource: { outlet: O }\npublished: 2024-06-25\nbyline: B\nplaces:\n  kyiv:\n---\n\n';

/** A realistic story of about `bytes` bytes: many linked passages with distinct ids. */
function bigStory(bytes: number): string {
  const parts = [FRONT];
  let size = FRONT.length;
  for (let i = 0; size < bytes; i++) {
    const p = `Aid for [Kyiv](place:kyiv) was approved in April, *again*, paragraph ${i}. {#p-${i}}\n\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

const scratch = mkdtempSync(path.join(tmpdir(), 'story-limits-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('size and encoding limits', () => {
  const fiveMb = new TextEncoder().encode(bigStory(5 * 1024 * 1024));

  it('rejects a 5 MB story in well under a second, without parsing it', () => {
    const start = performance.now();
    const result = checkStory({
      file: 's.md',
      source: fiveMb,
      slug: 's',
      gazetteer: fixtureGazetteer,
    });
    const ms = performance.now() - start;
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      's.md:1:1: file is 5.0 MB; a story may be at most 256 KB: is this the right file?',
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('rejects a 5 MB story file from disk the same way', () => {
    const folder = path.join(scratch, 'huge-story');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'story.md'), fiveMb);
    const start = performance.now();
    const result = loadStory(folder, { gazetteer: fixtureGazetteer, cwd: scratch });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'huge-story/story.md:1:1: file is 5.0 MB; a story may be at most 256 KB: is this the right file?',
    ]);
  });

  it('checks a story just under the limit without trouble', { timeout: 20_000 }, () => {
    const source = bigStory(MAX_STORY_BYTES - 1024);
    const start = performance.now();
    const result = checkStory({ file: 's.md', source, slug: 's', gazetteer: fixtureGazetteer });
    const ms = performance.now() - start;
    expect(result.diagnostics).toEqual([]);
    expect(result.story!.passages.length).toBeGreaterThan(2500);
    // Measured 0.8-1.6 s on a 2-core machine for 255 KB of link-dense text; the bound leaves room
    // for a loaded runner while still catching a super-linear slowdown.
    expect(ms).toBeLessThan(8000);
  });

  it('finds the first invalid UTF-8 byte', () => {
    const bytes = (...b: number[]) => new Uint8Array(b);
    expect(firstInvalidUtf8(new TextEncoder().encode('Київ – café 🌍'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xe9, 0x41))).toBe(1); // Latin-1 é
    expect(firstInvalidUtf8(bytes(0x41, 0xc0, 0xaf))).toBe(1); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toBe(2); // truncated
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // past U+10FFFF
  });

  it('reports where a non-UTF-8 byte is, line and column', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('one\nКиїв '), 0xff, 0x41]);
    expect(decodeText(bytes, 'f.md', 1000).diagnostics).toEqual([
      {
        file: 'f.md',
        line: 2,
        column: 6,
        message: 'file is not valid UTF-8 (byte 0xFF at byte offset 13): save it as UTF-8',
      },
    ]);
  });

  it('treats a file of blank lines as empty', () => {
    expect(decodeText(' \n\n\t\n', 'f.md', 1000).diagnostics[0]!.message).toMatch(/^file is empty/);
  });
});
