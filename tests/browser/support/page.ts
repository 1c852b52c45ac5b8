// Opens the built site the way a reader does and records what must never happen:
// console errors, uncaught exceptions and requests to any other host.
import { inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Frame,
  type Page,
} from 'playwright-core';

export interface Opened {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
  close(): Promise<void>;
}

let shared: Browser | undefined;

export async function browser(): Promise<Browser> {
  shared ??= await chromium.connect(inject('wsEndpoint'));
  return shared;
}

export const siteUrl = (path = '/') => new URL(path, inject('siteUrl')).href;

export async function open(path = '/', options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await (
    await browser()
  ).newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const origin = new URL(inject('siteUrl')).origin;
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  await page.goto(siteUrl(path));
  return { page, consoleErrors, foreignRequests, close: () => context.close() };
}

/** The live map loads when the reader reaches for it: the pointer goes onto the map, then we wait
 * until it has drawn (`.live`) and reports aria-busy="false" (MapLibre idle). The static map alone
 * is not busy either, so `.live` is what tells the two apart. */
export async function mapIdle(page: Page | Frame, timeout = 30_000) {
  const region = page.getByRole('region', { name: /^Map:/ });
  const started = () =>
    region.evaluate(
      (el) => el.classList.contains('live') || el.getAttribute('aria-busy') === 'true',
    );
  // The pointer can miss: a frame still hydrating, or one its host is resizing under the pointer.
  // Like a reader, move away and reach again until the map starts; one that starts but never
  // gets idle still fails below.
  const top = region.page();
  // Away from the map: the host page's corner for a frame, the text column's for a page.
  const size = top.viewportSize() ?? { width: 800, height: 600 };
  const away = page === top ? { x: size.width - 1, y: size.height - 1 } : { x: 0, y: 0 };
  const until = Date.now() + timeout;
  while (!(await started()) && Date.now() < until) {
    await top.mouse.move(away.x, away.y);
    await region.hover({ position: { x: 5, y: 5 }, force: true });
    await top.waitForTimeout(1000);
  }
  await region.and(page.locator('.map.live[aria-busy="false"]')).waitFor({ timeout });
}
