import type { Position } from 'geojson';
import type { PlaceConfig, RegionSelector } from './config.ts';
import { GeoInputError } from './errors.ts';
import { boundsOf } from './geometry.ts';
import type { Admin1Feature } from './sources.ts';
import type { Box } from './types.ts';

export function featureBounds(f: Admin1Feature): Box {
  const g = f.geometry;
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return boundsOf(rings.flat());
}

/** Region codes must exist exactly; a selector that matches nothing is an input error too. */
export function checkSelectors(
  places: PlaceConfig[],
  features: Admin1Feature[],
  file: string,
): void {
  const codes = new Set(features.map((f) => f.properties.iso_3166_2));
  const a3s = new Set(features.map((f) => f.properties.adm0_a3));
  for (const p of places) {
    const s = p.regions;
    const named = [...(s?.iso_3166_2 ?? []), ...(s?.exclude_iso_3166_2 ?? [])];
    if (p.names_from) named.push(p.names_from);
    for (const code of named) {
      if (!codes.has(code)) {
        throw new GeoInputError(
          `unknown region code ${code} in place "${p.id}": no Natural Earth admin-1 region has iso_3166_2 ${code}`,
          `use an existing code (e.g. UA-14 for Donetsk Oblast) in ${file}`,
        );
      }
    }
    for (const a3 of s?.adm0_a3 ?? []) {
      if (!a3s.has(a3)) {
        throw new GeoInputError(
          `unknown country code ${a3} in place "${p.id}": no Natural Earth admin-1 region has adm0_a3 ${a3}`,
          `use an existing ISO alpha-3 code (e.g. RUS) in ${file}`,
        );
      }
    }
    if (s && selectRegions(s, features).length === 0) {
      throw new GeoInputError(
        `place "${p.id}" matches no Natural Earth admin-1 region`,
        `widen its regions selector in ${file}`,
      );
    }
  }
}

export function matches(s: RegionSelector, f: Admin1Feature): boolean {
  const { iso_3166_2: code, adm0_a3: a3 } = f.properties;
  if (s.exclude_iso_3166_2?.includes(code)) return false;
  return (
    !!s.iso_3166_2?.includes(code) ||
    (!!s.iso_3166_2_prefix && code.startsWith(s.iso_3166_2_prefix)) ||
    !!s.adm0_a3?.includes(a3)
  );
}

export function selectRegions(s: RegionSelector, features: Admin1Feature[]): Admin1Feature[] {
  return features.filter((f) => matches(s, f));
}
