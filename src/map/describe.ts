// The map's text alternative, generated from the story's data so it never drifts from the map.
import type { StoryData } from '../state/page.ts';
import { categoriesOf, categoryOf } from '../catalogue/categories.ts';

export function describeMap(story: StoryData): string {
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
  ]
    .filter(Boolean)
    .join(' ');
}
