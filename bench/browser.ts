// Measures in Chromium (Playwright) what Lighthouse cannot: time to map idle, to the first click
// on a feature opening its panel, the frame rate of a pan, and what crossed the network when.
import { visibleFeaturePoint } from '../tests/browser/support/map.ts';
import type { Browser, Page } from 'playwright-core';

export interface Viewport {
  width: number;
  height: number;
}

export interface PageSpec {
  url: string;
  /** What opens when a feature is clicked: the place panel, or the baseline's popup. */
  panel: string;
  /** Where to click: a feature's label point, and the feature's id. */
  target: [number, number];
  targetId: string;
  /** The style layers a click picks features from. */
  layers: string[];
  /** The map's box, where a reader reaching for the map puts the pointer. */
  mapRegion: string;
  /** Bodies the browser reports as a few bytes (a worker script): their real transfer size. */
  knownSizes: Record<string, number>;
  /** Site-relative paths: is this request part of the live map (MapLibre, its data, glyphs)? */
  isLiveMap: (path: string) => boolean;
  /** Is this request MapLibre's own code (its chunk or its worker)? */
  isMapLibre: (path: string) => boolean;
}

export interface LoadRun {
  /** `idle`: no input until the map is idle; `reach`: the pointer goes onto the map at first paint. */
  mode: 'idle' | 'reach';
  fcpMs: number | null;
  lcpMs: number | null;
  loadMs: number;
  /** First request of MapLibre's code, from navigation. */
  mapLibreRequestMs: number | null;
  /** First request of anything the live map needs (code, data, glyphs). */
  liveMapRequestMs: number | null;
  /** Null when the page did not start its live map without input (within 10 s of load). */
  mapIdleMs: number | null;
  /** When the GPU had drawn what the map issued until idle (a fence set at idle). */
  mapDrawnMs: number | null;
  /** How far from the label point the click had to go to miss the map's overlays. */
  clickOffsetPx: number;
  clickMs: number;
  panelMs: number;
  /** Encoded bytes (body + headers) of what the page requested before the live map. */
  firstViewBytes: number;
  /** Encoded bytes of everything until the panel opened. */
  totalBytes: number;
  /** Bytes of the basemap archive's range responses until the map was idle: the first view's
   * tiles (and the archive's header and directories). */
  tileBytes: number;
  /** How many range requests that took. */
  tileRequests: number;
  requests: { path: string; startMs: number; bytes: number; liveMap: boolean }[];
}

export interface PanRun {
  viewport: Viewport;
  canvas: { width: number; height: number };
  durationMs: number;
  frames: number;
  fps: number;
}

/**
 * A promise, in the page, that settles when the GPU has run every command the map has issued so
 * far: a WebGL2 fence, polled (waiting on it would block the page).
 */
const GPU_DONE = `new Promise((resolve) => {
  const gl = window.mapExplainer.map.getCanvas().getContext('webgl2');
  if (!gl) return resolve();
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  const poll = () => {
    if (gl.isContextLost() || gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
      gl.deleteSync(sync);
      resolve();
    } else setTimeout(poll, 4);
  };
  setTimeout(poll, 0);
})`;

/**
 * Marks what the benchmark times, in the page's own clock (0 = navigation start). A string, not a
 * function: tsx would wrap named inner functions in a helper the page does not have.
 */
const instrument = (panel: string) => `
  const mark = (name) => {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // The story page's map region: live, and MapLibre idle (the baseline marks its own idle).
  new MutationObserver(() => {
    if (document.querySelector('.map.live[aria-busy="false"]')) mark('map-idle');
    if (document.querySelector(${JSON.stringify(panel)})) mark('panel-open');
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['class', 'aria-busy'],
  });
  addEventListener('pointerdown', () => mark('click'), { capture: true });
  // MapLibre's idle says the map's commands are issued, not drawn: under SwiftShader the GPU can
  // run a second behind, most on a page whose canvas stays hidden until idle (nothing holds its
  // frames back). A fence on the map's context, set at idle, marks when the GPU has caught up.
  new PerformanceObserver((list) => {
    if (!list.getEntriesByName('map-idle').length) return;
    ${GPU_DONE}.then(() => mark('map-drawn'));
  }).observe({ type: 'mark' });
`;

const markTime = (page: Page, name: string) =>
  page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null, name);

// What the page said, so a map that never gets idle fails with its reason.
const said = new WeakMap<Page, string[]>();

