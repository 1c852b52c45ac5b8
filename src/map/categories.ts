// How a place is drawn and explained follows from its status and kind, never from its id. The
// statuses and their words come from the story (`statuses` in its front matter); only the kinds
// and the three ways of drawing a status are code. A new story's places are styled and legended
// without code changes.

import type {
  PlaceKind,
  PlaceStatus,
  ResolvedStatus,
  ResolvedStory,
  StatusStyle,
} from '../story/schema.ts';

/** A status id (from the story) or a place kind. */
export type CategoryId = string;

export interface Category {
  id: CategoryId;
  label: string;
  geometry: 'polygon' | 'point';
  /** How a status is drawn; kinds draw as themselves. */
  style?: StatusStyle;
}

const KINDS: readonly Category[] = [
  { id: 'country', label: 'Countries', geometry: 'polygon' },
  { id: 'region', label: 'Regions', geometry: 'polygon' },
  { id: 'sea', label: 'Seas', geometry: 'polygon' },
  { id: 'city', label: 'Cities', geometry: 'point' },
  { id: 'site', label: 'Sites', geometry: 'point' },
  { id: 'incident', label: 'Incidents (approximate positions ringed)', geometry: 'point' },
];

/** The story's statuses in its order, then the kinds: the legend's and the places list's order. */
export function categoriesOf(story: Pick<ResolvedStory, 'statuses'>): Category[] {
  return [
    ...story.statuses.map((s): Category => ({
      id: s.id,
      label: s.legend,
      geometry: 'polygon',
      style: s.style,
    })),
    ...KINDS,
  ];
}

export function categoryOf(place: {
  kind: PlaceKind;
  status?: PlaceStatus | undefined;
}): CategoryId {
  return place.status ?? place.kind;
}

/** The story's definition of a place's status (check.ts makes sure there is one). */
export function statusOf(
  story: Pick<ResolvedStory, 'statuses'>,
  place: { status?: PlaceStatus | undefined },
): ResolvedStatus | undefined {
  return place.status ? story.statuses.find((s) => s.id === place.status) : undefined;
}
