// How a place is drawn and explained follows from its kind and status, never from its id, so a new
// story's places are styled and legended without code changes.

import type { PlaceKind, PlaceStatus } from '../story/schema.ts';

export type CategoryId =
  | 'recognised'
  | 'annexed-2014'
  | 'claimed-2022'
  | 'country'
  | 'region'
  | 'sea'
  | 'city'
  | 'site'
  | 'incident';

export interface Category {
  id: CategoryId;
  /** Legend wording. Statuses say "claimed", not "controlled": Russia occupies only part. */
  label: string;
  geometry: 'polygon' | 'point';
}

export const CATEGORIES: readonly Category[] = [
  { id: 'recognised', label: 'Internationally recognised borders (1991)', geometry: 'polygon' },
  { id: 'annexed-2014', label: 'Annexed by Russia, 2014', geometry: 'polygon' },
  {
    id: 'claimed-2022',
    label: 'Claimed by Russia, 2022 (only partly occupied)',
    geometry: 'polygon',
  },
  { id: 'country', label: 'Countries', geometry: 'polygon' },
  { id: 'region', label: 'Regions', geometry: 'polygon' },
  { id: 'sea', label: 'Seas', geometry: 'polygon' },
  { id: 'city', label: 'Cities', geometry: 'point' },
  { id: 'site', label: 'Sites', geometry: 'point' },
  { id: 'incident', label: 'Incidents (approximate positions ringed)', geometry: 'point' },
];

export const STATUS_TEXT: Record<PlaceStatus, string> = {
  recognised: 'Internationally recognised',
  'annexed-2014': 'Annexed by Russia in 2014; the annexation is not internationally recognised',
  'claimed-2022':
    'Claimed by Russia in 2022 and only partly occupied; the claim is not internationally recognised',
};

export const BORDER_CONVENTION =
  'Borders are the internationally recognised ones (UN General Assembly resolution 68/262); territory annexed or claimed by another state is hatched, not redrawn.';

export function categoryOf(place: {
  kind: PlaceKind;
  status?: PlaceStatus | undefined;
}): CategoryId {
  if (place.status) return place.status;
  return place.kind;
}
