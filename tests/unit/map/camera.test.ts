import { describe, expect, it } from 'vitest';
import {
  fitScale,
  globeZoomFor,
  legendSide,
  zoomFor,
  STATIC_INSET,
  STATIC_SIZE,
  staticFramePadding,
} from '../../../src/map/camera.ts';

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

describe('legendSide', () => {
  // Static-map coordinates of the wide layout's bottom corners (see WIDE_MAP in camera.ts).
  const bottomRight = { x: 800, y: 760 };
  const bottomLeft = { x: 200, y: 760 };
  const middle = { x: 500, y: 400 };

  it('keeps the bottom right when nothing is under it', () => {
    expect(legendSide([middle])).toBe('right');
    expect(legendSide([])).toBe('right');
  });

  it('moves to the bottom left when places are under the bottom right', () => {
    expect(legendSide([bottomRight, middle])).toBe('left');
  });

  it('takes the corner that hides fewer places', () => {
    expect(legendSide([bottomRight, bottomRight, bottomLeft])).toBe('left');
    expect(legendSide([bottomRight, bottomLeft, bottomLeft])).toBe('right');
  });
});

describe('fitScale', () => {
  const camera = {
    bounds: [
      [30, 44],
      [40, 48],
    ] as [[number, number], [number, number]],
  };
  const box = { width: 600, height: 600 };
  const none = { top: 0, right: 0, bottom: 0, left: 0 };

  it('is smaller the more padding squeezes the place', () => {
    const free = fitScale(camera, box, none);
    expect(fitScale(camera, box, { ...none, left: 300 })).toBeLessThan(free);
    // A wide place loses more to side padding than to the same padding below it.
    expect(fitScale(camera, box, { ...none, left: 200 })).toBeLessThan(
      fitScale(camera, box, { ...none, bottom: 200 }),
    );
  });

  it('measures bounds across the antimeridian the short way', () => {
    const across = {
      bounds: [
        [170, -10],
        [-170, 10],
      ] as [[number, number], [number, number]],
    };
    const plain = {
      bounds: [
        [-10, -10],
        [10, 10],
      ] as [[number, number], [number, number]],
    };
    expect(fitScale(across, box, none)).toBeCloseTo(fitScale(plain, box, none));
  });

  it('is 0 for a centre-and-zoom camera', () => {
    expect(fitScale({ center: [30, 45], zoom: 5 }, box, none)).toBe(0);
  });
});

describe('zoomFor', () => {
  it('keeps a kind’s zoom on the wide map and zooms out as much as a map is smaller', () => {
    expect(zoomFor(6, { width: 672, height: 800 })).toBe(6);
    expect(zoomFor(6, { width: 1440, height: 900 })).toBe(6);
    expect(zoomFor(6, { width: 336, height: 800 })).toBeCloseTo(5);
    // A short map (a phone's, above the text) is as much smaller as its height says.
    expect(zoomFor(6, { width: 768, height: 400 })).toBeCloseTo(5);
  });
});

describe('globeZoomFor', () => {
  it('is the zoom whose globe (radius worldSize / 2π / cos lat) is that many px across', () => {
    const z = globeZoomFor(400, 55);
    const radius = (512 * 2 ** z) / (2 * Math.PI) / Math.cos((55 * Math.PI) / 180);
    expect(2 * radius).toBeCloseTo(400);
    // Half the room: one zoom level less.
    expect(globeZoomFor(200, 55)).toBeCloseTo(z - 1);
  });
});
