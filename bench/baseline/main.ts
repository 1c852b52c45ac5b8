// The benchmark's baseline: a bare MapLibre map with the story page's style and layers, and
// nothing else (no article, no panel, no lazy loading). A click on a story feature opens a
// MapLibre popup, the baseline's counterpart of the story page's place panel.
import * as maplibregl from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import type { GeoJSONSourceSpecification, LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { staticFramePadding } from '../../src/map/camera.ts';
import { mapImages } from '../../src/catalogue/icons.ts';
import { basemapUrl } from '../../src/catalogue/basemap.ts';
import { LIGHT } from '../../src/catalogue/palette.ts';
import { buildStyle, INTERACTIVE_LAYERS, SOURCE } from '../../src/catalogue/style.ts';
import './baseline.css';

maplibregl.setWorkerUrl(new URL(workerUrl, import.meta.url).href);
maplibregl.addProtocol('pmtiles', new Protocol().tile);

const config = __BASELINE__;
// MapLibre fetches in its worker, where relative URLs break.
const absolute = (path: string) => new URL(path, document.baseURI).href;
const f = config.files;
const style = buildStyle({
  palette: LIGHT,
  basemap: basemapUrl(absolute(f.tiles)),
  hide: config.hide,
  glyphs: absolute(f.glyphs) + '{fontstack}/{range}.pbf',
  places: absolute(f.places),
  labels: { type: 'FeatureCollection', features: [] },
});
// The style's type takes labels as data only; the spec takes a URL, which the worker fetches.
(style.sources[SOURCE.labels] as GeoJSONSourceSpecification).data = absolute(f.labels);

const camera = config.camera;
const map = new maplibregl.Map({
  container: 'map',
  style,
  bounds: 'bounds' in camera ? (camera.bounds as LngLatBoundsLike) : undefined,
  center: 'center' in camera ? camera.center : undefined,
  zoom: 'zoom' in camera ? camera.zoom : undefined,
  // The story page's first view, framed as its static map frames it: both pages draw the same.
  fitBoundsOptions: {
    padding: staticFramePadding(document.getElementById('map')!.getBoundingClientRect()),
  },
  minZoom: 0.5,
  maxZoom: 9,
  dragRotate: false,
  pitchWithRotate: false,
  touchPitch: false,
  attributionControl: { compact: false, customAttribution: config.attribution },
});
// The benchmark reads the map through the same handle as on the story page.
(window as Window & { mapExplainer?: { map: maplibregl.Map } }).mapExplainer = { map };
if (config.projection === 'globe') {
  map.once('style.load', () => map.setProjection({ type: 'globe' }));
}
// The benchmark's "map idle": the map's first idle.
map.once('idle', () => performance.mark('map-idle'));

const images = mapImages(LIGHT);
map.setMissingStyleImageResolver((id) => {
  const image = images[id];
  if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: image.pixelRatio });
});

map.on('click', (e) => {
  const hits = map.queryRenderedFeatures(e.point, { layers: INTERACTIVE_LAYERS });
  const names = [...new Set(hits.map((h) => String(h.properties.label ?? h.properties.id)))];
  if (names.length === 0) return;
  new maplibregl.Popup().setLngLat(e.lngLat).setText(names.join(', ')).addTo(map);
});