function listen(page: Page) {
  const lines: string[] = [];
  said.set(page, lines);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') lines.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return page;
}

async function waitForMark(page: Page, name: string, timeout = 60_000) {
  try {
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark').length > 0,
      name,
      { timeout, polling: 16 },
    );
  } catch {
    const lines = said.get(page) ?? [];
    const why = lines.length ? `; the page said:\n  ${lines.join('\n  ')}` : '';
    throw new Error(`${page.url()}: no ${name} within ${timeout / 1000} s${why}`);
  }
  return (await markTime(page, name))!;
}

type MapWindow = {
  mapExplainer?: {
    map: {
      project(ll: [number, number]): { x: number; y: number };
      queryRenderedFeatures(
        p: [number, number],
        o: { layers: string[] },
      ): { properties: Record<string, unknown> }[];
      getCanvas(): HTMLCanvasElement;
      on(type: string, fn: () => void): void;
      off(type: string, fn: () => void): void;
    };
  };
};

const waitForPaint = (page: Page) =>
  page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint').length > 0,
    undefined,
    { polling: 16 },
  );

async function pointAtMap(page: Page, region: string) {
  const box = await page.locator(region).first().boundingBox();
  if (!box) throw new Error(`${region}: not on the page`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Navigation → map idle → click on the target → panel open, at 1280×800 with a cold cache. In
 * `reach` mode the pointer moves onto the map at first contentful paint (a reader reaching for it).
 */
export async function measureLoad(
  browser: Browser,
  spec: PageSpec,
  mode: LoadRun['mode'],
): Promise<LoadRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = listen(await context.newPage());
    await page.addInitScript(instrument(spec.panel));
    // Start times are wall-clock until the page's time origin is known.
    const requests: LoadRun['requests'] = [];
    const origin = new URL(spec.url).origin;
    const done: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      done.push(
        request.sizes().then((sizes) => {
          const url = new URL(request.url());
          if (url.origin !== origin) return;
          const path = decodeURIComponent(url.pathname).replace(/^\//, '');
          const body = Math.max(sizes.responseBodySize, spec.knownSizes[path] ?? 0);
          requests.push({
            path,
            startMs: request.timing().startTime,
            bytes: body + sizes.responseHeadersSize,
            liveMap: spec.isLiveMap(path),
          });
        }),
      );
    });
    await page.goto(spec.url);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    let mapIdleMs: number | null = null;
    if (mode === 'reach') {
      await waitForPaint(page);
      await pointAtMap(page, spec.mapRegion);
      mapIdleMs = await waitForMark(page, 'map-idle');
    } else {
      await page.waitForLoadState('load');
      mapIdleMs = await waitForMark(page, 'map-idle', 10_000).catch(() => null);
      // A page that waits for the reader: reach for the map, so the click can still be timed.
      if (mapIdleMs === null) {
        await pointAtMap(page, spec.mapRegion);
        await waitForMark(page, 'map-idle');
      }
    }
    const point = await page.evaluate(visibleFeaturePoint, {
      ll: spec.target,
      id: spec.targetId,
      layers: spec.layers,
    });
    if (!point) {
      throw new Error(`${spec.url}: ${spec.targetId} is covered or not drawn near its label point`);
    }
    await page.mouse.click(point.x, point.y);
    const panelMs = await waitForMark(page, 'panel-open', 30_000);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      lcp: (window as unknown as { __lcp?: number }).__lcp ?? null,
      load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .loadEventStart,
    }));
    const mapDrawnMs = await waitForMark(page, 'map-drawn', 30_000);
    await Promise.all(done);
    for (const r of requests) r.startMs -= timeOrigin;
    requests.sort((a, b) => a.startMs - b.startMs);
    const first = (pred: (r: LoadRun['requests'][number]) => boolean) =>
      requests.find(pred)?.startMs ?? null;
    const liveMapRequestMs = first((r) => r.liveMap);
    return {
      mode,
      fcpMs: timing.fcp,
      lcpMs: timing.lcp,
      loadMs: timing.load,
      mapLibreRequestMs: first((r) => spec.isMapLibre(r.path)),
      liveMapRequestMs,
      mapIdleMs,
      mapDrawnMs,
      clickOffsetPx: point.offset,
      clickMs: (await markTime(page, 'click'))!,
      panelMs,
      firstViewBytes: requests
        .filter((r) => !r.liveMap && (liveMapRequestMs === null || r.startMs < liveMapRequestMs))
        .reduce((n, r) => n + r.bytes, 0),
      totalBytes: requests.reduce((n, r) => n + r.bytes, 0),
      ...tilesUntil(requests, mapIdleMs),
      requests,
    };
  } finally {
    await context.close();
  }
}

