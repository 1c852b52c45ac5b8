// The embed as newsrooms use it: host pages on another origin, under a strict CSP, embed the map
// with our embed.js, with pym.js's own Parent (from npm), and as a bare iframe. Real Chromium,
// real WebGL, real wheel and touch input; elements found by role and accessible name.
import type { BrowserContextOptions, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { INTERACTIVE_LAYERS } from '../../src/catalogue/style.ts';
import { CSP_HEADER, CSP_META } from '../../scripts/csp.ts';
import { EMBED_JS_BUDGET } from '../build/budgets.ts';
import { guardState, openGuarded } from './support/guard.ts';
import { visibleFeaturePoint } from './support/map.ts';
import { axeViolations } from './support/axe.ts';
import { browser, mapIdle as sharedMapIdle } from './support/page.ts';

const TITLE = 'Map: US and Russian defense chiefs talk';
// Crimea's label point, from the gazetteer's `crimea` (gazetteer/world.geojson.gz).
const CRIMEA_LABEL: [number, number] = [34.3233, 45.3178];
// The crimea-strike passage's camera (stories/black-sea-call/story.md).
const CRIMEA_STRIKE = { west: 22, south: 43.5, east: 41, north: 56.5 };

const site = () => new URL(inject('siteUrl')).origin;
const host = () => new URL(inject('otherOriginUrl')).origin;
// Same port as the host pages, other host name: a third origin, as an ad frame would be.
const third = () => host().replace('localhost', '127.0.0.1');

type MapWindow = {
  mapExplainer?: {
    map: {
      getZoom(): number;
      getCenter(): { lng: number; lat: number };
      project(ll: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
      cooperativeGestures: { isEnabled(): boolean };
    };
  };
};
type HostWindow = { hostEvents: { type: string; id: string | null }[] };

interface Opened {
  page: Page;
  errors: string[];
  foreign: string[];
  close(): Promise<void>;
}

/** Opens a page, recording console errors (CSP violations among them) and requests elsewhere. */
async function openPage(url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await (
    await browser()
  ).newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const allowed = [site(), host(), third()];
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed.some((o) => url.startsWith(`${o}/`)) && !/^(data|blob):/.test(url)) {
      foreign.push(url);
    }
  });
  await page.goto(url);
  return { page, errors, foreign, close: () => context.close() };
}

const mapIdle = (frame: Frame | Page, timeout = 60_000) => sharedMapIdle(frame, timeout);

const zoom = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as MapWindow).mapExplainer!.map.getZoom());
const center = (frame: Frame) =>
  frame.evaluate(() => {
    const c = (window as unknown as MapWindow).mapExplainer!.map.getCenter();
    return [c.lng, c.lat] as const;
  });
const hash = (frame: Frame) => frame.evaluate(() => location.hash);
const hostEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).hostEvents.slice());
const heights = async (iframe: Locator, frame: Frame) => ({
  iframe: await iframe.evaluate((el) => el.getBoundingClientRect().height),
  content: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
});

/** The centre of the map region, in the host page's coordinates. */
async function mapCentre(frame: Frame) {
  const box = (await frame.getByRole('region', { name: /^Map:/ }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 200) };
}

/** Where a lon/lat is drawn, in the host page's coordinates. */
/** Where Crimea shows in the embed (an overlay may cover its label point), in host page pixels. */
async function crimeaOnHost(iframe: Locator, frame: Frame) {
  const box = (await iframe.boundingBox())!;
  const p = await frame.evaluate(visibleFeaturePoint, {
    ll: CRIMEA_LABEL,
    id: 'crimea',
    layers: INTERACTIVE_LAYERS,
  });
  if (!p) throw new Error('Crimea is not visible in the embed');
  return { x: box.x + p.x, y: box.y + p.y };
}

const WAYS = [
  { name: 'our embed.js', file: 'embedjs.html', protocol: true },
  { name: "pym.js's own Parent", file: 'pym.html', protocol: true },
  { name: 'a bare iframe', file: 'bare.html', protocol: false },
] as const;

