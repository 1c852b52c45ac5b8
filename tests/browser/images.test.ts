// The view images in the page (src/map/build/images.ts writes them): the embed dialog's Download
// PNG / SVG of the view on screen, the script embed's no-JavaScript image, and print, which
// shows each passage's image with the article and hides every control.
import { describe, expect, it } from 'vitest';
import { open, siteUrl } from './support/page.ts';

describe('Download PNG / SVG in the embed dialog', () => {
  it('links the image of the passage on screen, and says which', async () => {
    const { page, consoleErrors, close } = await open('/black-sea-call/#passage=pentagon-account');
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this map' });
    await dialog.waitFor();
    // The passage on screen: the deep link's, or the one the reading line moved on to as the
    // page scrolled to the button.
    const current = page.locator('[data-passage][aria-current="step"]');
    const ids = await page
      .locator('[data-passage]')
      .evaluateAll((all) => all.map((p) => p.getAttribute('data-passage')!));
    const id = (await current.getAttribute('data-passage'))!;
    await expect
      .poll(() => dialog.getByText(/^Starts at passage \d+\.$/).textContent())
      .toBe(`Starts at passage ${ids.indexOf(id) + 1}.`);
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
