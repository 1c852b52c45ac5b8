import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { checkSelectors, featureBounds, matches } from './admin1.ts';
import type { Config, PlaceConfig } from './config.ts';
import { boundsOf, boxesIntersect } from './geometry.ts';
import { DECIMALS, polygonPlace, type PlaceFeature } from './places.ts';
import { withPoints } from './points.ts';
import { basinWater } from './seas.ts';
import type { Admin1Feature, Sources } from './sources.ts';
import { stabilise, type Product } from './stabilise.ts';
import { arcsOf, presimplifyMercator, weightForZoom } from './topo.ts';
import type { TopoGeometry, Topology } from './types.ts';

export interface Outputs {
  places: PlaceFeature[];
  glyphs: { range: string; file: string }[];
}

/** Places drawn this fine or finer (the story's own) keep their small islands whole (Snake
 * Island); the context shapes (Cuba 5, Russia and the US 1) drop specks like any map. */
const WHOLE_ISLANDS_ZOOM = 6;

type Log = (message: string) => void;

/** Everything `npm run geo` derives, in memory; nothing is written here. */
export function derive(config: Config, configFile: string, sources: Sources, log: Log): Outputs {
  const admin1 = sources.admin1();
  checkSelectors(config.places, admin1, configFile);
  const { server, client, simplify } = sources.topojson();
  const glyphs = config.glyphs.ranges.map((range) => ({
    range,
    file: sources.glyph(config.glyphs.font, range),
  }));
  const byId = new Map(config.places.map((p) => [p.id, p]));

  // Admin-1 regions: those the places use, and those around a sea (the land it is cut from).
  const waterBoxes = config.places.filter((p) => p.water).map((p) => boundsOf(p.water!.mask));
  const bounds = new Map(admin1.map((f) => [f, featureBounds(f)]));
  const used = admin1.filter(
    (f) =>
      config.places.some((p) => p.regions && matches(p.regions, f)) ||
      waterBoxes.some((b) => boxesIntersect(bounds.get(f)!, b)),
  );
  log(`admin-1: ${used.length} of ${admin1.length} Natural Earth regions`);
  const asFeatures = (fs: Admin1Feature[]): Feature[] =>
    fs.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.iso_3166_2 },
      geometry: f.geometry,
    }));

  // Seas: basin mask minus the same full-precision land the regions use, so coasts match.
  const landTopology = server.topology({
    admin1: { type: 'FeatureCollection', features: asFeatures(used) },
  });
  const landGeoms = landTopology.objects.admin1!.geometries;
  const waters = new Map<string, Polygon>();
  const fullLand = new Map<string, MultiPolygon>();
  for (const p of config.places.filter((q) => q.water)) {
    const box = boundsOf(p.water!.mask);
    const near = landGeoms.filter((_, i) => boxesIntersect(bounds.get(used[i]!)!, box));
    const land = client.merge(landTopology, near);
    fullLand.set(p.id, land);
    waters.set(p.id, basinWater(p.id, p.water!, land));
    log(`sea: ${p.id} cut from ${near.length} coastal regions`);
  }

  // One topology for regions and seas: shared coasts become shared arcs, simplified once.
  const waterIds = [...waters.keys()];
  const topology: Topology = server.topology({
    admin1: { type: 'FeatureCollection', features: asFeatures(used) },
    water: {
      type: 'FeatureCollection',
      features: waterIds.map((id) => ({
        type: 'Feature',
        properties: { code: id },
        geometry: waters.get(id)!,
      })),
    },
  });
  const geometries: TopoGeometry[] = [
    ...topology.objects.admin1!.geometries,
    ...topology.objects.water!.geometries,
  ];
  const arcs = presimplifyMercator(simplify, topology);
  log(`topology: ${arcs.length} arcs, ${arcs.reduce((n, a) => n + a.length, 0)} points`);

  // Which geometries make each polygon place (unions resolve through their members).
  const members = (p: PlaceConfig): number[] => {
    if (p.regions) return used.flatMap((f, i) => (matches(p.regions!, f) ? [i] : []));
    if (p.water) return [used.length + waterIds.indexOf(p.id)];
    if (p.union) return [...new Set(p.union.flatMap((id) => members(byId.get(id)!)))];
    return [];
  };
  const zoomOf = (p: PlaceConfig): number =>
    p.detail_zoom ?? Math.max(...(p.union ?? []).map((id) => zoomOf(byId.get(id)!)));

  const nArcs = arcs.length;
  const placeThresholds = new Float64Array(nArcs).fill(Infinity);
  const keepWhole = new Set<number>();
  const polygonPlaces = config.places.filter((p) => !p.point);
  for (const p of polygonPlaces) {
    const zoom = zoomOf(p);
    for (const g of members(p)) {
      for (const a of arcsOf(geometries[g]!)) {
        placeThresholds[a] = Math.min(placeThresholds[a]!, weightForZoom(zoom));
        if (zoom >= WHOLE_ISLANDS_ZOOM) keepWhole.add(a);
      }
    }
  }

  const namesFrom = (p: PlaceConfig): { name_uk?: string; name_ru?: string } => {
    const f = p.names_from
      ? admin1.find((g) => g.properties.iso_3166_2 === p.names_from)
      : undefined;
    return {
      name_uk: f?.properties.name_uk ?? undefined,
      name_ru: f?.properties.name_ru ?? undefined,
    };
  };
  const places: Product = {
    name: 'places',
    thresholds: placeThresholds,
    decimals: DECIMALS,
    keepWhole,
    geometries,
    build: (topo, settled) =>
      polygonPlaces.map((p) =>
        polygonPlace(
          client,
          topo,
          members(p).map((i) => settled[i]!),
          p,
          config,
          namesFrom(p),
        ),
      ),
  };
  stabilise(arcs, [places], log);

  const placeFeatures = withPoints(
    config,
    places.features as PlaceFeature[],
    [...fullLand.values()],
    log,
  );
  return { places: placeFeatures, glyphs };
}
