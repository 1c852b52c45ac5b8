// The live map's keyboard focus, as pure geometry: which place an arrow key (or Home, End) moves
// it to, among the places drawn in the view, in screen space. liveMap.ts projects the places and
// draws the focus; this file only chooses.

/** An arrow moves the focus in its direction; Home and End go to the first and last place. */
export type FocusKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';
export type Arrow = Exclude<FocusKey, 'Home' | 'End'>;

/** Screen directions, y downwards as on screen. */
export const DIRECTIONS: Record<Arrow, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowDown: [0, 1],
  ArrowUp: [0, -1],
};

export const isArrow = (key: string): key is Arrow => key in DIRECTIONS;
export const isFocusKey = (key: string): key is FocusKey =>
  isArrow(key) || key === 'Home' || key === 'End';

/** A place the focus can go to, where it is on screen (CSS px from the map's top left). */
export interface Candidate {
  id: string;
  x: number;
  y: number;
}

/** Places closer than this are at one point (a city and the strike in it): list order decides. */
const SAME_POINT_PX = 1;
/** How much a step sideways counts against a place, per pixel along: the nearest place straight
 * ahead beats a nearer one far off to the side. */
const SIDEWAYS_WEIGHT = 2;

/**
 * Where `key` moves the focus from `from` (the focused place, or the view's centre when none is):
 * the nearest candidate in that direction, or undefined when there is none that way. With no
 * place focused yet, an arrow takes the nearest place that way, else the nearest at all, so the
 * first press always lands somewhere. `candidates` are in list order.
 */
export function nextFocus(
  candidates: readonly Candidate[],
  key: FocusKey,
  from: { x: number; y: number; id?: string | undefined },
): string | undefined {
  const others = candidates.filter((c) => c.id !== from.id);
  if (key === 'Home') return candidates[0]?.id;
  if (key === 'End') return candidates.at(-1)?.id;
  const [dx, dy] = DIRECTIONS[key];
  const forward = dx + dy > 0;
  const at = candidates.findIndex((c) => c.id === from.id);
  let best: { id: string; score: number } | undefined;
  for (const c of others) {
    const along = (c.x - from.x) * dx + (c.y - from.y) * dy;
    const across = Math.abs((c.x - from.x) * dy - (c.y - from.y) * dx);
    // At the same point, places follow the list: right and down go on, left and up go back.
    const samePoint = Math.hypot(c.x - from.x, c.y - from.y) < SAME_POINT_PX;
    const ahead = samePoint
      ? at >= 0 && candidates.indexOf(c) > at === forward
      : along > 0 && along >= across / SIDEWAYS_WEIGHT;
    if (!ahead) continue;
    const score = samePoint ? 0 : along + SIDEWAYS_WEIGHT * across;
    if (!best || score < best.score) best = { id: c.id, score };
  }
  if (best || from.id !== undefined) return best?.id;
  const nearest = others.reduce<Candidate | undefined>(
    (a, c) =>
      !a || Math.hypot(c.x - from.x, c.y - from.y) < Math.hypot(a.x - from.x, a.y - from.y) ? c : a,
    undefined,
  );
  return nearest?.id;
}