function tilesUntil(
  requests: LoadRun['requests'],
  idleMs: number | null,
): { tileBytes: number; tileRequests: number } {
  const tiles = requests.filter(
    (r) => r.path.endsWith('.pmtiles') && (idleMs === null || r.startMs <= idleMs),
  );
  return { tileBytes: tiles.reduce((n, r) => n + r.bytes, 0), tileRequests: tiles.length };
}

/** Waits until the map has drawn nothing for 500 ms (late work after the first idle, such as a
 * camera move, would share what is measured next), then until the GPU has drawn it all. */
async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as unknown as MapWindow).mapExplainer!.map;
        const t0 = performance.now();
        let last = t0;
        map.on('render', () => {
          last = performance.now();
        });
        const timer = setInterval(() => {
          const now = performance.now();
          if (now - last < 500 && now - t0 < 10_000) return;
          clearInterval(timer);
          resolve();
        }, 50);
      }),
  );
  await page.evaluate(GPU_DONE);
}

export interface ZoomRun {
  viewport: Viewport;
  fromZoom: number;
  toZoom: number;
  /** From the start: to the end of the zoom's animation, and until every tile was drawn. */
  durationMs: number;
  settledMs: number;
  frames: number;
  /** The longest stretch of frames in which part of the view had no basemap tile drawn at all
   * (neither its own, nor a parent or child standing in): what a reader sees as blank. */
  longestBlankMs: number;
  blankFrames: number;
  /** The longest stretch in which the view's own tiles were still loading (parents stood in). */
  longestLoadingMs: number;
}

/**
 * The zoom, in the page. A string, as `instrument` is: tsx would wrap its inner functions in a
 * helper the page does not have.
 */
const ZOOM_IN_PAGE = `({ centre, from, to, durationMs, source }) => new Promise((resolve, reject) => {
  const map = window.mapExplainer.map;
  const manager = map.style.tileManagers[source];
  if (!manager) return reject(new Error('no tile manager for source ' + source));
  const { tileSize, maxzoom } = manager.getSource();
  // Blank: an ideal tile of the view that no drawn tile covers (itself, a parent or a child).
  const blank = () => {
    const drawn = manager.getVisibleCoordinates();
    return map.coveringTiles({ tileSize, maxzoom }).some((ideal) =>
      !drawn.some((d) => d.key === ideal.key || ideal.isChildOf(d) || d.isChildOf(ideal)));
  };
  const longest = (frames, key) => {
    let best = 0;
    let start = null;
    for (const f of frames) {
      if (f[key] && start === null) start = f.t;
      if (!f[key] && start !== null) {
        best = Math.max(best, f.t - start);
        start = null;
      }
    }
    return start === null ? best : Math.max(best, performance.now() - start);
  };
  map.jumpTo({ center: centre, zoom: from });
  map.once('idle', () => {
    const frames = [];
    const onRender = () =>
      frames.push({ t: performance.now(), blank: blank(), loading: !map.areTilesLoaded() });
    map.on('render', onRender);
    const t0 = performance.now();
    map.once('moveend', () => {
      const ended = performance.now();
      map.once('idle', () => {
        map.off('render', onRender);
        resolve({
          fromZoom: from,
          toZoom: map.getZoom(),
          durationMs: ended - t0,
          settledMs: performance.now() - t0,
          frames: frames.length,
          longestBlankMs: longest(frames, 'blank'),
          blankFrames: frames.filter((f) => f.blank).length,
          longestLoadingMs: longest(frames, 'loading'),
        });
      });
    });
    map.easeTo({ center: centre, zoom: to, duration: durationMs, easing: (t) => t });
  });
})`;

/**
 * From zoom `from` to `to` over `centre` in `durationMs` (a brisk reader: two zoom levels a
 * second), after the map is settled at `from`. Each frame checks the basemap's ideal tiles for
 * the view (MapLibre's coveringTiles) against the tiles it drew (its tile manager's visible
 * coordinates, internal API).
 */