describe.each(WAYS)('a host page on another origin embeds the map with $name', (way) => {
  let opened: Opened;
  let page: Page;
  let iframe: Locator;
  let frame: Frame;

  beforeAll(async () => {
    opened = await openPage(`${host()}/${way.file}`, { hasTouch: true, reducedMotion: 'reduce' });
    page = opened.page;
    // The host's article code would listen like this; here it records for the assertions.
    await page.evaluate(() => {
      const w = window as unknown as HostWindow;
      w.hostEvents = [];
      for (const type of ['mapexplainer:place', 'mapexplainer:passage']) {
        document.addEventListener(type, (e) =>
          w.hostEvents.push({ type, id: (e as CustomEvent<{ id: string | null }>).detail.id }),
        );
      }
    });
    iframe = page.getByTitle(TITLE);
    frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await mapIdle(frame);
  });
  afterAll(() => opened.close());

  if (way.protocol) {
    it('sizes the iframe to its content, and grows it when a click on the map opens the panel', async () => {
      await expect
        .poll(async () => {
          const h = await heights(iframe, frame);
          return Math.abs(h.iframe - h.content);
        })
        .toBeLessThanOrEqual(1);
      const before = await heights(iframe, frame);
      const { x, y } = await crimeaOnHost(iframe, frame);
      await page.mouse.click(x, y);
      await frame.getByRole('region', { name: 'Crimea' }).waitFor();
      // The map event reaches the host page as a DOM event on the container.
      await expect
        .poll(() => hostEvents(page))
        .toContainEqual({ type: 'mapexplainer:place', id: 'crimea' });
      await expect
        .poll(async () => (await heights(iframe, frame)).iframe)
        .toBeGreaterThan(before.iframe + 100);
      const open = await heights(iframe, frame);
      expect(Math.abs(open.iframe - open.content)).toBeLessThanOrEqual(1);
      console.log(`${way.name}: iframe ${before.iframe}px, with the panel open ${open.iframe}px`);

      await frame.getByRole('button', { name: 'Close Crimea' }).click();
      await expect.poll(async () => (await heights(iframe, frame)).iframe).toBe(before.iframe);
      await expect
        .poll(() => hostEvents(page))
        .toContainEqual({ type: 'mapexplainer:place', id: null });
      await mapIdle(frame);
    });
  } else {
    it('keeps the height the host gave it (no height protocol without a host script)', async () => {
      const before = await heights(iframe, frame);
      const { x, y } = await crimeaOnHost(iframe, frame);
      await page.mouse.click(x, y);
      // The panel opens inside the frame; with no childId the embed stays silent.
      await frame.getByRole('region', { name: 'Crimea' }).waitFor();
      expect((await heights(iframe, frame)).iframe).toBe(before.iframe);
      expect(await hostEvents(page)).toEqual([]);
      await frame.getByRole('button', { name: 'Close Crimea' }).click();
      await mapIdle(frame);
    });
  }

  it('turns on cooperative gestures: a wheel over the map scrolls the host page, Ctrl+wheel zooms', async () => {
    expect(
      await frame.evaluate(() =>
        (window as unknown as MapWindow).mapExplainer!.map.cooperativeGestures.isEnabled(),
      ),
    ).toBe(true);
    await page.evaluate(() => scrollTo(0, 0));
    const zoomBefore = await zoom(frame);
    const point = await mapCentre(frame);
    await page.mouse.move(point.x, point.y);
    await page.mouse.wheel(0, 240);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100);
    await page.waitForTimeout(300);
    expect(await zoom(frame)).toBe(zoomBefore);
    expect(await frame.evaluate(() => scrollY)).toBe(0);

    const scrolled = await page.evaluate(() => scrollY);
    const again = await mapCentre(frame);
    await page.mouse.move(again.x, again.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -240);
    await page.keyboard.up('Control');
    await expect.poll(() => zoom(frame)).toBeGreaterThan(zoomBefore);
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await mapIdle(frame);
  });

  it('on touch, one finger scrolls the host page and two fingers pan the map', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const cdp = await page.context().newCDPSession(page);
    const drag = async (fingers: number, dy: number) => {
      const { x, y } = await mapCentre(frame);
      const points = (d: number) =>
        Array.from({ length: fingers }, (_, i) => ({ x: x + (i - 0.5) * 80, y: y + d, id: i }));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
      for (let step = 1; step <= 12; step++) {
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: points((dy * step) / 12),
        });
        await page.waitForTimeout(16);
      }
      // Fingers at rest before lifting: no fling carries the page on.
      await page.waitForTimeout(150);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const before = await center(frame);
    await drag(1, -150);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(50);
    expect(await center(frame)).toEqual(before);

    const scrolled = await page.evaluate(() => scrollY);
    const beforePan = await center(frame);
    await drag(2, 100);
    await expect.poll(() => center(frame)).not.toEqual(beforePan);
    // The map takes the gesture; the page may move a few pixels before the map claims it (the
    // first touchmove), never with the fingers' 100 px.
    expect(Math.abs((await page.evaluate(() => scrollY)) - scrolled)).toBeLessThan(20);
    await cdp.detach();
  });

  if (way.protocol) {
    it("the host article's own paragraphs choose the passage the map shows", async () => {
      const passageOnHost = (id: string) =>
        page
          .locator(`[data-map-passage="${id}"]`)
          .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const stepper = frame.getByRole('navigation', { name: 'Step through the article' });

      await passageOnHost('crimea-strike');
      await expect.poll(() => hash(frame)).toBe('#passage=crimea-strike');
      await expect.poll(() => stepper.textContent()).toContain('Passage 5 of 6');
      await expect
        .poll(async () => {
          const [lon, lat] = await center(frame);
          const b = CRIMEA_STRIKE;
          return lon > b.west && lon < b.east && lat > b.south && lat < b.north;
        })
        .toBe(true);
      await expect
        .poll(() => hostEvents(page))
        .toContainEqual({ type: 'mapexplainer:passage', id: 'crimea-strike' });

      await passageOnHost('first-call');
      await expect.poll(() => hash(frame)).toBe('#passage=first-call');
      await expect.poll(() => stepper.textContent()).toContain('Passage 1 of 6');
      if (way.file === 'embedjs.html') {
        // embed.js marks the paragraph the map shows, for the host's own styles.
        expect(await page.locator('[data-map-active]').getAttribute('data-map-passage')).toBe(
          'first-call',
        );
      }
    });
  }

  it('ignores messages from a third origin, and malformed ones from its own host', async () => {
    const before = {
      height: (await heights(iframe, frame)).iframe,
      hash: await hash(frame),
      events: (await hostEvents(page)).length,
    };
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      f.title = 'Third party';
      document.querySelector('main')!.append(f);
    }, `${third()}/third.html`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(third()))).toBe(true);
    const attacker = page.frames().find((f) => f.url().startsWith(third()))!;
    await attacker.waitForLoadState();
    // The right shapes, the right child id, the wrong sender: to the host and to the map.
    await attacker.evaluate(() => {
      const m = (type: string, value: string) => ['pym', 'map', type, value].join('xPYMx');
      parent.postMessage(m('height', '4321'), '*');
      parent.postMessage(m('mapexplainer:place', 'ukraine'), '*');
      parent.postMessage(m('mapexplainer:passage', 'moscow-warning'), '*');
      parent.frames[0]!.postMessage(m('mapexplainer:passage', 'black-sea-drone'), '*');
      parent.frames[0]!.postMessage(m('width', '10'), '*');
    });
    // The right sender, the wrong shapes: objects, junk, unknown ids, huge strings.
    await page.evaluate(() => {
      const map = document.querySelector('iframe')!.contentWindow!;
      const m = (type: string, value: string) => ['pym', 'map', type, value].join('xPYMx');
      for (const junk of [
        { type: 'mapexplainer:passage', id: 'black-sea-drone' },
        null,
        42,
        m('mapexplainer:passage', 'no-such-passage'),
        m('mapexplainer:passage', '<img src=x onerror=alert(1)>'),
        m('mapexplainer:passage', 'black-sea-drone' + 'x'.repeat(5000)),
        ['pym', 'other-child', 'mapexplainer:passage', 'black-sea-drone'].join('xPYMx'),
        m('mapexplainer:passage', 'black-sea-drone') + 'xPYMxextra',
      ]) {
        map.postMessage(junk, '*');
      }
    });
    await page.waitForTimeout(1000);
    expect((await heights(iframe, frame)).iframe).toBe(before.height);
    expect(await hash(frame)).toBe(before.hash);
    expect((await hostEvents(page)).length).toBe(before.events);
  });

  it('runs under both strict CSPs, with no errors and nothing from another host', () => {
    expect(opened.errors).toEqual([]);
    expect(opened.foreign).toEqual([]);
  });
});

