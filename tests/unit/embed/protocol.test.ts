// The postMessage protocol between the embed and its host (pym.js's format), as pure functions; the
// browser tests (tests/browser/embed.test.ts) drive it between real frames.
import { describe, expect, it } from 'vitest';
import {
  ampSizeMessage,
  embedLayout,
  formatMessage,
  parseIds,
  parseMessage,
  pinnedHeight,
} from '../../../src/embed/protocol.ts';
import { ampSnippet, scriptSnippet } from '../../../src/embed/snippets.ts';

describe('the message protocol', () => {
  it("reads pym.js's format and nothing else", () => {
    const message = formatMessage('map', 'height', '812');
    expect(message).toBe('pymxPYMxmapxPYMxheightxPYMx812');
    expect(parseMessage(message, 'map')).toEqual({ type: 'height', value: '812' });
    expect(parseMessage(message, 'other')).toBeUndefined();
    expect(parseMessage(`${message}xPYMxmore`, 'map')).toBeUndefined();
    expect(parseMessage({ type: 'height' }, 'map')).toBeUndefined();
    expect(parseMessage(`${message}${'1'.repeat(2000)}`, 'map')).toBeUndefined();
    expect(parseIds('crimea,kyiv')).toEqual(['crimea', 'kyiv']);
    expect(parseIds('')).toEqual([]);
    expect(parseIds('crimea,<b>')).toBeUndefined();
  });
});

describe('the embed layout', () => {
  it('flows to its content only where a host sizes the frame; else it fits the frame', () => {
    // embed.js and pym add childId; AMP's frame carries ?amp.
    expect(embedLayout('?childId=map&parentUrl=x', true)).toBe('flow');
    expect(embedLayout('?amp=1', true)).toBe('flow');
    // A bare iframe, the map-first frame (embed.js sets its height) and the page on its own fit.
    expect(embedLayout('', true)).toBe('fit');
    expect(embedLayout('?childId=map&layout=map', true)).toBe('fit');
    expect(embedLayout('?childId=<bad>', true)).toBe('fit');
    expect(embedLayout('?childId=map', false)).toBe('fit');
  });

  it("answers AMP's resize protocol in its own shape", () => {
    expect(ampSizeMessage(812)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 812 });
  });

  it('gives a pinned map half to 60% of the viewport, 4:3 between, or the height asked', () => {
    expect(pinnedHeight(390, 844)).toBe(422); // 4:3 would be 293: a phone gets half its height
    expect(pinnedHeight(720, 800)).toBe(480); // 4:3 would be 540: capped at 60%
    expect(pinnedHeight(600, 1000)).toBe(500); // half
    expect(pinnedHeight(800, 1400)).toBe(700);
    expect(pinnedHeight(700, 1000)).toBe(525); // 4:3 itself
    expect(pinnedHeight(700, 800, 300)).toBe(300);
    expect(pinnedHeight(700, 800, 5000)).toBe(800);
  });
});

describe('the embed codes', () => {
  const src = 'https://maps.example.org/black-sea-call/embed.html#passage=crimea-strike';
  it('mark the map-first embed for embed.js', () => {
    const plain = scriptSnippet(src, 'Map: A & B', 'https://maps.example.org/embed.js');
    const pinned = scriptSnippet(src, 'Map: A & B', 'https://maps.example.org/embed.js', {
      mapFirst: true,
    });
    expect(plain).not.toContain('data-map-layout');
    expect(pinned).toContain('data-map-layout="map"');
    expect(pinned).toContain('data-map-title="Map: A &#38; B"');
  });

  it("give AMP a resizable amp-iframe with ?amp before the link's hash, and its placeholder", () => {
    const code = ampSnippet(
      src,
      'Map: A',
      'https://maps.example.org/black-sea-call/images/view.png',
    );
    expect(code).toContain(
      'src="https://maps.example.org/black-sea-call/embed.html?amp=1#passage=crimea-strike"',
    );
    expect(code).toMatch(/<amp-iframe [^>]*\bresizable>/);
    expect(code).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
    expect(code).toContain(
      '<amp-img layout="fill" src="https://maps.example.org/black-sea-call/images/view.png"',
    );
    expect(code).toContain('<button overflow type="button">');
    expect(ampSnippet(src, 'Map: A')).not.toContain('amp-img');
  });
});