export function measureZoom(
  browser: Browser,
  spec: PageSpec & { basemapSource: string },
  viewport: Viewport,
  zoom: { from: number; to: number; durationMs: number },
): Promise<ZoomRun> {
  return withSettledMap(browser, spec, viewport, async (page) => {
    const args = { ...zoom, centre: spec.target, source: spec.basemapSource };
    const run = (await page.evaluate(`(${ZOOM_IN_PAGE})(${JSON.stringify(args)})`)) as Omit<
      ZoomRun,
      'viewport'
    >;
    return { viewport, ...run };
  });
}

/**
 * Opens the page at `viewport` with a cold cache, puts the pointer on the map at first paint (a
 * reader about to use it, which starts a map that waits for the reader), waits for the map to be
 * idle and settled, then measures with `fn`.
 */
async function withSettledMap<T>(
  browser: Browser,
  spec: PageSpec,
  viewport: Viewport,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({ viewport });
  try {
    const page = listen(await context.newPage());
    await page.addInitScript(instrument(spec.panel));
    await page.goto(spec.url);
    await waitForPaint(page);
    await pointAtMap(page, spec.mapRegion);
    await waitForMark(page, 'map-idle');
    // On the story page the GPU ran up to a second behind: what is measured next would share it
    // with that backlog (the first third of a pan did).
    await settle(page);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Frames the map draws while the mouse drags it across 60% of its width for `durationMs`. */
export function measurePan(
  browser: Browser,
  spec: PageSpec,
  viewport: Viewport,
  durationMs = 3000,
): Promise<PanRun> {
  return withSettledMap(browser, spec, viewport, async (page) => {
    const box = await page.evaluate(() => {
      const map = (window as unknown as MapWindow).mapExplainer!.map;
      const canvas = map.getCanvas();
      const r = canvas.getBoundingClientRect();
      const frames = { count: 0 };
      (window as unknown as { __frames: typeof frames }).__frames = frames;
      map.on('render', () => frames.count++);
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    // Left to right at 40% of the height: clear of the overlays at the corners.
    const y = box.top + box.height * 0.4;
    const from = box.left + box.width * 0.2;
    const to = box.left + box.width * 0.8;
    await page.mouse.move(from, y);
    await page.mouse.down();
    const start = await page.evaluate(() => {
      (window as unknown as { __frames: { count: number } }).__frames.count = 0;
      return performance.now();
    });
    const t0 = Date.now();
    for (;;) {
      const t = Math.min(1, (Date.now() - t0) / durationMs);
      await page.mouse.move(from + (to - from) * t, y);
      if (t >= 1) break;
      await page.waitForTimeout(8);
    }
    const end = await page.evaluate(() => ({
      now: performance.now(),
      frames: (window as unknown as { __frames: { count: number } }).__frames.count,
    }));
    await page.mouse.up();
    const ms = end.now - start;
    return {
      viewport,
      canvas: { width: box.width, height: box.height },
      durationMs: ms,
      frames: end.frames,
      fps: (end.frames * 1000) / ms,
    };
  });
}

export interface BlockingRun {
  /** Sum over main-thread tasks of their time past 50 ms, from navigation until 3 s of quiet. */
  sinceNavigationMs: number;
  /** The same, for tasks that started after the load event (the measure). */
  afterLoadMs: number;
  /** The longest task, and when the load event ended. */
  longestMs: number;
  loadMs: number;
}

/**
 * A phone's start-up with the CPU really slowed 4× (Chromium's throttle, not Lighthouse's
 * simulation), at 390×844: how long the main thread is blocked. Long tasks come from the Long
 * Tasks API, observed from the first script.
 */
export async function measureBlocking(browser: Browser, url: string): Promise<BlockingRun> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = listen(await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const tasks: [number, number][] = [];
      (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    // Quiet: no new long task for 3 s (at most 20 s).
    let seen = -1;
    for (let waited = 0; waited < 20_000; waited += 3000) {
      const n = await page.evaluate(() => (window as unknown as { __tasks: [] }).__tasks.length);
      if (n === seen) break;
      seen = n;
      await page.waitForTimeout(3000);
    }
    const { tasks, loadMs } = await page.evaluate(() => ({
      tasks: (window as unknown as { __tasks: [number, number][] }).__tasks,
      loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .loadEventEnd,
    }));
    const blocked = (list: [number, number][]) =>
      list.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    return {
      sinceNavigationMs: blocked(tasks),
      afterLoadMs: blocked(tasks.filter(([start]) => start >= loadMs)),
      longestMs: Math.max(0, ...tasks.map(([, d]) => d)),
      loadMs,
    };
  } finally {
    await context.close();
  }
}
