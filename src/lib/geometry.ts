// Small geographic helpers shared by the story model, the reader state and both maps.
import turfDistance from '@turf/distance';

/** [longitude, latitude] */
export type LonLat = [number, number];
/** [[west, south], [east, north]] */
export type Bounds = [LonLat, LonLat];

export function centreOf([[w, s], [e, n]]: Bounds): LonLat {
  return [(w + e) / 2, (s + n) / 2];
}

export function distanceKm(a: LonLat, b: LonLat): number {
  return turfDistance(a, b, { units: 'kilometers' });
}

export function unionBounds(boxes: readonly Bounds[]): Bounds {
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))],
  ];
}

export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}
