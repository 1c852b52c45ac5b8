import { describe, expect, it } from 'vitest';
import { shareInView } from '../../../src/lib/readingLine.ts';

const box = (top: number, bottom: number, left = 0, right = 600) => ({ top, bottom, left, right });

describe('shareInView', () => {
  it('is the share of an element inside the viewport', () => {
    expect(shareInView(box(100, 200), 800)).toBe(1);
    expect(shareInView(box(750, 850), 800)).toBe(0.5);
    expect(shareInView(box(-300, -100), 800)).toBe(0);
  });

  it('leaves out what a sheet over it covers, not a panel beside it', () => {
    const sheet = box(400, 800);
    expect(shareInView(box(300, 500), 800, sheet)).toBe(0.5);
    expect(shareInView(box(450, 550), 800, sheet)).toBe(0);
    expect(shareInView(box(450, 550), 800, box(0, 800, 700, 1000))).toBe(1);
  });
});
