import { describe, expect, it } from 'vitest';
import { nextFocus, type Candidate } from '../../../src/map/placeFocus.ts';

// A plus sign of places around a centre, in list order: c (centre), e, w, n, s, and a far one
// up and to the right.
const places: Candidate[] = [
  { id: 'c', x: 100, y: 100 },
  { id: 'e', x: 180, y: 104 },
  { id: 'w', x: 30, y: 96 },
  { id: 'n', x: 104, y: 20 },
  { id: 's', x: 96, y: 190 },
  { id: 'far-ne', x: 400, y: -200 },
];
const from = (id: string) => ({ ...places.find((p) => p.id === id)!, id });

describe('nextFocus', () => {
  it('moves to the nearest place in the direction of the arrow', () => {
    expect(nextFocus(places, 'ArrowRight', from('c'))).toBe('e');
    expect(nextFocus(places, 'ArrowLeft', from('c'))).toBe('w');
    expect(nextFocus(places, 'ArrowUp', from('c'))).toBe('n');
    expect(nextFocus(places, 'ArrowDown', from('c'))).toBe('s');
    expect(nextFocus(places, 'ArrowLeft', from('e'))).toBe('c');
  });

  it('prefers a place straight ahead to a nearer one far to the side', () => {
    // From w, n is nearer than e but mostly upwards; e is straight to the right.
    expect(nextFocus(places, 'ArrowRight', from('w'))).toBe('c');
    expect(nextFocus(places, 'ArrowRight', from('n'))).toBe('e');
  });

  it('says there is nothing that way instead of wrapping round', () => {
    expect(nextFocus(places, 'ArrowLeft', from('w'))).toBeUndefined();
    expect(nextFocus(places, 'ArrowDown', from('s'))).toBeUndefined();
  });

  it('goes to the first and last place in list order with Home and End', () => {
    expect(nextFocus(places, 'Home', from('s'))).toBe('c');
    expect(nextFocus(places, 'End', from('c'))).toBe('far-ne');
    expect(nextFocus([], 'Home', { x: 0, y: 0 })).toBeUndefined();
  });

  it('with nothing focused, starts from the given point, and always lands on a place', () => {
    expect(nextFocus(places, 'ArrowRight', { x: 0, y: 100 })).toBe('w');
    // Nothing lies left of x = 0: the nearest place instead.
    expect(nextFocus(places, 'ArrowLeft', { x: 0, y: 100 })).toBe('w');
    expect(nextFocus([], 'ArrowLeft', { x: 0, y: 100 })).toBeUndefined();
  });

  it('reaches every place at one point, in list order', () => {
    const stacked: Candidate[] = [
      { id: 'city', x: 50, y: 50 },
      { id: 'strike', x: 50, y: 50 },
      { id: 'port', x: 50.4, y: 50 },
    ];
    expect(nextFocus(stacked, 'ArrowRight', { ...stacked[0]!, id: 'city' })).toBe('strike');
    expect(nextFocus(stacked, 'ArrowDown', { ...stacked[1]!, id: 'strike' })).toBe('port');
    expect(nextFocus(stacked, 'ArrowLeft', { ...stacked[1]!, id: 'strike' })).toBe('city');
    expect(nextFocus(stacked, 'ArrowRight', { ...stacked[2]!, id: 'port' })).toBeUndefined();
  });
});
