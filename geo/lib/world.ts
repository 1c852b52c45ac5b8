import { cutLines, cutPolygons, dropPoleCaps } from './antimeridian.ts';
import {
  basemapLayers,
  countryLabel,
  labelFeature,
  type BasemapFeature,
  type Label,
  type MeshRule,
} from './basemap.ts';
import type { Config } from './config.ts';
import { cleanMultiPolygon } from './geometry.ts';
import { DECIMALS } from './places.ts';
import { stabilise, type Product } from './stabilise.ts';
import { presimplifyMercator, weightForZoom } from './topo.ts';
import type { Box, TopoGeometry, Topology, TopojsonClient, TopojsonSimplify } from './types.ts';

/**
 * The world basemap from world-atlas (Natural Earth 50m): coarse, cut at the antimeridian and
 * at Web Mercator's edge, with the region box left out; plus a label for every country.
 */
export function worldBasemap(
  client: TopojsonClient,
  simplify: TopojsonSimplify,
  topology: Topology,
  basemap: Config['basemap'],
  log: (message: string) => void,
): { features: BasemapFeature[]; labels: BasemapFeature[] } {
  const regionBox = basemap.region_bbox as Box;
  const arcs = presimplifyMercator(simplify, topology);
  const countries = dropPoleCaps(topology.objects.countries!.geometries, arcs);
  // Disputed pieces Natural Earth draws apart (N. Cyprus, Somaliland) take their country's name.
  const nameOf = (g: TopoGeometry): string => {
    const name = String(g.properties?.name);
    return basemap.world_names[name] ?? name;
  };
  const rules: MeshRule[] = [
    { layer: 'coastline', filter: (a, b) => a === b },
    { layer: 'country-border', filter: (a, b) => a !== b && nameOf(a) !== nameOf(b) },
  ];
  // Near the region (the edges of the first view) and around the story's other places the
  // world keeps more detail: weights there scale up by 4 per zoom level, so one threshold
  // serves both.
  const boost = 4 ** (basemap.world_near_zoom - basemap.world_zoom);
  const near = basemap.world_near_bboxes as Box[];
  for (const arc of arcs) {
    for (const p of arc) {
      if (near.some((b) => p[0]! >= b[0] && p[0]! <= b[2] && p[1]! >= b[1] && p[1]! <= b[3])) {
        p[2] = p[2]! * boost;
      }
    }
  }
  const decimals = basemap.world_decimals;
  const world: Product = {
    name: 'basemap-world',
    thresholds: new Float64Array(arcs.length).fill(weightForZoom(basemap.world_zoom)),
    minRingArea: 4 * weightForZoom(basemap.world_islands_zoom),
    decimals,
    keepWhole: new Set(),
    geometries: countries,
    build: (topo, settled) =>
      basemapLayers(client, topo, settled, rules, regionBox, 'outside', decimals, {
        polygons: cutPolygons,
        lines: cutLines,
      }),
  };
  stabilise(arcs, [world], log);

  // Labels sit at the pole of inaccessibility of each country's largest part (full 50m).
  const full: Topology = {
    type: 'Topology',
    arcs: arcs.map((a) => a.map((p) => [p[0]!, p[1]!])),
    objects: {},
  };
  const groups = new Map<string, TopoGeometry[]>();
  for (const g of countries) groups.set(nameOf(g), [...(groups.get(nameOf(g)) ?? []), g]);
  const labels: Label[] = [];
  for (const [name, group] of groups) {
    if (basemap.world_unlabelled.includes(name)) continue;
    const shape = cleanMultiPolygon(cutPolygons(client.merge(full, group)), DECIMALS);
    const label = countryLabel(name, shape, decimals);
    if (label) labels.push(label);
  }
  // Rank 1 is the largest country: a symbol-sort-key and a filter for low zooms.
  labels.sort((a, b) => b.area - a.area || a.name.localeCompare(b.name));
  return {
    features: world.features as BasemapFeature[],
    labels: labels.map((l, i) => labelFeature('country-label', l.name, l.point, i + 1)),
  };
}
