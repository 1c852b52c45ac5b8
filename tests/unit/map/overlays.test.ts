import { describe, expect, it } from 'vitest';
import { overlayPadding, type Rect } from '../../../src/map/overlays.ts';

const rect = (left: number, top: number, width: number, height: number): Rect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});
const camera = {
  bounds: [
    [30, 44],
    [36, 47],
  ] as [[number, number], [number, number]],
};

describe('overlay padding, from the overlays’ real rectangles', () => {
  const wide = rect(0, 0, 672, 800);
  const phone = rect(0, 0, 390, 354);

  it('is the base margin with nothing over the map', () => {
    expect(overlayPadding(wide, {}, camera)).toEqual({ top: 48, right: 40, bottom: 40, left: 40 });
  });

  it('keeps a wide map’s subject left of the open panel', () => {
    const pad = overlayPadding(wide, { panel: rect(280, 8, 384, 610) }, camera);
    expect(pad.right).toBe(672 - 280 + 16);
  });

  it('fits a narrow map’s subject above a panel at its foot', () => {
    const pad = overlayPadding(phone, { panel: rect(0, 250, 390, 104) }, camera);
    expect(pad.bottom).toBe(354 - 250 + 16);
  });

  it('follows the legend when it grows: a taller legend means more room kept free', () => {
    const small = overlayPadding(phone, { legend: rect(200, 300, 180, 44) }, camera);
    const tall = overlayPadding(phone, { legend: rect(200, 200, 180, 144) }, camera);
    expect(tall.bottom).toBeGreaterThan(small.bottom);
    expect(small.bottom).toBe(354 - 300 + 16);
  });

  it('steps around a wide map’s legend beside it when that shows the place larger', () => {
    const pad = overlayPadding(wide, { legend: rect(8, 480, 272, 310) }, camera);
    expect(pad.left === 8 + 272 + 16 || pad.bottom === 800 - 480 + 16).toBe(true);
  });

  it('ignores overlays that are hidden or outside the map', () => {
    expect(overlayPadding(wide, { legend: rect(700, 0, 200, 200) }, camera)).toEqual(
      overlayPadding(wide, {}, camera),
    );
    expect(overlayPadding(wide, { panel: rect(0, 0, 0, 0) }, camera)).toEqual(
      overlayPadding(wide, {}, camera),
    );
  });

  it('never squeezes the place to nothing', () => {
    const pad = overlayPadding(phone, { panel: rect(0, 10, 390, 344) }, camera);
    expect(pad.bottom).toBeLessThanOrEqual(354 / 2);
  });
});
