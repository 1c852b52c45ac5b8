// The map before (or without) WebGL: the story's first view drawn at build time with d3-geo from
// the same GeoJSON and colours as the live map. The basemap becomes an SVG file per theme; the
// story's places stay inline so they can be focused and clicked.
import { geoMercator, geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import turfRewind from '@turf/rewind';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Bounds } from '../story/schema.ts';
import type { Palette } from './palette.ts';

/** The SVG canvas; the story's view fills its middle so any box shape crops to show it. */
export const STATIC_SIZE = { width: 1000, height: 800 } as const;
const INSET = { x: 170, y: 140 };

export interface StaticFeature {
  id: string;
  label: string;
  category: string;
  kind: string;
  d: string;
  /** Points are drawn as symbols at x, y. */
  x?: number;
  y?: number;
}

export interface StaticMapData {
  width: number;
  height: number;
  features: StaticFeature[];
}

function projection(bounds: Bounds) {
  const [[w, s], [e, n]] = bounds;
  const { width, height } = STATIC_SIZE;
  return geoMercator()
    .fitExtent(
      [
        [INSET.x, INSET.y],
        [width - INSET.x, height - INSET.y],
      ],
      {
        type: 'MultiPoint',
        coordinates: [
          [w, s],
          [e, n],
        ],
      },
    )
    .clipExtent([
      [-10, -10],
      [width + 10, height + 10],
    ]);
}

/** Drops projected points under `px` from the last one kept: detail finer than a pixel only adds
 * bytes to the page. */
function thinned(px: number) {
  return (out: GeoStream): GeoStream => {
    let lastX = NaN;
    let lastY = NaN;
    return {
      point(x, y) {
        if (Math.hypot(x - lastX, y - lastY) < px) return;
        lastX = x;
        lastY = y;
        out.point(x, y);
      },
      lineStart() {
        lastX = lastY = NaN;
        out.lineStart();
      },
      lineEnd: () => out.lineEnd(),
      polygonStart: () => out.polygonStart(),
      polygonEnd: () => out.polygonEnd(),
      sphere: () => out.sphere?.(),
    };
  };
}

function pathFor(bounds: Bounds) {
  const proj = projection(bounds);
  const thin = thinned(1.5);
  const path = geoPath({ stream: (s) => proj.stream(thin(s)) }).digits(0);
  return { proj, path };
}

/** d3-geo reads RFC 7946 (counter-clockwise) rings as "the world minus the shape". */
function forD3<G extends Geometry>(feature: Feature<G>): GeoPermissibleObjects {
  return turfRewind(feature, { reverse: true }) as GeoPermissibleObjects;
}

export function staticPlaces(places: FeatureCollection, bounds: Bounds): StaticMapData {
  const { proj, path } = pathFor(bounds);
  const features: StaticFeature[] = [];
  for (const f of places.features) {
    const p = f.properties ?? {};
    const base = {
      id: String(p.id),
      label: String(p.label ?? p.id),
      category: String(p.category ?? p.kind),
      kind: String(p.kind),
    };
    if (f.geometry.type === 'Point') {
      const xy = proj(f.geometry.coordinates as [number, number]);
      const { width, height } = STATIC_SIZE;
      if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > width || xy[1] > height) continue;
      features.push({
        ...base,
        d: '',
        x: Math.round(xy[0] * 10) / 10,
        y: Math.round(xy[1] * 10) / 10,
      });
      continue;
    }
    const d = path(forD3(f));
    if (d) features.push({ ...base, d });
  }
  return { ...STATIC_SIZE, features };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The basemap as a standalone SVG document in one palette. */
export function staticBasemapSvg(
  layers: FeatureCollection[],
  bounds: Bounds,
  palette: Palette,
): string {
  const { proj, path } = pathFor(bounds);
  const by = (layer: string) =>
    layers.flatMap((fc) => fc.features.filter((f) => f.properties?.layer === layer));
  const joined = (layer: string) =>
    by(layer)
      .map((f) => path(forD3(f)) ?? '')
      .join('');
  const labels = by('country-label')
    .concat(by('sea-label'))
    .map((f) => {
      if (f.geometry.type !== 'Point') return '';
      const xy = proj(f.geometry.coordinates as [number, number]);
      const { width, height } = STATIC_SIZE;
      if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > width || xy[1] > height) return '';
      const name = escapeXml(String(f.properties?.name ?? ''));
      return `<text x="${xy[0].toFixed(1)}" y="${xy[1].toFixed(1)}">${name}</text>`;
    })
    .join('');
  const { width, height } = STATIC_SIZE;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="${palette.sea}"/>`,
    `<path d="${joined('land')}" fill="${palette.land}"/>`,
    `<path d="${joined('admin1-border')}" fill="none" stroke="${palette.admin1Border}" stroke-width="0.8"/>`,
    `<path d="${joined('coastline')}" fill="none" stroke="${palette.coastline}" stroke-width="0.8"/>`,
    `<path d="${joined('country-border')}" fill="none" stroke="${palette.countryBorder}" stroke-width="1.2"/>`,
    `<g font-family="Noto Sans, Arial, sans-serif" font-size="13" fill="${palette.countryBorder}" text-anchor="middle">${labels}</g>`,
    '</svg>',
  ].join('\n');
}
