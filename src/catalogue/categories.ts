// How a place is drawn, legended and grouped follows from its status and kind, never from its id.
// The statuses and their words come from the story (`statuses` in its front matter); the kinds
// and the ways of drawing a status are the catalogue's (kinds.ts). A new story's places are
// styled and legended without code changes.
import { boundsOverlap, type Bounds } from '../lib/geometry.ts';
import {
  KINDS,
  KIND_IDS,
  STATUS_STYLES,
  type GeometryClass,
  type PlaceKind,
  type StatusStyle,
} from './kinds.ts';

/** A status id (from the story) or a place kind. */
export type CategoryId = string;

export interface Category {
  id: CategoryId;
  label: string;
  geometry: GeometryClass;
  /** Set for a status: how it is drawn. */
  style?: StatusStyle;
  /** Set for a kind. */
  kind?: PlaceKind;
}

export interface StatusDefinition {
  id: string;
  legend: string;
  description: string;
  style: StatusStyle;
}

/** The story's statuses in its order, then the kinds: the legend's and the places list's order. */
export function categoriesOf(story: { statuses: readonly StatusDefinition[] }): Category[] {
  return [
    ...story.statuses.map((s): Category => ({
      id: s.id,
      label: s.legend,
      geometry: STATUS_STYLES[s.style].geometry,
      style: s.style,
    })),
    ...KIND_IDS.map((kind): Category => ({
      id: kind,
      label: KINDS[kind].group,
      geometry: KINDS[kind].geometry,
      kind,
    })),
  ];
}

/** The legend of a view: the categories of the places whose bounds reach into `view`, in the
 * legend's order. The HTML legend and the share images list these. */
export function categoriesIn(
  story: {
    statuses: readonly StatusDefinition[];
    places: Record<string, { kind: PlaceKind; status?: string | undefined; bounds: Bounds }>;
  },
  view: Bounds,
): Category[] {
  const inView = new Set(
    Object.values(story.places)
      .filter((p) => boundsOverlap(p.bounds, view))
      .map((p) => categoryOf(p)),
  );
  return categoriesOf(story).filter((c) => inView.has(c.id));
}

export function categoryOf(place: { kind: PlaceKind; status?: string | undefined }): CategoryId {
  return place.status ?? place.kind;
}

/** The places by category, in the legend's order, each category's in the story's order: the
 * places list's order, which the map's keyboard focus follows too (Home, End). */
export function placeGroups<P extends { kind: PlaceKind; status?: string | undefined }>(story: {
  statuses: readonly StatusDefinition[];
  places: Record<string, P>;
}): { category: Category; places: P[] }[] {
  return categoriesOf(story)
    .map((category) => ({
      category,
      places: Object.values(story.places).filter((p) => categoryOf(p) === category.id),
    }))
    .filter((g) => g.places.length > 0);
}

/** The story's definition of a place's status (check.ts makes sure there is one). */
export function statusOf<S extends StatusDefinition>(
  story: { statuses: readonly S[] },
  place: { status?: string | undefined },
): S | undefined {
  return place.status ? story.statuses.find((s) => s.id === place.status) : undefined;
}

/** "Region. Annexed by Russia in 2014; ...": the kind's word, then the story's sentence for the
 * status. */
export function kindText(
  place: { kind: PlaceKind; status?: string | undefined },
  story: { statuses: readonly StatusDefinition[] },
): string {
  const kind = KINDS[place.kind].word;
  const status = statusOf(story, place);
  return status ? `${kind}. ${status.description.replace(/\.$/, '')}.` : `${kind}.`;
}

/** Ranks hits so the most specific place wins a click: points, then lines, then the smallest
 * area (Crimea before Ukraine). */
export function mostSpecific<P extends { kind: PlaceKind; area_km2?: number | undefined }>(
  ids: readonly string[],
  place: (id: string) => P | undefined,
): string | undefined {
  const key = (id: string): [number, number] => {
    const p = place(id);
    if (!p) return [Infinity, Infinity];
    const spec = KINDS[p.kind];
    return spec.geometry === 'area' ? [100, p.area_km2 ?? Infinity] : [spec.rank, 0];
  };
  return [...ids].sort((a, b) => {
    const [ra, sa] = key(a);
    const [rb, sb] = key(b);
    return ra - rb || sa - sb;
  })[0];
}
