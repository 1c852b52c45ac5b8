// Every colour of the page and the map, for both themes: the one source. The live map's style,
// its canvas icons, the static map and the legend read it here; the page's CSS custom properties
// (--bg, --hatch, --river...) are generated from it (css.ts). Outlines and symbols keep at least
// 3:1 against what they sit on (WCAG 1.4.11), text 4.5:1 (1.4.3); hatching carries status so
// colour is never the only cue.
export interface Palette {
  // The page
  bg: string;
  fg: string;
  muted: string;
  line: string;
  accent: string;
  accentBg: string;
  mark: string;
  panel: string;
  warning: string;
  focus: string;
  // The basemap
  sea: string;
  land: string;
  coastline: string;
  countryBorder: string;
  admin1Border: string;
  label: string;
  labelHalo: string;
  /** Names of seas, lakes and rivers on the basemap. */
  waterLabel: string;
  // The story's places
  countryFill: string;
  solidFill: string;
  /** The fills a solid area's neighbours take in turn, so two countries never share one. */
  tintB: string;
  tintC: string;
  solidLine: string;
  hatch: string;
  hatchWide: string;
  seaFill: string;
  river: string;
  route: string;
  crossing: string;
  front: string;
  city: string;
  port: string;
  site: string;
  incident: string;
  selected: string;
}

export type PaletteToken = keyof Palette;

export const LIGHT: Palette = {
  bg: '#ffffff',
  fg: '#1c1c1c',
  muted: '#555555',
  line: '#c9c9c9',
  accent: '#0050a0',
  accentBg: '#e6effa',
  mark: '#fff0a8',
  panel: '#ffffff',
  warning: '#b35806',
  focus: '#0050a0',
  sea: '#d9e6ee',
  land: '#f6f4ef',
  coastline: '#7d98ab',
  countryBorder: '#6b6b6b',
  admin1Border: '#b9b3a7',
  label: '#1f1f1f',
  labelHalo: '#ffffff',
  waterLabel: '#2b5b80',
  countryFill: '#e9e4da',
  solidFill: '#fff3c4',
  tintB: '#d3e8c6',
  tintC: '#f6d6c6',
  solidLine: '#1f1f1f',
  hatch: '#b2182b',
  hatchWide: '#b35806',
  seaFill: '#8fbcdb',
  river: '#2f6fa8',
  route: '#1a7a5a',
  crossing: '#4d4d4d',
  front: '#a3122a',
  city: '#1f1f1f',
  port: '#155e75',
  site: '#5e3c99',
  incident: '#c51b7d',
  selected: '#0050a0',
};

export const DARK: Palette = {
  bg: '#121417',
  fg: '#ececec',
  muted: '#b4b4b4',
  line: '#4a4f55',
  accent: '#7cc4ff',
  accentBg: '#1d3247',
  mark: '#5a4a00',
  panel: '#1b1e22',
  warning: '#ffa54f',
  focus: '#7cc4ff',
  sea: '#14212b',
  land: '#262a2e',
  coastline: '#5d7e94',
  countryBorder: '#9aa0a6',
  admin1Border: '#4f555b',
  label: '#f1f1f1',
  labelHalo: '#111111',
  waterLabel: '#8dbbdc',
  countryFill: '#30343a',
  solidFill: '#4a4324',
  tintB: '#24483a',
  tintC: '#4d2d43',
  solidLine: '#f1f1f1',
  hatch: '#ff6f7d',
  hatchWide: '#ffa54f',
  seaFill: '#2b5d80',
  river: '#6cb4ee',
  route: '#4fd1a1',
  crossing: '#d0d0d0',
  front: '#ff7a8c',
  city: '#f1f1f1',
  port: '#67c7e0',
  site: '#c4a8ff',
  incident: '#ff77c0',
  selected: '#7cc4ff',
};

/** The CSS custom property of a token: `hatchWide` → `--hatch-wide`. */
export const cssVar = (token: PaletteToken): string =>
  `--${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
