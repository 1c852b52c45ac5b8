// Reads the live map through its public handle (`window.mapExplainer.map`), for assertions that
// only the real MapLibre can answer: what it rendered, and where a place is on screen.
import type { Page } from 'playwright-core';

type MapHandle = {
  mapExplainer?: {
    map: {
      queryRenderedFeatures(
        a?: unknown,
        b?: unknown,
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

/**
 * The page point to click: the label point, or when an overlay (the legend, a control) covers it
 * the nearest point within 96 px where the canvas is on top and the feature is drawn.
 */
export function visibleFeaturePoint(o: { ll: [number, number]; id: string; layers: string[] }) {
  const map = (window as unknown as MapHandle).mapExplainer!.map;
  const canvas = map.getCanvas();
  const r = canvas.getBoundingClientRect();
  const p = map.project(o.ll);
  for (let offset = 0; offset <= 96; offset += 8) {
    const steps = offset === 0 ? 1 : 16;
    for (let i = 0; i < steps; i++) {
      const a = (i / steps) * 2 * Math.PI;
      const x = p.x + offset * Math.cos(a);
      const y = p.y + offset * Math.sin(a);
      if (document.elementFromPoint(r.left + x, r.top + y) !== canvas) continue;
      const hits = map.queryRenderedFeatures([x, y], { layers: o.layers });
      if (hits.some((f) => String(f.properties.id) === o.id)) {
        return { x: r.left + x, y: r.top + y, offset };
      }
    }
  }
  return null;
}

/** Where a reader would click to hit the place: see visibleFeaturePoint. */
export async function visiblePoint(
  page: Page,
  o: { ll: [number, number]; id: string; layers: string[] },
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(visibleFeaturePoint, o);
  if (!point) throw new Error(`${o.id} is not visible within 96 px of its label point`);
  return point;
}

/** Ids of the places the given layers hold at a page point (what a click there would hit). */
export function placesAt(
  page: Page,
  at: { x: number; y: number },
  layers: string[],
): Promise<string[]> {
  return page.evaluate(
    ({ at, layers }) => {
      const map = (window as unknown as MapHandle).mapExplainer!.map;
      const r = map.getCanvas().getBoundingClientRect();
      const hits = map.queryRenderedFeatures([at.x - r.left, at.y - r.top], { layers });
      return [...new Set(hits.map((f) => String(f.properties.id)))];
    },
    { at, layers },
  );
}
