// The view images in the page (src/map/build/images.ts writes them): the embed dialog's Download
// PNG / SVG of the view on screen (the build's image of the story's view while the static map
// is up; drawn in the page from the live map's camera once it has moved: src/map/screenImage.ts),
// the script embed's no-JavaScript image, and print, which shows each passage's image with the
// article and hides every control.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../src/catalogue/palette.ts';
import { IMAGE_FRAME } from '../../src/map/draw/viewImage.ts';
import { mapIdle, open, siteUrl } from './support/page.ts';

describe('Download PNG / SVG in the embed dialog', () => {
  it('links the image of the passage on screen, and says which, while the static map is up', async () => {
    // ?static keeps the static map: the view on screen is the passage's as the story frames it.
    const { page, consoleErrors, close } = await open(
      '/black-sea-call/?static#passage=pentagon-account',
    );
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor();
    // The passage on screen as it opened: the deep link's, or one the reading line moved on to as
    // the page scrolled to the button. The dialog keeps it, though the line may step on behind.
    const ids = await page
      .locator('[data-passage]')
      .evaluateAll((all) => all.map((p) => p.getAttribute('data-passage')!));
    const start = await dialog.getByText(/^Starts at passage \d+\.$/).textContent();
    const id = ids[Number(/\d+/.exec(start!)![0]) - 1]!;
    expect(ids.indexOf(id)).toBeGreaterThanOrEqual(ids.indexOf('pentagon-account'));
    for (const format of ['png', 'svg'] as const) {
      const link = dialog.getByRole('link', {
        name: `Download ${format.toUpperCase()} of passage ${ids.indexOf(id) + 1}`,
      });
      expect(await link.getAttribute('download')).toBe(`black-sea-call-passage-${id}.${format}`);
      const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      expect(href).toBe(siteUrl(`/black-sea-call/images/passage-${id}.${format}`));
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(
        format === 'png' ? /^image\/png/ : /^image\/svg\+xml/,
      );
    }
    // Without JavaScript, the script embed's link shows that view's image.
    const script = await dialog.getByRole('textbox', { name: 'Script embed' }).inputValue();
    expect(script).toContain(
      `<img src="${siteUrl(`/black-sea-call/images/passage-${id}.png`)}" alt=""`,
    );
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('links the opening view before the reader has reached a passage', async () => {
    const { page, close } = await open('/black-sea-call/');
    // Opened where the page is, without scrolling to the button (which would pass passages);
    // tried until hydration has given the button its handler.
    const opener = page.getByRole('button', { name: 'Embed this map' });
    await expect
      .poll(async () => {
        await opener.evaluate((b) => (b as HTMLButtonElement).click());
        return page.getByRole('dialog', { name: 'Embed this map' }).isVisible();
      })
      .toBe(true);
    expect(await page.locator('[data-passage][aria-current="step"]').count()).toBe(0);
    const link = page.getByRole('link', { name: 'Download PNG of the opening view' });
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(siteUrl('/black-sea-call/images/view.png'));
    expect((await page.request.get(href)).status()).toBe(200);
    await close();
  });
});

/** Downloads the dialog's image of the view on screen; its file's bytes. */
async function downloadView(page: Page, format: 'png' | 'svg'): Promise<Buffer> {
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog
      .getByRole('button', { name: `Download ${format.toUpperCase()} of the view on screen` })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe(`black-sea-call-on-screen.${format}`);
  await dialog
    .getByText(`The ${format.toUpperCase()} of the view on screen is downloading.`)
    .waitFor();
  // The browser runs elsewhere (a server the tests connect to): its file is copied here.
  const file = join(tmpdir(), `download-${process.pid}-${Date.now()}.${format}`);
  await download.saveAs(file);
  return readFile(file);
}

/** Opens the embed dialog (its button is in the article, under the map on a phone). */
async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Embed this map' }).click();
  await page.getByRole('dialog', { name: 'Embed this map' }).waitFor();
}

describe('the view on screen, drawn in the page', () => {
  it('draws the live map as the reader left it: its camera, its highlighted place', async () => {
    const { page, consoleErrors, foreignRequests, close } = await open(
      '/black-sea-call/#place=kyiv',
    );
    await mapIdle(page);
    const kyiv = (
      await (await page.request.get(siteUrl('/black-sea-call/places.geojson'))).json()
    ).features.find(
      (f: { properties: { id: string }; geometry: { type: string } }) =>
        f.properties.id === 'kyiv' && f.geometry.type === 'Point',
    ).geometry.coordinates as [number, number];
    // The reader drags the map somewhere of their own, from Kyiv (in the room the panel leaves).
    const from = (await page.evaluate(`(() => {
      const map = window.mapExplainer.map;
      const r = map.getCanvas().getBoundingClientRect();
      const p = map.project(${JSON.stringify(kyiv)});
      return { x: r.left + p.x, y: r.top + p.y };
    })()`)) as { x: number; y: number };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x - 6 * i, from.y + 4 * i);
    await page.mouse.up();
    await page.locator('.map.live[aria-busy="false"]').waitFor();
    // Where Kyiv is on screen, from the centre of the map's free room (MapLibre's centre).
    const onScreen = (await page.evaluate(`(() => {
      const map = window.mapExplainer.map;
      const c = map.project(map.getCenter());
      const k = map.project(${JSON.stringify(kyiv)});
      return { dx: k.x - c.x, dy: k.y - c.y, zoom: map.getZoom() };
    })()`)) as { dx: number; dy: number; zoom: number };
    // A drag moves the centre: Kyiv is no longer where the place's own camera put it.
    expect(Math.hypot(onScreen.dx, onScreen.dy)).toBeGreaterThan(40);

    await openDialog(page);
    const svg = (await downloadView(page, 'svg')).toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 1200 630"/);
    // The same scale and centre: Kyiv as far from the image's map centre as on screen.
    const drawn =
      /class="([^"]*)" data-place="kyiv"><g transform="translate\(([-\d.]+) ([-\d.]+)\)/.exec(svg);
    expect(drawn).not.toBeNull();
    const [x, y] = [Number(drawn![2]), Number(drawn![3])];
    expect(Math.abs(x - IMAGE_FRAME.width / 2 - onScreen.dx)).toBeLessThan(2);
    expect(Math.abs(y - IMAGE_FRAME.height / 2 - onScreen.dy)).toBeLessThan(2);
    // The place the reader opened is the highlighted one; the rest are faint.
    expect(drawn![1]).not.toMatch(/\bfaint\b/);
    expect(svg).toMatch(/class="[^"]*\bfaint\b[^"]*" data-place="ukraine"/);
    expect(svg).toContain(`>Kyiv</text>`);
    expect(svg).toContain(`fill="${LIGHT.bg}"`);

    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const png = await downloadView(page, 'png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // The image's text is set in the bundled face, fetched for it (latin, both weights).
    expect(requests.filter((u) => /noto-sans-latin-\d00-normal[^/]*\.woff2$/.test(u))).toHaveLength(
      2,
    );
    // A drawn map, not a blank canvas: the PNG decoded in the page has many colours.
    const colours = (await page.evaluate(`(async () => {
      const bytes = new Uint8Array(${JSON.stringify([...png])});
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    })()`)) as number;
    expect(colours).toBeGreaterThan(50);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await close();
  });

  it("draws the dark theme's colours when the page is dark", async () => {
    const { page, close } = await open('/black-sea-call/?theme=dark#passage=pentagon-account');
    await mapIdle(page);
    await openDialog(page);
    const svg = (await downloadView(page, 'svg')).toString('utf8');
    expect(svg).toContain(`fill="${DARK.bg}"`);
    expect(svg).not.toContain(`fill="${LIGHT.bg}"`);
    expect(svg).toContain('Passage');
    await close();
  });
});

