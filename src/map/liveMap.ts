// The only module that imports MapLibre. It is loaded late (see MapView.svelte), so the article
// and the static map paint before any of MapLibre's ~300 KB is fetched.
import * as maplibregl from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FilterSpecification, LngLatBoundsLike } from 'maplibre-gl';
import type { CategoryId } from '../catalogue/categories.ts';
import {
  globeZoomFor,
  zoomFor,
  type Bounds,
  type Camera,
  type Padding,
  type Projection,
} from './camera.ts';
import { MAP_KEYS } from './describe.ts';
import {
  DIRECTIONS,
  isArrow,
  isFocusKey,
  nextFocus,
  type Arrow,
  type Candidate,
} from './placeFocus.ts';
import type { LonLat } from '../lib/geometry.ts';
import { prefersReducedMotion } from '../lib/motion.ts';
import { mapImages } from '../catalogue/icons.ts';
import type { Palette } from '../catalogue/palette.ts';
import { buildStyle, INTERACTIVE_LAYERS, SOURCE, type StyleInput } from '../catalogue/style.ts';

maplibregl.setWorkerUrl(new URL(workerUrl, import.meta.url).href);
// The world basemap is one PMTiles archive read with range requests: no tile server. A reader
// keeps the archive's header, a failed read included: each map gets a fresh one, so Retry reads
// the archive again.
let archives = new Protocol();
maplibregl.addProtocol('pmtiles', (params, abort) => archives.tile(params, abort));

export interface LiveMapOptions {
  container: HTMLElement;
  style: Omit<StyleInput, 'palette'>;
  palette: Palette;
  camera: Camera;
  projection: Projection;
  /** Inside an iframe the page must keep its scroll: Ctrl/⌘ + wheel zooms, two fingers pan. */
  cooperative: boolean;
  interactive: boolean;
  attribution: string;
  /** The bottom corner for the credits and the scale: the one the legend leaves free. */
  credits: 'bottom-left' | 'bottom-right';
  /** Feature ids ordered by how specific they are: the first hit wins (Crimea before Ukraine). */
  rank: (ids: string[]) => string | undefined;
  onPick: (id: string) => void;
  /** The places the keyboard can focus, in the places list's order, each with the point it is
   * reached at (its label point, or its middle). Only those drawn in the view are used. */
  focusable: () => { id: string; anchor: LonLat }[];
  onKeyFocus: (event: KeyFocus) => void;
  onBusy: (busy: boolean) => void;
  /** After each move: the box the map shows, and its centre (of the room the overlays leave)
   * and zoom, for an image of the view on screen. */
  onMove: (bounds: Bounds, camera: { center: LonLat; zoom: number }) => void;
  onError: (message: string, sourceId?: string) => void;
  onContextLost: () => void;
  onContextRestored: () => void;
  /** The padding to fit `camera` with (room for the HTML overlays, or the static map's frame). */
  padding: (camera: Camera) => Padding;
}

export type LiveMap = ReturnType<typeof createLiveMap>;

/** What the keyboard did to the focus among the places: moved it to a place, found none further
 * that way (`edge`) or none in the view at all (`empty`), or let it go (`cleared`: Escape). */
export type KeyFocus = { id: string } | { edge: Arrow } | { empty: true } | { cleared: true };

/** The deepest zoom: the world tiles' detail ends at 8 (overzoomed one level). */
const MAX_ZOOM = 9;
/** A fitted place zooms no closer than this: a small one (a strait, a town's area) still fills
 * a good part of the view, with some of the map around it. */
const FIT_MAX_ZOOM = 8.5;

/** Shift and an arrow pan by this much, as MapLibre's own arrow keys did. */
const PAN_STEP_PX = 100;

