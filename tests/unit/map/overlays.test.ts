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

  it('fits a wide place below a short panel, where it shows larger than beside it', () => {
    const pad = overlayPadding(wide, { panel: rect(280, 8, 384, 290) }, camera);
    expect(pad).toMatchObject({ top: 8 + 290 + 16, right: 40 });
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

  it('keeps the subject clear of the far-places cards, below or beside them', () => {
    const cards = rect(8, 48, 178, 230);
    const pad = overlayPadding(phone, { cards }, camera);
    expect(pad.top === 48 + 230 + 16 || pad.left === 8 + 178 + 16).toBe(true);
    // On a wide map beside them shows this wide place larger than below them.
    expect(overlayPadding(wide, { cards: rect(8, 48, 178, 500) }, camera).left).toBe(8 + 178 + 16);
  });

  it('steps round the legend and the cards together, each its own way', () => {
    const pad = overlayPadding(
      wide,
      { legend: rect(392, 480, 272, 310), cards: rect(8, 48, 178, 200) },
      camera,
    );
    expect(pad.bottom === 800 - 480 + 16 || pad.right === 672 - 392 + 16).toBe(true);
    expect(pad.top === 48 + 200 + 16 || pad.left === 8 + 178 + 16).toBe(true);
  });

  it('gives a centre-and-zoom camera the largest free area', () => {
    const point = { center: [34, 45] as [number, number], zoom: 6 };
    // A tall, narrow card: stepping beside it leaves more of the map free than below it.
    const pad = overlayPadding(wide, { cards: rect(8, 48, 100, 600) }, point);
    expect(pad.left).toBe(8 + 100 + 16);
    expect(pad.top).toBe(48);
  });

  it('never squeezes the place to nothing', () => {
    const pad = overlayPadding(phone, { panel: rect(0, 10, 390, 344) }, camera);
    expect(pad.bottom).toBeLessThanOrEqual(354 / 2);
    const both = overlayPadding(
      phone,
      { panel: rect(0, 10, 390, 344), cards: rect(8, 8, 380, 300) },
      camera,
    );
    expect(both.top + both.bottom).toBeLessThanOrEqual(354 * 0.8);
    expect(both.left + both.right).toBeLessThanOrEqual(390 * 0.8);
  });
});
