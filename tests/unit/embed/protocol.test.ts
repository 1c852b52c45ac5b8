// The postMessage protocol between the embed and its host (pym.js's format), as pure functions; the
// browser tests (tests/browser/embed.test.ts) drive it between real frames.
import { describe, expect, it } from 'vitest';
import { formatMessage, parseIds, parseMessage } from '../../../src/embed/protocol.ts';

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