describe('the embed page', () => {
  const embed = (query = '', hashPart = '') =>
    `${site()}/black-sea-call/embed.html${query}${hashPart}`;

  const axe = axeViolations;

  it('is sent with the strict CSP, as a header and a <meta>', async () => {
    const response = await fetch(embed());
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(CSP_HEADER);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain('frame-ancestors *');
    const html = await response.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(/content="([^"]+)"/.exec(CSP_META)![1]);
  });

  it('runs under its CSP with no violation, and the CSP is enforced', async () => {
    const opened = await openGuarded(site(), '/black-sea-call/embed.html#place=crimea');
    try {
      const { page } = opened;
      await mapIdle(page);
      await page.getByRole('region', { name: 'Crimea' }).waitFor();
      expect((await guardState(page)).violations, 'CSP violations').toEqual([]);
      expect(opened.consoleErrors, 'console errors').toEqual([]);
      expect(opened.foreignRequests, 'requests to other hosts').toEqual([]);
      // Enforced, not only sent: an inline script is refused and reported.
      const ran = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.head.append(s);
        s.remove();
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
      });
      expect(ran, 'an inline script ran').toBe(false);
      // Reported once per policy in force (the header's and the <meta>'s).
      await expect.poll(async () => (await guardState(page)).violations.length).toBeGreaterThan(0);
      expect(new Set((await guardState(page)).violations)).toEqual(
        new Set(['script-src-elem blocked inline']),
      );
    } finally {
      await opened.close();
    }
  });

  // One test per page: each waits for the live map and runs axe, 10–20 s apiece under load.
  it.each([
    ['', '', 640],
    ['', '#place=crimea', 640],
    ['', '#place=crimea', 300],
    ['?plain&theme=dark', '', 480],
  ] as const)(
    'has no axe violations: embed.html%s%s at %i px wide',
    async (query, hashPart, width) => {
      const url = embed(query, hashPart);
      const opened = await openPage(url, { viewport: { width, height: 700 } });
      await mapIdle(opened.page);
      expect(await axe(opened.page), `${url} at ${width}px`).toEqual([]);
      expect(opened.errors).toEqual([]);
      await opened.close();
    },
  );

  it('works from 300 px wide: map first, nothing wider or taller than the window', async () => {
    const opened = await openPage(embed(), { viewport: { width: 300, height: 600 } });
    const { page } = opened;
    await mapIdle(page);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      height: document.documentElement.getBoundingClientRect().height,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(300);
    const map = (await page.getByRole('region', { name: /^Map:/ }).boundingBox())!;
    expect(map.width).toBe(300);
    expect(map.height).toBeGreaterThanOrEqual(250);
    // Opened on its own the embed fits the window: the map, then the passage controls; the places
    // list opens over the map.
    expect(layout.height).toBeLessThanOrEqual(600);
    const next = (await page.getByRole('button', { name: 'Next passage' }).boundingBox())!;
    expect(next.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    await page.getByText('Places and sources').click();
    const list = (await page.getByRole('heading', { name: 'Places in this story' }).boundingBox())!;
    expect(list.y).toBeGreaterThanOrEqual(0);
    expect(list.y + list.height).toBeLessThanOrEqual(600);
    console.log(`embed at 300 px: map ${map.height}px, page ${layout.height}px`);
    await opened.close();
  });

  it('follows the render flags: theme, plain, transparent, static', async () => {
    const bg = (page: Page) =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    const dark = await openPage(embed('?theme=dark'), { colorScheme: 'light' });
    await expect.poll(() => bg(dark.page)).toBe('rgb(18, 20, 23)');
    await dark.close();

    const plain = await openPage(embed('?plain'));
    await expect
      .poll(() => plain.page.getByRole('heading', { level: 1 }).evaluate((h) => h.clientWidth))
      .toBeLessThanOrEqual(1);
    expect(await plain.page.getByRole('heading', { name: 'Sources' }).count()).toBe(0);
    await plain.close();

    const clear = await openPage(embed('?transparent'));
    await expect.poll(() => bg(clear.page)).toBe('rgba(0, 0, 0, 0)');
    await clear.close();

    const still = await openPage(embed('?static'));
    const { page } = still;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // The static map is complete at once: the region is not busy, and never goes live.
    await page
      .getByRole('region', { name: /^Map:/ })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor();
    // Past the idle time at which the live map would start, and after a pointer on the map.
    await page.getByRole('region', { name: /^Map:/ }).hover();
    await page.waitForTimeout(3000);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.evaluate(() => 'mapExplainer' in window)).toBe(false);
    expect(requests.filter((u) => /liveMap|maplibre|\.geojson/.test(u))).toEqual([]);
    expect(await page.getByRole('button', { name: 'Reset view' }).count()).toBe(0);
    expect(still.errors).toEqual([]);
    await still.close();
  });

  it(`embed.js is small: within its budget of ${EMBED_JS_BUDGET.gz} bytes gzipped`, async () => {
    const response = await fetch(`${site()}/embed.js`, { headers: { 'accept-encoding': 'gzip' } });
    const raw = await fetch(`${site()}/embed.js`, { headers: { 'accept-encoding': 'identity' } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const gzipBytes = Number(response.headers.get('content-length'));
    console.log(`embed.js: ${rawBytes} bytes, ${gzipBytes} gzipped`);
    expect(gzipBytes).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThan(rawBytes);
    expect(gzipBytes, `${EMBED_JS_BUDGET.what}, gzipped`).toBeLessThanOrEqual(EMBED_JS_BUDGET.gz);
    expect(rawBytes).toBeLessThan(6000);
  });

  it('has no oEmbed discovery link without PUBLIC_URL (it must be absolute)', async () => {
    const html = await (await fetch(`${site()}/black-sea-call/`)).text();
    expect(html).not.toContain('application/json+oembed');
  });

  it('has an oEmbed file (type rich) with the iframe', async () => {
    const oembed = (await (await fetch(`${site()}/black-sea-call/oembed.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', title: expect.any(String) });
    expect(oembed.html).toMatch(/^<iframe src="[^"]*embed\.html" title="Map: /);
    expect(oembed.width).toBeGreaterThan(0);
    expect(oembed.height).toBeGreaterThan(0);
  });
});

describe('"Embed this map" on the main page', () => {
  it('gives the codes for the current passage, copies them, previews the embed; Escape closes it', async () => {
    const opened = await openPage(`${site()}/black-sea-call/#passage=crimea-strike`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = opened;
    await mapIdle(page);
    // The place open in the panel is what the codes and the preview start at.
    await page.getByRole('link', { name: /^Crimea \d+ mention/ }).click();
    await page.getByRole('region', { name: 'Crimea' }).waitFor();
    const opener = page.getByRole('button', { name: 'Embed this map' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor();

    const src = `${site()}/black-sea-call/embed.html#place=crimea`;
    const script = await dialog.getByRole('textbox', { name: 'Script embed' }).inputValue();
    expect(script).toContain(`data-map-explainer="${src}"`);
    expect(script).toContain(`<script src="${site()}/embed.js" async></script>`);
    const iframeCode = await dialog.getByRole('textbox', { name: 'Iframe embed' }).inputValue();
    expect(iframeCode).toContain(`<iframe src="${src}" title="${TITLE}`);

    await dialog.getByRole('button', { name: 'Copy script embed' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Script embed copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);

    // The live preview is the embed at the same passage.
    const preview = (await (await dialog.getByTitle(/^Preview:/).elementHandle())!.contentFrame())!;
    await expect.poll(() => preview.url()).toBe(src);
    await preview.getByRole('region', { name: 'Crimea' }).waitFor();
    // The dialog with its preview as a reader meets it: on the preview's static map (narrow, so
    // cropped), then once its live map is up.
    const axe = async () =>
      (
        await new AxeBuilder({ page })
          .include('dialog')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze()
      ).violations.map((v) => v.id);
    expect(await axe()).toEqual([]);
    await mapIdle(preview);
    expect(await axe()).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(opened.errors).toEqual([]);
    expect(opened.foreign).toEqual([]);
    await opened.close();
  });

  it('keeps the passage it opened at while the reading line steps on behind it', async () => {
    const opened = await openPage(`${site()}/black-sea-call/?static#passage=pentagon-account`);
    const { page } = opened;
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor();
    const start = await dialog.getByText(/^Starts at passage \d+\.$/).textContent();
    const code = () => dialog.getByRole('textbox', { name: 'Script embed' }).inputValue();
    const before = await code();
    // The page behind scrolls back to its first passage (a smooth scroll landing, say).
    const first = page.locator('[data-passage]').first();
    await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect.poll(() => first.getAttribute('aria-current')).toBe('step');
    expect(await dialog.getByText(/^Starts at /).textContent()).toBe(start);
    expect(await code()).toBe(before);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('the copied script embed works as-is on a host page with a strict CSP', async () => {
    const opened = await openPage(`${site()}/black-sea-call/#place=crimea`);
    const { page } = opened;
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const code = await page.getByRole('textbox', { name: 'Script embed' }).inputValue();
    // Pasted into a host page's article as a CMS does: markup, then its script element.
    await page.goto(`${host()}/pasted.html`);
    await page.evaluate((code) => {
      const article = document.getElementById('article')!;
      article.innerHTML = code;
      for (const old of article.querySelectorAll('script')) {
        const script = document.createElement('script');
        script.src = old.src;
        old.replaceWith(script);
      }
    }, code);
    const iframe = page.getByTitle(TITLE);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await mapIdle(frame);
    await frame.getByRole('region', { name: 'Crimea' }).waitFor();
    await expect
      .poll(async () => {
        const h = await heights(iframe, frame);
        return Math.abs(h.iframe - h.content);
      })
      .toBeLessThanOrEqual(1);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

describe('embed.js on a page that adds the map later', () => {
  it('mounts a container a CMS adds after load, and its paragraphs drive the map', async () => {
    const opened = await openPage(`${host()}/pasted.html`);
    const { page } = opened;
    // The page's script first, with nothing to mount yet...
    await page.evaluate(
      (src) =>
        new Promise<void>((resolve) => {
          const script = document.createElement('script');
          script.src = src;
          script.onload = () => resolve();
          document.head.append(script);
        }),
      `${site()}/embed.js`,
    );
    expect(await page.locator('iframe').count()).toBe(0);
    // ...then a lazy block brings the map and the article's paragraphs, as a CMS would.
    await page.evaluate((site) => {
      const article = document.getElementById('article')!;
      const map = document.createElement('div');
      map.setAttribute('data-map-explainer', `${site}/black-sea-call/embed.html`);
      map.setAttribute('data-map-title', 'Map: US and Russian defense chiefs talk');
      const paragraph = document.createElement('p');
      paragraph.setAttribute('data-map-passage', 'black-sea-drone');
      paragraph.textContent = 'A US drone went down over the Black Sea in March 2023.';
      article.append(map, paragraph);
    }, site());
    const iframe = page.getByTitle(TITLE);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await mapIdle(frame);
    await expect
      .poll(async () => {
        const h = await heights(iframe, frame);
        return Math.abs(h.iframe - h.content);
      })
      .toBeLessThanOrEqual(1);
    // Reading the paragraph (scrolled past the middle of the window) moves the map to its passage.
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() =>
        page.locator('[data-map-passage="black-sea-drone"]').getAttribute('data-map-active'),
      )
      .toBe('');
    await expect.poll(() => frame.evaluate(() => location.hash)).toBe('#passage=black-sea-drone');
    // "Load more": a paragraph alone, with no new map, drives the map already there.
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.setAttribute('data-map-passage', 'crimea-strike');
      paragraph.style.marginBottom = '100vh';
      paragraph.textContent = 'Moscow blamed Washington for a missile attack on Crimea.';
      document.getElementById('article')!.append(paragraph);
    });
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => frame.evaluate(() => location.hash)).toBe('#passage=crimea-strike');
    expect(await page.locator('iframe').count()).toBe(1);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

/** How much of an element's box is inside the viewport, 0 to 1. */
const shareInViewport = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    const seen = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return r.height > 0 ? seen / r.height : 0;
  });
/** Whether a frame's document can scroll itself (a wheel over it would stay in the frame). */
const frameScrolls = (frame: Frame) =>
  frame.evaluate(() => {
    const root = document.scrollingElement!;
    return (
      root.scrollHeight > root.clientHeight + 1 && getComputedStyle(root).overflowY !== 'hidden'
    );
  });

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])('at $width×$height', (viewport) => {
  it('the map-first embed stays in view while the host paragraphs drive it, and leaves after the last', async () => {
    const opened = await openPage(`${host()}/pinned.html`, { viewport, reducedMotion: 'reduce' });
    const { page } = opened;
    const iframe = page.getByTitle(TITLE);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await mapIdle(frame);
    expect(await frameScrolls(frame), 'the pinned frame scrolls itself').toBe(false);
    const box = (await iframe.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(viewport.height * 0.6 + 1);
    // A reader's wheel over the article text below the map, notch by notch.
    await page.mouse.move(viewport.width / 2, viewport.height - 10);
    const seen: string[] = [];
    let least = 1;
    for (let notch = 0; notch < 200 && seen.length < 6; notch++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
      const id = await page
        .locator('[data-map-active]')
        .getAttribute('data-map-passage')
        .catch(() => null);
      if (!id) continue;
      least = Math.min(least, await shareInViewport(iframe));
      if (seen.at(-1) !== id) seen.push(id);
    }
    console.log(
      `pinned at ${viewport.width}: passages ${seen.join(' → ')}, least in view ${least}`,
    );
    expect(seen).toEqual([
      'first-call',
      'pentagon-account',
      'moscow-warning',
      'lowest-point',
      'crimea-strike',
      'black-sea-drone',
    ]);
    expect(least, 'share of the map in view while paragraphs drive it').toBeGreaterThanOrEqual(0.8);
    await expect.poll(() => hash(frame)).toBe('#passage=black-sea-drone');
    // Past the last paragraph the map scrolls away with the article instead of covering it.
    const last = page.locator('[data-map-passage="black-sea-drone"]');
    for (let notch = 0; notch < 60; notch++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(30);
      const gone = await iframe.evaluate((el) => el.getBoundingClientRect().bottom <= 0);
      if (gone) break;
    }
    expect(await shareInViewport(iframe)).toBe(0);
    // Released where the last paragraph ends: the map never sat over the text after it.
    const mapBottom = await iframe.evaluate((el) => el.getBoundingClientRect().bottom);
    const lastBottom = await last.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(Math.abs(mapBottom - lastBottom)).toBeLessThanOrEqual(2);
    // And back: scrolling up brings it down with the article until it is pinned again, then it
    // stays at the top while the paragraphs go on scrolling.
    const top = () => iframe.evaluate((el) => el.getBoundingClientRect().top);
    for (let notch = 0; notch < 60 && (await top()) < 0; notch++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(30);
    }
    for (let notch = 0; notch < 3; notch++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(60);
    }
    await expect.poll(top).toBeCloseTo(0, 0);
    expect(await shareInViewport(iframe)).toBe(1);
    expect(opened.errors).toEqual([]);
    expect(opened.foreign).toEqual([]);
    await opened.close();
  });

  it('a bare iframe fits its height: it never scrolls itself, a wheel over it scrolls the article', async () => {
    const opened = await openPage(`${host()}/bare.html`, { viewport });
    const { page } = opened;
    const iframe = page.getByTitle(TITLE);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    await mapIdle(frame);
    expect(await frameScrolls(frame), 'the frame scrolls itself').toBe(false);
    const map = (await frame.getByRole('region', { name: /^Map:/ }).boundingBox())!;
    const frameBox = (await iframe.boundingBox())!;
    // The map takes most of the frame; the title and the controls the rest.
    expect(map.height).toBeGreaterThanOrEqual(frameBox.height * 0.7);
    // Over the passage controls (not the map): the page scrolls, the frame does not.
    await page.evaluate(() => scrollTo(0, 0));
    const next = (await frame.getByRole('button', { name: 'Next passage' }).boundingBox())!;
    await page.mouse.move(next.x + next.width / 2, next.y - 4);
    await page.mouse.wheel(0, 200);
    // A wheel the frame leaves goes on to the host page through the browser: under software
    // WebGL that waits for the frame's busy renderer.
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 10_000 }).toBeGreaterThan(100);
    expect(await frame.evaluate(() => scrollY)).toBe(0);
    // The places and the sources open over the map, inside the frame.
    await page.evaluate(() => scrollTo(0, 0));
    await frame.getByText('Places and sources').click();
    const list = frame.getByRole('heading', { name: 'Places in this story' });
    await list.waitFor();
    const listBox = (await list.boundingBox())!;
    expect(listBox.y).toBeGreaterThanOrEqual(frameBox.y - 1);
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
    expect(await frameScrolls(frame)).toBe(false);
    // axe goes into the frame from the host page.
    expect(await axeViolations(page)).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});

describe('an AMP page (amp-iframe, resizable)', () => {
  it('asks for its content height with embed-size messages', async () => {
    const opened = await openPage(`${host()}/amp.html`, { viewport: { width: 390, height: 844 } });
    const { page } = opened;
    const iframe = page.getByTitle(TITLE);
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    type AmpWindow = { ampMessages: Record<string, unknown>[] };
    const messages = () =>
      page.evaluate(() => (window as unknown as AmpWindow).ampMessages.slice());
    await expect.poll(async () => (await messages()).length).toBeGreaterThan(0);
    for (const m of await messages()) {
      expect(Object.keys(m).sort()).toEqual(['height', 'sentinel', 'type']);
      expect(m).toMatchObject({ sentinel: 'amp', type: 'embed-size' });
      expect(Number.isInteger(m.height)).toBe(true);
    }
    // Its whole content, places list and sources included: taller than the 600 px it was given.
    await expect
      .poll(async () => {
        const h = await heights(iframe, frame);
        return Math.abs(h.iframe - h.content);
      })
      .toBeLessThanOrEqual(1);
    expect((await heights(iframe, frame)).iframe).toBeGreaterThan(600);
    // Only AMP's messages: nothing of pym's reaches an AMP page.
    expect(
      await page.evaluate(() => (window as unknown as { otherMessages: unknown[] }).otherMessages),
    ).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.close();
  });
});
