// The map's text alternative, generated from the story's data so it never drifts from the map,
// and what the live map says as the keyboard moves over it.
import type { StoryData } from '../state/page.ts';
import { categoriesOf, categoryOf } from '../catalogue/categories.ts';
import { KINDS, type PlaceKind } from '../catalogue/kinds.ts';
import type { Arrow } from './placeFocus.ts';

/** The live map's keys, said by its canvas (its label) and by the map's description. */
export const MAP_KEYS =
  'Arrow keys move between the places in view, Enter opens the place, Escape leaves it; Shift and the arrow keys pan, plus and minus zoom.';

export function describeMap(story: StoryData, live = false): string {
  const places = Object.values(story.places);
  const onMap = places.filter((p) => p.display === 'map');
  const far = places.filter((p) => p.display !== 'map');
  const parts = categoriesOf(story)
    .map((c) => {
      const names = onMap.filter((p) => categoryOf(p) === c.id).map((p) => p.label);
      return names.length ? `${c.label}: ${names.join(', ')}.` : '';
    })
    .filter(Boolean);
  const approximate = places.filter((p) => p.confidence === 'approximate').map((p) => p.label);
  return [
    `Map of the ${onMap.length} places in this story.`,
    ...parts,
    far.length
      ? `Shown as cards because they are far away: ${far.map((p) => p.label).join(', ')}.`
      : '',
    approximate.length
      ? `Approximate positions, drawn with a ring: ${approximate.join(', ')}.`
      : '',
    'Every place is also in the list of places below the article.',
    live ? `On the interactive map: ${MAP_KEYS}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const TOWARDS: Record<Arrow, string> = {
  ArrowRight: 'to the right',
  ArrowLeft: 'to the left',
  ArrowUp: 'above',
  ArrowDown: 'below',
};

/** What the live region says when the keyboard focus moves: the place, or why it did not. */
export function describeFocus(
  to: { place: { label: string; kind: PlaceKind } } | { edge: Arrow } | { empty: true },
): string {
  if ('place' in to) {
    return `${to.place.label}, ${KINDS[to.place.kind].word.toLowerCase()}. Press Enter to open.`;
  }
  if ('edge' in to) return `No other place ${TOWARDS[to.edge]}.`;
  return 'No places in this view. Shift and the arrow keys pan the map, plus and minus zoom.';
}
