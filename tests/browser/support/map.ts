// Reads the live map through its public handle (`window.mapExplainer.map`), for assertions that
// only the real MapLibre can answer: what it rendered, and where a place is on screen.
import type { Page } from 'playwright-core';

type MapHandle = {
  mapExplainer?: {
    map: {
      queryRenderedFeatures(
        o?: unknown,
      ): { properties: Record<string, unknown>; layer: { id: string } }[];
      project(ll: [number, number]): { x: number; y: number };
      getCenter(): { lng: number; lat: number };
      getZoom(): number;
      getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
      getFeatureState(f: { source: string; id: string }): Record<string, unknown>;
      getCanvas(): HTMLCanvasElement;
    };
  };
};

/** Ids of the places rendered in the given style layers. */
export function renderedPlaces(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((layers) => {
    const map = (window as unknown as MapHandle).mapExplainer!.map;
    const ids = map.queryRenderedFeatures({ layers }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  }, layers);
}

/** Page coordinates of a lon/lat on the live map. */
export function screenPoint(
  page: Page,
  lonLat: [number, number],
): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const map = (window as unknown as MapHandle).mapExplainer!.map;
    const p = map.project(ll);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lonLat);
}

export function camera(page: Page) {
  return page.evaluate(() => {
    const map = (window as unknown as MapHandle).mapExplainer!.map;
    const b = map.getBounds();
    const c = map.getCenter();
    return {
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [
        number,
        number,
        number,
        number,
      ],
    };
  });
}

export function featureState(page: Page, id: string) {
  return page.evaluate((id) => {
    const map = (window as unknown as MapHandle).mapExplainer!.map;
    return map.getFeatureState({ source: 'places', id });
  }, id);
}
