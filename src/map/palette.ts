// Colours for both themes. Outlines and symbols keep at least 3:1 against what they sit on
// (WCAG 1.4.11); hatching carries status so colour is never the only cue. Statuses are drawn in
// one of three styles (solid, hatch, hatch-wide: see the story schema), each with its colour.
export interface Palette {
  sea: string;
  land: string;
  coastline: string;
  countryBorder: string;
  admin1Border: string;
  label: string;
  labelHalo: string;
  countryFill: string;
  solidFill: string;
  solidLine: string;
  hatch: string;
  hatchWide: string;
  seaFill: string;
  city: string;
  site: string;
  incident: string;
  selected: string;
}

export const LIGHT: Palette = {
  sea: '#d9e6ee',
  land: '#f6f4ef',
  coastline: '#7d98ab',
  countryBorder: '#6b6b6b',
  admin1Border: '#b9b3a7',
  label: '#1f1f1f',
  labelHalo: '#ffffff',
  countryFill: '#e9e4da',
  solidFill: '#fff3c4',
  solidLine: '#1f1f1f',
  hatch: '#b2182b',
  hatchWide: '#b35806',
  seaFill: '#8fbcdb',
  city: '#1f1f1f',
  site: '#5e3c99',
  incident: '#c51b7d',
  selected: '#0050a0',
};

export const DARK: Palette = {
  sea: '#14212b',
  land: '#262a2e',
  coastline: '#5d7e94',
  countryBorder: '#9aa0a6',
  admin1Border: '#4f555b',
  label: '#f1f1f1',
  labelHalo: '#111111',
  countryFill: '#30343a',
  solidFill: '#4a4324',
  solidLine: '#f1f1f1',
  hatch: '#ff6f7d',
  hatchWide: '#ffa54f',
  seaFill: '#2b5d80',
  city: '#f1f1f1',
  site: '#c4a8ff',
  incident: '#ff77c0',
  selected: '#7cc4ff',
};