describe('print', () => {
  it("prints the article with each passage's image and the sources, and no controls", async () => {
    const { page, consoleErrors, close } = await open('/black-sea-call/');
    const images: string[] = [];
    page.on('request', (r) => {
      if (/\/images\//.test(r.url())) images.push(r.url());
    });
    const passages = await page.locator('[data-passage]').count();
    expect(passages).toBeGreaterThan(1);
    const maps = page.getByRole('img', { name: /^Map of passage \d+$/ });
    // On screen the print images are neither shown nor fetched.
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    expect(await maps.count()).toBe(0);
    expect(images).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => maps.count()).toBe(passages);
    for (let i = 0; i < passages; i++) {
      const map = page.getByRole('img', { name: `Map of passage ${i + 1}`, exact: true });
      await map.scrollIntoViewIfNeeded();
      await expect
        .poll(() => map.evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBe(1200);
      const box = (await map.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
    }
    expect(images.length).toBe(passages);
    await expect.poll(() => page.getByRole('heading', { name: 'Sources' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    // No controls on paper: no button, no stepper, no map, no places list.
    for (const hidden of [
      page.getByRole('button', { name: 'Embed this map' }),
      page.getByRole('navigation', { name: 'Step through the article' }),
      page.getByRole('region', { name: /^Map:/ }),
      page.locator('#places'),
    ]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    // A mention stays a button in the text, set as the sentence's words; no other is shown.
    const buttons = await page
      .getByRole('button')
      .evaluateAll(
        (all) =>
          all.filter((b) => !b.classList.contains('mention') && (b as HTMLElement).offsetParent)
            .length,
      );
    expect(buttons).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
