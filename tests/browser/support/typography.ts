// What a reader sees of the text's setting, measured from the rendered glyphs' boxes.
import type { Page } from 'playwright-core';

export interface Setting {
  /** Per passage, the distance from each line's top to the next one's, in CSS px. */
  pitches: number[][];
  /** Each mention followed by punctuation or "'s": the space between its last glyph and the
   * next glyph, in CSS px. */
  gaps: { mention: string; next: string; gap: number }[];
}

export function measureSetting(page: Page): Promise<Setting> {
  return page.evaluate(() => {
    const rectsOf = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].filter((r) => r.width > 0);
    };
    const pitches = [...document.querySelectorAll('[data-passage]')].map((p) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      // Line tops: text fragments on one line share (nearly) one top.
      const tops: number[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const r of rectsOf(n)) {
          if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
        }
      }
      tops.sort((a, b) => a - b);
      return tops.slice(1).map((t, i) => t - tops[i]!);
    });
    const gaps = [...document.querySelectorAll<HTMLElement>('[data-passage] .mention')].flatMap(
      (m) => {
        // Svelte leaves comment anchors and empty text nodes between nodes.
        let next = m.nextSibling;
        while (next && (next.nodeType === Node.COMMENT_NODE || next.textContent === '')) {
          next = next.nextSibling;
        }
        const text = next?.nodeType === Node.TEXT_NODE ? (next.textContent ?? '') : '';
        const lead = /^(\.|,|;|:|'s|’s)/.exec(text)?.[0];
        const last = m.lastChild;
        if (!lead || !last) return [];
        const range = document.createRange();
        range.setStart(next!, 0);
        range.setEnd(next!, 1);
        const after = range.getBoundingClientRect();
        const glyphs = rectsOf(last).at(-1)!;
        return [{ mention: m.textContent ?? '', next: lead, gap: after.left - glyphs.right }];
      },
    );
    return { pitches, gaps };
  });
}
