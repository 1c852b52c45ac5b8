// The map's colours live twice: in src/map/palette.ts for MapLibre (and the static map's SVG
// files), and as CSS tokens for the static map's inline places, the legend and the locator. This
// keeps the two from drifting apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK, LIGHT, type Palette } from '../../../src/map/palette.ts';

const TOKENS: Record<string, keyof Palette> = {
  '--sea': 'sea',
  '--land': 'land',
  '--hatch': 'hatch',
  '--hatch-wide': 'hatchWide',
  '--solid-line': 'solidLine',
  '--solid-fill': 'solidFill',
  '--country': 'countryFill',
  '--seafill': 'seaFill',
  '--city': 'city',
  '--site': 'site',
  '--incident': 'incident',
  '--focus': 'selected',
};

function cssTokens(): Map<string, [string, string]> {
  const css = readFileSync('src/app/app.css', 'utf8');
  const tokens = new Map<string, [string, string]>();
  for (const m of css.matchAll(
    /(--[\w-]+):\s*light-dark\((#[0-9a-f]{3,8}),\s*(#[0-9a-f]{3,8})\)/gi,
  )) {
    tokens.set(m[1]!, [m[2]!.toLowerCase(), m[3]!.toLowerCase()]);
  }
  return tokens;
}

describe('palette.ts and the CSS tokens', () => {
  const tokens = cssTokens();
  for (const [token, key] of Object.entries(TOKENS)) {
    it(`${token} is ${key} in both themes`, () => {
      expect(tokens.get(token), `${token} in app.css`).toEqual([
        LIGHT[key].toLowerCase(),
        DARK[key].toLowerCase(),
      ]);
    });
  }
});
