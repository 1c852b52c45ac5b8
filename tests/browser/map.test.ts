// The live map: real MapLibre in Chromium with WebGL (SwiftShader), on the built site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapIdle, open, type Opened } from './support/page.ts';
import { renderedPlaces } from './support/map.ts';

describe('the live map', () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await open('/');
    await mapIdle(opened.page);
  });
  afterAll(() => opened.close());

  it('renders the story layers: Crimea hatched as annexed, the claimed regions hatched', async () => {
    const { page } = opened;
    expect(await renderedPlaces(page, ['place-hatch-annexed-2014'])).toEqual(['crimea']);
    // The Donbas (eastern-ukraine) is Donetsk + Luhansk, claimed as a whole.
    expect(await renderedPlaces(page, ['place-hatch-claimed-2022'])).toEqual([
      'donetsk',
      'eastern-ukraine',
      'kherson',
      'luhansk',
      'zaporizhzhia',
    ]);
    expect(await renderedPlaces(page, ['place-fill'])).toEqual(
      expect.arrayContaining(['black-sea', 'ukraine', 'russia']),
    );
  });

  it('draws what the legend toggles: hiding a category changes the pixels', async () => {
    const { page } = opened;
    const map = page.getByRole('region', { name: /^Map:/ });
    const before = await map.screenshot();
    const toggle = page.getByRole('checkbox', { name: /Annexed by Russia, 2014/ });
    await toggle.uncheck();
    await expect.poll(() => renderedPlaces(page, ['place-hatch-annexed-2014'])).toEqual([]);
    await mapIdle(page);
    const after = await map.screenshot();
    expect(after.equals(before)).toBe(false);
    await toggle.check();
    await expect.poll(() => renderedPlaces(page, ['place-hatch-annexed-2014'])).toEqual(['crimea']);
  });

  it('loads nothing from another host and logs no errors', () => {
    expect(opened.foreignRequests).toEqual([]);
    expect(opened.consoleErrors).toEqual([]);
  });
});