export function createLiveMap(o: LiveMapOptions) {
  archives = new Protocol();
  let palette = o.palette;
  const map = new maplibregl.Map({
    container: o.container,
    style: buildStyle({ ...o.style, palette }),
    bounds: 'bounds' in o.camera ? (o.camera.bounds as LngLatBoundsLike) : undefined,
    fitBoundsOptions: { padding: o.padding(o.camera), maxZoom: FIT_MAX_ZOOM },
    minZoom: 0.5,
    maxZoom: MAX_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    cooperativeGestures: o.cooperative,
    interactive: o.interactive,
    attributionControl: false,
    // The canvas is one tab stop: arrows move between places (below); MapLibre keeps plus and
    // minus.
    keyboard: true,
    locale: {
      'Map.Title': `Interactive map. ${MAP_KEYS}`,
      'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
      'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    },
  });
  // A handle for newsroom developers and our browser tests: the real MapLibre map.
  (window as Window & { mapExplainer?: { map: maplibregl.Map } }).mapExplainer = { map };
  const first = o.camera;
  if (o.projection === 'globe') {
    map.once('style.load', () => {
      map.setProjection({ type: 'globe' });
      if ('center' in first) centreOn(first, 'globe', 0);
    });
  } else if ('center' in first) centreOn(first, 'mercator', 0);
  if (o.interactive) {
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  }
  // The legend takes one bottom corner and the distant-place cards the top left: the credits go in
  // the other bottom corner, wrapping short of the legend (app.css). The scale sits under the zoom
  // buttons: stacked on the credits it moved when MapLibre filled them in (a layout shift).
  // On a map 640 px wide or less they do not fit one line: MapLibre shows them open at first, behind
  // an (i) button once the map moves (it folds them on a drag only; here any move does, the camera
  // taking the reader to a place included, so they never cover what the reader asked for). The
  // sources footer credits everything in full.
  map.addControl(
    new maplibregl.AttributionControl({ customAttribution: o.attribution }),
    o.credits,
  );
  const foldCredits = () =>
    map
      .getContainer()
      .querySelector('.maplibregl-compact-show')
      ?.classList.remove('maplibregl-compact-show');
  map.on('movestart', foldCredits);
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'top-right');

  // Patterns and symbols are drawn on demand, in the current palette.
  let images = mapImages(palette);
  map.setMissingStyleImageResolver((id) => {
    const image = images[id];
    if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: image.pixelRatio });
  });

  // Busy while anything loads or moves; idle is MapLibre's "everything rendered".
  map.on('dataloading', () => o.onBusy(true));
  map.on('movestart', () => o.onBusy(true));
  map.on('idle', () => o.onBusy(false));
  // A source that fails to load (the basemap files are fetched by MapLibre's worker) names itself.
  map.on('error', (e) => {
    const sourceId = (e as { sourceId?: string }).sourceId;
    o.onError(e.error?.message ?? 'map error', sourceId);
  });
  // A resize (the container's, by MapLibre's own observer) keeps the camera: what the reader
  // asked to see is the same, and a legend re-counting the places in view would shift (CLS).
  let resized = false;
  map.on('resize', () => (resized = true));
  map.on('moveend', () => {
    if (resized) {
      resized = false;
      return;
    }
    const b = map.getBounds();
    const c = map.getCenter();
    o.onMove(
      [
        [b.getWest(), b.getSouth()],
        [b.getEast(), b.getNorth()],
      ],
      { center: [c.lng, c.lat], zoom: map.getZoom() },
    );
  });
  // A lost context takes the style with it: calls wait until MapLibre has rebuilt it from its
  // snapshot (which drops feature state), then the reader's highlights are put back.
  let lost = false;
  let pendingShow: (() => void) | undefined;
  map.on('webglcontextlost', () => {
    lost = true;
    o.onContextLost();
  });
  map.on('webglcontextrestored', () => {
    map.once('style.load', () => {
      lost = false;
      applyStates();
      for (const fn of queue.splice(0)) fn();
      pendingShow?.();
      pendingShow = undefined;
      o.onContextRestored();
    });
  });

  const pick = (point: maplibregl.PointLike) => {
    if (lost) return undefined;
    const hits = map.queryRenderedFeatures(point, { layers: INTERACTIVE_LAYERS });
    return o.rank([...new Set(hits.map((f) => String(f.properties.id)))]);
  };
  map.on('click', (e) => {
    const id = pick(e.point);
    // The keyboard goes on from the place the reader clicked.
    if (id) focused = id;
    if (id) o.onPick(id);
  });
  // The pointer cursor and the hover highlight over places: at most once a frame, and not while
  // dragging (the pan is what the reader is doing then, and each pick is a query of the rendered
  // features).
  let hoverQueued = false;
  let removed = false;
  const hovered = marker('hover');
  const hover = (id: string | undefined) => {
    if (hovered.set(id)) map.getCanvas().style.cursor = id ? 'pointer' : '';
  };
  map.on('remove', () => (removed = true));
  map.on('mousemove', (e) => {
    if (hoverQueued || e.originalEvent.buttons !== 0) return;
    hoverQueued = true;
    requestAnimationFrame(() => {
      hoverQueued = false;
      if (removed || !loaded || lost) return;
      hover(pick(e.point));
    });
  });
  map.on('mouseout', () => {
    if (!removed && loaded && !lost) hover(undefined);
  });

  // The keyboard. The canvas is one tab stop; while it has focus, arrows move a focus between
  // the places drawn in the view (nearest that way on screen), Home and End go to the first and
  // last, Enter or Space opens the focused place as a click does, and Escape lets it go. Shift
  // and an arrow pan instead (MapLibre would rotate the map); plus and minus stay MapLibre's.
  // Our listener is on the canvas, so it runs before MapLibre's on its container.
  map.keyboard.disableRotation();
  const canvas = map.getCanvas();
  /** The keyboard's place: kept while focus is in the panel it opened, so Escape comes back to
   * it. `drawn` is the one marked on the map: only while the canvas shows keyboard focus. */
  let focused: string | undefined;
  const drawn = marker('focus');
  const draw = (id: string | undefined) => void drawn.set(id);
  /** The focusable places drawn in the view (a hidden legend category draws none), where they
   * are on the canvas; a large area whose label point is outside the view is reached at the edge
   * nearest to it. */
  const inView = (): Candidate[] => {
    const rendered = map.queryRenderedFeatures({ layers: INTERACTIVE_LAYERS });
    const ids = new Set(rendered.map((f) => String(f.properties.id)));
    const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
    return o
      .focusable()
      .filter((p) => ids.has(p.id))
      .map(({ id, anchor }) => {
        const p = map.project(anchor);
        return { id, x: clamp(p.x, canvas.clientWidth), y: clamp(p.y, canvas.clientHeight) };
      });
  };
  const moveFocus = (key: Parameters<typeof nextFocus>[1]) => {
    const candidates = inView();
    if (candidates.length === 0) return o.onKeyFocus({ empty: true });
    // A focused place the reader has panned out of view: start again from the middle.
    const from = candidates.find((c) => c.id === focused) ?? {
      x: canvas.clientWidth / 2,
      y: canvas.clientHeight / 2,
    };
    const next = nextFocus(candidates, key, from);
    if (next === undefined) return o.onKeyFocus({ edge: key as Arrow });
    focused = next;
    draw(next);
    o.onKeyFocus({ id: next });
  };
  canvas.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !loaded || lost) return;
    if (isArrow(e.key) && e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      const [dx, dy] = DIRECTIONS[e.key];
      map.panBy([dx * PAN_STEP_PX, dy * PAN_STEP_PX], {
        duration: prefersReducedMotion() ? 0 : 300,
      });
    } else if (isFocusKey(e.key) && !e.shiftKey) {
      e.preventDefault();
      e.stopPropagation();
      moveFocus(e.key);
    } else if ((e.key === 'Enter' || e.key === ' ') && focused) {
      e.preventDefault();
      o.onPick(focused);
    } else if (e.key === 'Escape') {
      focused = undefined;
      draw(undefined);
      o.onKeyFocus({ cleared: true });
    }
  });
  // The mark follows the keyboard's focus: gone when the reader tabs away or a panel takes the
  // focus, back when focus returns to the map by keyboard.
  canvas.addEventListener('blur', () => draw(undefined));
  canvas.addEventListener('focus', () => {
    if (focused && loaded && !lost && canvas.matches(':focus-visible')) draw(focused);
  });

  const baseFilters = new Map<string, FilterSpecification | undefined>();
  // Every layer drawing the story's places: hiding a legend category filters each of them.
  const rememberFilters = () => {
    for (const layer of map.getStyle().layers) {
      if ('source' in layer && (layer.source === SOURCE.places || layer.source === SOURCE.labels))
        baseFilters.set(layer.id, map.getFilter(layer.id) ?? undefined);
    }
  };

  // Calls made before the style has loaded are replayed in order once it has.
  let loaded = false;
  const queue: (() => void)[] = [];
  const whenLoaded = (fn: () => void) => (loaded && !lost ? fn() : queue.push(fn));
  map.once('load', () => {
    loaded = true;
    rememberFilters();
    for (const fn of queue.splice(0)) fn();
  });

  let active = new Set<string>();
  let selected = new Set<string>();
  let hidden: readonly CategoryId[] = [];
  const setState = (id: string, state: Record<string, boolean>) =>
    map.setFeatureState({ source: SOURCE.places, id }, state);
  /** A feature state one place holds at a time (the hover, the keyboard focus): `set` moves it
   * and says whether it moved. */
  function marker(key: 'hover' | 'focus') {
    let id: string | undefined;
    return {
      get id() {
        return id;
      },
      set(next: string | undefined): boolean {
        if (next === id) return false;
        if (id) setState(id, { [key]: false });
        if (next) setState(next, { [key]: true });
        id = next;
        return true;
      },
    };
  }
  const applyHidden = () => {
    const hide = ['!', ['in', ['get', 'category'], ['literal', [...hidden]]]];
    for (const [layer, base] of baseFilters) {
      map.setFilter(layer, (base ? ['all', base, hide] : hide) as FilterSpecification);
    }
  };
  const applyStates = () => {
    for (const id of active) setState(id, { active: true });
    for (const id of selected) setState(id, { selected: true });
    if (drawn.id) setState(drawn.id, { focus: true });
  };

  const motion = (reduced: boolean) => (reduced ? { duration: 0 } : { duration: 900 });

  /** A centre-and-zoom camera: its centre in the middle of what the overlays leave free (the
   * map's padding, which moves a globe rather than turning it), at the zoom for this map's size;
   * a globe whole inside that room. */
  function centreOn(
    camera: Extract<Camera, { center: unknown }>,
    projection: Projection,
    duration: number,
  ) {
    const padding = o.padding(camera);
    const box = o.container.getBoundingClientRect();
    // At least a pixel: a map with no size yet (hidden) takes the least zoom, not NaN.
    const room = Math.max(
      1,
      Math.min(box.width - padding.left - padding.right, box.height - padding.top - padding.bottom),
    );
    const zoom = zoomFor(camera.zoom, box);
    const options = {
      center: camera.center,
      zoom: projection === 'globe' ? Math.min(zoom, globeZoomFor(room, camera.center[1])) : zoom,
      padding,
      duration,
      essential: false,
    };
    if (duration > 0) map.flyTo(options);
    else map.easeTo(options);
  }

  return {
    map,
    /** The places of the current passage. Replacing the whole set keeps fast scrolling honest. */
    setActive(ids: readonly string[]) {
      whenLoaded(() => {
        const next = new Set(ids);
        for (const id of active) if (!next.has(id)) setState(id, { active: false });
        for (const id of next) setState(id, { active: true });
        active = next;
      });
    },
    setSelected(ids: readonly string[]) {
      whenLoaded(() => {
        const next = new Set(ids);
        for (const id of selected) if (!next.has(id)) setState(id, { selected: false });
        for (const id of next) setState(id, { selected: true });
        selected = next;
      });
    },
    setHidden(categories: readonly CategoryId[]) {
      // A filter change re-tiles the whole source in the worker: only when something changed
      // (not at start, where it slowed the first seconds of panning).
      if (categories.join() === hidden.join()) return;
      hidden = categories;
      whenLoaded(applyHidden);
    },
    show(camera: Camera, projection: Projection, reducedMotion: boolean) {
      if (lost) {
        pendingShow = () => this.show(camera, projection, true);
        return;
      }
      const move = () => {
        if ('center' in camera) {
          centreOn(camera, projection, reducedMotion ? 0 : 900);
          return;
        }
        // The padding replaces the map's (a centre-and-zoom view set it), as MapLibre 7 will.
        map.fitBounds(camera.bounds as LngLatBoundsLike, {
          ...motion(reducedMotion),
          padding: o.padding(camera),
          absolutePadding: true,
          maxZoom: FIT_MAX_ZOOM,
          essential: false,
        });
      };
      // The projection first: Web Mercator keeps a low zoom's world filling the view, which
      // would pull a globe's centre to the equator.
      const current = map.getProjection()?.type ?? 'mercator';
      if (current === projection) move();
      else
        whenLoaded(() => {
          map.setProjection({ type: projection });
          move();
        });
    },
    /** Gives the canvas the focus, on this place (the reader was on it in the static map). */
    focusPlace(id: string) {
      focused = id;
      canvas.focus();
      o.onKeyFocus({ id });
    },
    setPalette(next: Palette) {
      if (next === palette) return;
      palette = next;
      images = mapImages(palette);
      whenLoaded(() => {
        for (const id of Object.keys(images)) if (map.hasImage(id)) map.removeImage(id);
        map.setStyle(buildStyle({ ...o.style, palette }), { diff: false });
        map.once('style.load', () => {
          rememberFilters();
          applyHidden();
          applyStates();
        });
      });
    },
    destroy() {
      try {
        map.remove();
      } catch (error) {
        // A map whose context is gone can fail to tear down; its canvas goes either way.
        console.warn(`Map: removing the map failed (${(error as Error).message})`);
        o.container.replaceChildren();
      }
    },
  };
}
