// `npm run shots [-- --dist dist --out shots]`: screenshots of every built story at a phone, a
// tablet, a laptop and a desktop, in light and dark: the first view (static map), the live map,
// each passage, and one place open. For looking, not asserting: layout is judged by eye.
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../tests/browser/support/chrome.ts';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'shots' },
    viewports: { type: 'string', default: '390x844,768x1024,1280x800,1440x900' },
    themes: { type: 'string', default: 'light,dark' },
  },
});
const dist = resolve(values.dist!);
const out = resolve(values.out!);
const viewports = values
  .viewports!.split(',')
  .map((v) => v.split('x').map(Number) as [number, number]);
const themes = values.themes!.split(',');

/** Until the live map has settled (MapLibre idle), or a few seconds on the static map. */
async function settle(page: Page) {
  await page.waitForTimeout(300);
  await page
    .waitForFunction(
      () => document.querySelector('.map')?.getAttribute('aria-busy') === 'false',
      undefined,
      {
        timeout: 15_000,
      },
    )
    .catch(() => {});
  await page.waitForTimeout(500);
}

async function waitLive(page: Page) {
  await page.mouse.move(10, 10);
  await page.hover('.map').catch(() => {});
  await page
    .waitForFunction(() => document.querySelector('.map.live') !== null, undefined, {
      timeout: 30_000,
    })
    .catch(() => console.warn('  (live map did not start: static map shown)'));
  await page.waitForTimeout(1500);
}

async function main() {
  const stories = readdirSync(dist, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dist, d.name, 'index.html')))
    .map((d) => d.name);
  const site = await serve(dist);
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  try {
    for (const slug of stories) {
      for (const [width, height] of viewports) {
        for (const theme of themes) {
          const dir = join(out, slug);
          mkdirSync(dir, { recursive: true });
          const name = (what: string) => join(dir, `${width}x${height}-${theme}-${what}.png`);
          const context = await browser.newContext({
            viewport: { width, height },
            colorScheme: theme as 'light' | 'dark',
          });
          const page = await context.newPage();
          await page.goto(`${site.url}/${slug}/?theme=${theme}`);
          await page.screenshot({ path: name('0-static') });
          await waitLive(page);
          await page.screenshot({ path: name('1-live') });
          const passages = await page.locator('[id^="passage-"]').count();
          for (let i = 0; i < passages; i++) {
            const id = await page.locator('[id^="passage-"]').nth(i).getAttribute('id');
            await page.evaluate(
              (p) => (location.hash = `passage=${p.replace(/^passage-/, '')}`),
              id!,
            );
            await settle(page);
            await page.screenshot({ path: name(`2-passage-${i + 1}`) });
          }
          const place = await page
            .locator('#places a[data-place]')
            .first()
            .getAttribute('data-place');
          if (place) {
            await page.evaluate((p) => (location.hash = `place=${p}`), place);
            await settle(page);
            await page.screenshot({ path: name(`3-place-${place}`) });
          }
          await context.close();
          console.log(`${slug} ${width}x${height} ${theme}: ${passages + 3} shots`);
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  console.log(`wrote ${out}`);
}

await main();
