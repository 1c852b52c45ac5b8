// The article's text as a reader sees it: mentions set as inline text, so every line keeps the
// paragraph's leading and punctuation sits against the word before it.
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { open, type Opened } from './support/page.ts';
import { measureSetting } from './support/typography.ts';

let opened: Opened | undefined;
afterEach(async () => {
  if (opened) {
    expect(opened.consoleErrors, 'console errors').toEqual([]);
    await opened.close();
  }
  opened = undefined;
});

describe('mentions in the text', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`keep the leading and leave no gap before punctuation (${viewport.width} px)`, async () => {
      opened = await open('/', { viewport });
      const { pitches, gaps } = await measureSetting(opened.page);
      for (const [i, lines] of pitches.entries()) {
        expect(lines.length, `passage ${i + 1} has several lines`).toBeGreaterThan(0);
        const spread = Math.max(...lines) - Math.min(...lines);
        expect(spread, `passage ${i + 1}: line pitches ${lines.join(', ')}`).toBeLessThan(0.5);
      }
      expect(gaps.map((g) => g.next)).toEqual(expect.arrayContaining(['’s', '.']));
      for (const g of gaps) expect(Math.abs(g.gap), `${g.mention}${g.next}`).toBeLessThan(1);
    });
  }

  it('say what they do, show hover and focus, and pass axe', async () => {
    opened = await open('/');
    const { page } = opened;
    const mention = page.getByRole('button', { name: 'Crimean peninsula' });
    expect(
      await mention.evaluate((el) =>
        (el.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent?.trim())
          .join(' '),
      ),
    ).toBe('show on map');
    const look = () =>
      mention.evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          decoration: s.textDecorationLine,
          background: s.backgroundColor,
          outline: `${s.outlineStyle} ${s.outlineWidth}`,
        };
      });
    const rest = await look();
    expect(rest.decoration).toContain('underline');
    await mention.hover();
    expect((await look()).background, 'hover').not.toBe(rest.background);
    await page.mouse.move(0, 0);
    await mention.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focused = await look();
    expect(focused.outline).toMatch(/^solid (2|3)px$/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
