import { describe, expect, it } from 'vitest';
import { nextPassage, passageAtLine, shareInView } from '../../../src/lib/readingLine.ts';

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

// Short passages, as in tests/fixtures/stories-lines: four tops within 300 px.
const tops = [206, 324, 414, 477, 900, 2400];

describe('passageAtLine', () => {
  it('is the last passage whose top has passed the line, else the first', () => {
    expect(passageAtLine(tops, 400)).toBe(1);
    expect(passageAtLine(tops, 480)).toBe(3);
    expect(passageAtLine(tops, 100)).toBe(0);
    expect(passageAtLine(tops, 5000)).toBe(5);
  });
});

describe('nextPassage', () => {
  it('takes each passage the line crossed in turn, from the first when none is active', () => {
    // One 120 px notch from the top: the line goes from 400 to 520, past four tops.
    const target = passageAtLine(tops, 520);
    expect(target).toBe(3);
    const visited: number[] = [];
    for (let shown = -1; shown !== target;) {
      shown = nextPassage(tops, shown, target, 800);
      visited.push(shown);
    }
    expect(visited).toEqual([0, 1, 2, 3]);
  });

  it('goes back the same way when the reader scrolls up', () => {
    expect(nextPassage(tops, 3, 0, 800)).toBe(2);
    expect(nextPassage(tops, 1, 0, 800)).toBe(0);
  });

  it('stays when the line is in the active passage', () => {
    expect(nextPassage(tops, 2, 2, 800)).toBe(2);
  });

  it('jumps to a passage more than a screen away (End, Home, a link, a fling)', () => {
    expect(nextPassage(tops, 0, 5, 800)).toBe(5);
    expect(nextPassage(tops, 5, 0, 800)).toBe(0);
    expect(nextPassage(tops, -1, 5, 800)).toBe(5);
    // ...but not one within a screen, however many passages lie between.
    expect(nextPassage(tops, 0, 4, 800)).toBe(1);
  });
});
