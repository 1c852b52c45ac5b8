import { describe, expect, it } from 'vitest';
import { STATIC_INSET, STATIC_SIZE, staticFramePadding } from '../../../src/map/camera.ts';

describe('staticFramePadding', () => {
  it('is the static inset when the box has the static canvas size', () => {
    expect(staticFramePadding(STATIC_SIZE)).toEqual({
      top: STATIC_INSET.y,
      right: STATIC_INSET.x,
      bottom: STATIC_INSET.y,
      left: STATIC_INSET.x,
    });
  });

  it('scales with a box that crops the canvas (object-fit: cover)', () => {
    // 500×800: the height sets the scale (1), the sides are cropped by 250 px each.
    const pad = staticFramePadding({ width: 500, height: 800 });
    expect(pad.top).toBe(STATIC_INSET.y);
    expect(pad.left).toBe(0);
  });

  it('never pads by a negative amount, however narrow the box', () => {
    const pad = staticFramePadding({ width: 200, height: 800 });
    expect(Math.min(pad.top, pad.right, pad.bottom, pad.left)).toBeGreaterThanOrEqual(0);
  });
});
