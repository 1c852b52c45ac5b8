// The map's own chrome (MapLibre's credits, scale and zoom buttons) in the dark theme, measured
// as a reader sees it: text at 4.5:1 (WCAG 1.4.3), controls at 3:1 (1.4.11).
import { afterEach, describe, expect, it } from 'vitest';
import { DARK, LIGHT } from '../../src/catalogue/palette.ts';
import { textContrast } from './support/contrast.ts';
import { mapIdle, open, type Opened } from './support/page.ts';

let opened: Opened | undefined;
afterEach(async () => {
  if (opened) {
    expect(opened.consoleErrors, 'console errors').toEqual([]);
    await opened.close();
  }
  opened = undefined;
});

describe('the map controls', () => {
  for (const [scheme, palette] of [
    ['dark', DARK],
    ['light', LIGHT],
  ] as const) {
    it(`keep AA contrast in the ${scheme} theme`, async () => {
      opened = await open('/', { colorScheme: scheme });
      const { page } = opened;
      await mapIdle(page);
      // What the map can show under a control: its sea, its land, a country's fill.
      const under = [palette.sea, palette.land, palette.countryFill];
      for (const selector of ['.maplibregl-ctrl-attrib', '.maplibregl-ctrl-scale']) {
        const m = await textContrast(page, selector, under);
        expect(m.ratio, `${selector}: ${m.text} on ${m.background}`).toBeGreaterThanOrEqual(4.5);
      }
      // The zoom buttons: the icon (a black image, inverted or not) on the button's background.
      const zoom = await page.getByRole('button', { name: 'Zoom in' }).evaluate((b) => {
        const icon = getComputedStyle(b.querySelector('.maplibregl-ctrl-icon')!).filter;
        return {
          icon: icon.includes('invert(1)') ? '#ffffff' : '#000000',
          background: getComputedStyle(b.parentElement!).backgroundColor,
        };
      });
      const panel = palette.panel.toLowerCase();
      expect(zoom.background).toBe(
        `rgb(${[1, 3, 5].map((i) => parseInt(panel.slice(i, i + 2), 16)).join(', ')})`,
      );
      expect(zoom.icon, 'icon against the panel').toBe(scheme === 'dark' ? '#ffffff' : '#000000');
    });
  }
});
