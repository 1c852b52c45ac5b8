// Medians, the targets from the issue, and the one table the benchmark prints (Markdown, so the
// README can show it as it is).
import type { LoadRun, PanRun, ZoomRun } from './browser.ts';
import type { PageBytes, Size } from './bytes.ts';
import type { ImageResults } from './images.ts';
import type { LighthouseRun, Preset } from './lighthouse.ts';
import { VIEW_IMAGE_BUDGETS } from '../tests/build/budgets.ts';

export type Side = 'ours' | 'baseline';
export const SIDES: Side[] = ['ours', 'baseline'];
export const PRESETS: Preset[] = ['mobile', 'desktop'];
export const PAN_VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Where the zoom is measured (one viewport: what it loads scales with the area), and the zoom:
 * a brisk reader's, two levels a second. */
export const ZOOM_VIEWPORT = { width: 1280, height: 800 };
export const ZOOM = { from: 3, to: 8, durationMs: 2500 };
const ZOOMING = `zoom ${ZOOM.from} → ${ZOOM.to}`;
/** The longest a part of the view may stay blank while the reader zooms in. */
const BLANK_MS = 300;

export interface Results {
  date: string;
  machine: string;
  /** The machine's 1-minute load average at the start and the end of the run. */
  loadAverage: string;
  runs: number;
  story: string;
  lighthouse: Record<Side, Record<Preset, LighthouseRun[]>>;
  /** The story page with `?static` (its live map never loads): what the page costs on its own. */
  lighthouseStatic: LighthouseRun[];
  loads: Record<Side, LoadRun[]>;
  pans: Record<Side, PanRun[][]>;
  /** Zooms from 3 to 8 over the story's region; absent from runs before they existed. */
  zooms?: Record<Side, ZoomRun[]>;
  bytes: Record<Side, PageBytes>;
  /** The view images (bench/images.ts); absent from runs before they existed. */
  images?: ImageResults;
}

export function median(values: (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (v.length === 0) return null;
  v.sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export interface Target {
  what: string;
  value: string;
  target: string;
  met: boolean | null;
  /** How far off, when not met. */
  gap?: string;
}

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v).toLocaleString('en')} ms`);
const kb = (v: number | null) => (v === null ? '–' : `${(v / 1000).toFixed(1)} KB`);
const num = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));
const ratio = (a: number | null, b: number | null) => (a === null || !b ? null : a / b);

/** Median figures for the table and the targets. */
export function summarise(r: Results) {
  const lh = (side: Side, preset: Preset, key: keyof LighthouseRun) =>
    median(r.lighthouse[side][preset].map((run) => run[key] as number | null));
  const load = (side: Side, key: keyof LoadRun, mode: LoadRun['mode'] = 'idle') =>
    median(r.loads[side].filter((x) => x.mode === mode).map((run) => run[key] as number | null));
  const pan = (side: Side, i: number) => median(r.pans[side].map((runs) => runs[i]?.fps));
  const lhStatic = (key: keyof LighthouseRun) =>
    median(r.lighthouseStatic.map((run) => run[key] as number | null));
  // The idle target is judged without input, unless the page waits for the reader to start it.
  const waits = r.loads.ours.some((x) => x.mode === 'idle' && x.mapIdleMs === null);
  const idleMode: LoadRun['mode'] = waits ? 'reach' : 'idle';
  const zoom = (side: Side, key: keyof ZoomRun) =>
    median((r.zooms?.[side] ?? []).map((run) => run[key] as number));
  return { lh, load, pan, lhStatic, idleMode, zoom };
}

/** Runs in which the first contentful paint came before the first request of MapLibre's code. */
const paintedFirst = (runs: LoadRun[]) =>
  runs.filter(
    (run) =>
      run.fcpMs !== null && (run.mapLibreRequestMs === null || run.fcpMs < run.mapLibreRequestMs),
  ).length;

export function targets(r: Results): Target[] {
  const { lh, load, pan, idleMode, zoom } = summarise(r);
  const out: Target[] = [];
  const check = (what: string, value: number | null, ok: (v: number) => boolean, t: string) => {
    out.push({ what, value: String(value), target: t, met: value === null ? null : ok(value) });
  };
  const score = lh('ours', 'mobile', 'score');
  check('Lighthouse mobile score', score, (v) => v >= 0.95, '≥ 0.95');
  check('Lighthouse mobile LCP (ms)', lh('ours', 'mobile', 'lcpMs'), (v) => v < 1500, '< 1500');
  check('Lighthouse mobile TBT (ms)', lh('ours', 'mobile', 'tbtMs'), (v) => v < 150, '< 150');
  check('Lighthouse mobile CLS', lh('ours', 'mobile', 'cls'), (v) => v === 0, '0');
  const painted = paintedFirst(r.loads.ours);
  out.push({
    what: 'first paint before any MapLibre code is fetched (runs)',
    value: `${painted}/${r.loads.ours.length}`,
    target: 'every run',
    met: painted === r.loads.ours.length,
  });
  const idle = ratio(load('ours', 'mapIdleMs', idleMode), load('baseline', 'mapIdleMs', idleMode));
  check(`map idle vs baseline (ratio, ${idleMode} runs)`, idle, (v) => v <= 1.1, '≤ 1.10');
  const drawn = ratio(
    load('ours', 'mapDrawnMs', idleMode),
    load('baseline', 'mapDrawnMs', idleMode),
  );
  check(`map drawn vs baseline (ratio, ${idleMode} runs)`, drawn, (v) => v <= 1, '≤ 1.00');
  if (r.zooms) {
    const blank = zoom('ours', 'longestBlankMs');
    check(`${ZOOMING}: longest blank (ms)`, blank, (v) => v <= BLANK_MS, `≤ ${BLANK_MS}`);
  }
  PAN_VIEWPORTS.forEach((vp, i) => {
    const fps = ratio(pan('ours', i), pan('baseline', i));
    check(
      `pan fps vs baseline at ${vp.width}×${vp.height} (ratio)`,
      fps,
      (v) => v >= 0.95,
      '≥ 0.95',
    );
  });
  check('story layers (gzip bytes)', r.bytes.ours.storyLayers.gz, (v) => v <= 60_000, '≤ 60000');
  check('first view (gzip bytes)', r.bytes.ours.firstView.gz, (v) => v <= 120_000, '≤ 120000');
  const measured = load('ours', 'firstViewBytes');
  check('first view, measured transfer (bytes)', measured, (v) => v <= 120_000, '≤ 120000');
  const tiles = load('ours', 'tileBytes');
  check('basemap tiles for the first view (bytes)', tiles, (v) => v <= 150_000, '≤ 150000');
  return out;
}

const BYTE_ROWS: [keyof PageBytes, string][] = [
  ['html', 'HTML'],
  ['jsInitial', 'JS, initial'],
  ['jsLazy', 'JS, lazy (MapLibre + worker)'],
  ['worker', '…of which the worker'],
  ['jsOnDemand', 'JS, on demand (image of the view on screen)'],
  ['cssInitial', 'CSS, initial'],
  ['cssLazy', 'CSS, lazy'],
  ['dataInitial', 'data, initial (static map)'],
  ['dataLazy', 'data, lazy (GeoJSON)'],
  ['storyLayers', '…of which story layers'],
  ['textFace', 'text face, preloaded (Source Serif 4)'],
  ['fonts', 'fonts (glyphs fetched)'],
  ['firstView', 'first view (HTML + initial)'],
];

const bytesCell = (s: Size) => (s.raw === 0 ? '–' : `${kb(s.gz)} / ${kb(s.raw)}`);
const mark = (met: boolean | null) => (met === null ? '?' : met ? 'met' : '**not met**');

export function table(r: Results): string {
  const { lh, load, pan, lhStatic, idleMode, zoom } = summarise(r);
  const t = targets(r);
  const status = (prefix: string) => mark(t.find((x) => x.what.startsWith(prefix))?.met ?? null);
  const rows: string[][] = [];
  const row = (what: string, ours: string, base: string, target = '', met = '') =>
    rows.push([what, ours, base, target, met]);

  for (const preset of PRESETS) {
    const m = preset === 'mobile';
    const both = (key: keyof LighthouseRun, f: (v: number | null) => string) =>
      [f(lh('ours', preset, key)), f(lh('baseline', preset, key))] as const;
    row(
      `Lighthouse ${preset}: score`,
      ...both('score', (v) => num(v)),
      m ? '≥ 0.95' : '',
      m ? status('Lighthouse mobile score') : '',
    );
    row(`Lighthouse ${preset}: FCP`, ...both('fcpMs', ms));
    row(
      `Lighthouse ${preset}: LCP`,
      ...both('lcpMs', ms),
      m ? '< 1,500 ms' : '',
      m ? status('Lighthouse mobile LCP') : '',
    );
    row(
      `Lighthouse ${preset}: TBT`,
      ...both('tbtMs', ms),
      m ? '< 150 ms' : '',
      m ? status('Lighthouse mobile TBT') : '',
    );
    row(
      `Lighthouse ${preset}: CLS`,
      ...both('cls', (v) => num(v, 3)),
      m ? '0' : '',
      m ? status('Lighthouse mobile CLS') : '',
    );
    row(`Lighthouse ${preset}: total bytes (worker counted)`, ...both('totalBytes', kb));
    const saw = (side: Side) =>
      `${r.lighthouse[side][preset].filter((x) => x.sawMapLibre).length}/${r.lighthouse[side][preset].length}`;
    row(`Lighthouse ${preset}: runs that loaded MapLibre`, saw('ours'), saw('baseline'));
  }
  for (const [key, label] of [
    ['score', 'score'],
    ['lcpMs', 'LCP'],
    ['tbtMs', 'TBT'],
    ['cls', 'CLS'],
  ] as const) {
    const v = lhStatic(key);
    const text = key === 'score' ? num(v) : key === 'cls' ? num(v, 3) : ms(v);
    row(`Lighthouse mobile: ${label}, story page without its live map (?static)`, text, '');
  }
  const both = (
    key: keyof LoadRun,
    f: (v: number | null) => string,
    mode: LoadRun['mode'] = 'idle',
  ) => [f(load('ours', key, mode)), f(load('baseline', key, mode))] as const;
  row('first contentful paint (1280×800)', ...both('fcpMs', ms));
  row('largest contentful paint (1280×800)', ...both('lcpMs', ms));
  row(
    'MapLibre code requested',
    ...both('mapLibreRequestMs', ms),
    `after first paint (${paintedFirst(r.loads.ours)}/${r.loads.ours.length} runs)`,
    status('first paint before'),
  );
  const idleRatio = ratio(
    load('ours', 'mapIdleMs', idleMode),
    load('baseline', 'mapIdleMs', idleMode),
  );
  const idleTarget = `≤ 1.10× baseline (${num(idleRatio)}×)`;
  row(
    'navigation → map idle, no input',
    ...both('mapIdleMs', ms),
    idleMode === 'idle' ? idleTarget : '',
    idleMode === 'idle' ? status('map idle') : '',
  );
  row(
    'navigation → map idle, pointer on the map at first paint',
    ...both('mapIdleMs', ms, 'reach'),
    idleMode === 'reach' ? idleTarget : '',
    idleMode === 'reach' ? status('map idle') : '',
  );
  row(
    `navigation → map drawn by the GPU (fence at idle, ${idleMode === 'idle' ? 'no input' : 'pointer on the map'})`,
    ...both('mapDrawnMs', ms, idleMode),
    `≤ 1.00× baseline (${num(ratio(load('ours', 'mapDrawnMs', idleMode), load('baseline', 'mapDrawnMs', idleMode)))}×)`,
    status('map drawn'),
  );
  row(
    `navigation → panel open (click at map idle, ${idleMode === 'idle' ? 'no input' : 'pointer on the map'})`,
    ...both('panelMs', ms, idleMode),
  );
  const clickToPanel = (side: Side) => ms(median(r.loads[side].map((x) => x.panelMs - x.clickMs)));
  row('click → panel open', clickToPanel('ours'), clickToPanel('baseline'));
  PAN_VIEWPORTS.forEach((vp, i) => {
    const a = pan('ours', i);
    const b = pan('baseline', i);
    row(
      `pan ${vp.width}×${vp.height}: frames per second (median of ${r.pans.ours.length})`,
      num(a, 1),
      num(b, 1),
      `≥ 0.95× baseline (${num(ratio(a, b))}×)`,
      status(`pan fps vs baseline at ${vp.width}`),
    );
  });
  if (r.zooms) {
    const { width, height } = ZOOM_VIEWPORT;
    row(
      `${ZOOMING} in ${ZOOM.durationMs / 1000} s (${width}×${height}): longest a part of the view was blank`,
      ms(zoom('ours', 'longestBlankMs')),
      ms(zoom('baseline', 'longestBlankMs')),
      `≤ ${BLANK_MS} ms`,
      status(ZOOMING),
    );
    row(
      `${ZOOMING}: longest wait for the view’s own tiles (parents drawn meanwhile)`,
      ms(zoom('ours', 'longestLoadingMs')),
      ms(zoom('baseline', 'longestLoadingMs')),
    );
    row(
      `${ZOOMING}: from the start until every tile was drawn`,
      ms(zoom('ours', 'settledMs')),
      ms(zoom('baseline', 'settledMs')),
    );
  }
  row(
    'first view transfer, measured',
    ...both('firstViewBytes', kb),
    '≤ 120 KB',
    status('first view, measured'),
  );
  row('total transfer until the panel opened', ...both('totalBytes', kb));
  row(
    'basemap tiles fetched until map idle (range requests)',
    `${kb(load('ours', 'tileBytes'))} (${num(load('ours', 'tileRequests'), 0)})`,
    `${kb(load('baseline', 'tileBytes'))} (${num(load('baseline', 'tileRequests'), 0)})`,
    '≤ 150 KB',
    status('basemap tiles'),
  );
  for (const [key, label] of BYTE_ROWS) {
    const target = key === 'storyLayers' ? '≤ 60 KB gz' : key === 'firstView' ? '≤ 120 KB gz' : '';
    const met =
      key === 'storyLayers'
        ? status('story layers')
        : key === 'firstView'
          ? status('first view (gzip')
          : '';
    row(
      `bytes: ${label} (gzip / raw)`,
      bytesCell(r.bytes.ours[key]),
      bytesCell(r.bytes.baseline[key]),
      target,
      met,
    );
  }
  const img = r.images;
  row(
    `view images: build time per story (${img?.images ?? '–'} files, SVG + PNG)`,
    ms(median(img?.storyMs ?? [])),
    '',
  );
  for (const [label, sizes, budget] of [
    ['PNG', img?.png, VIEW_IMAGE_BUDGETS.png.bytes],
    ['SVG, gzipped', img?.svgGz, VIEW_IMAGE_BUDGETS.svg.gz],
  ] as const) {
    const largest = sizes?.length ? Math.max(...sizes) : null;
    row(
      `view images: bytes per image, ${label} (largest / median of ${sizes?.length ?? 0})`,
      `${kb(largest)} / ${kb(median(sizes ?? []))}`,
      '',
      `≤ ${kb(budget)}`,
      largest === null ? mark(null) : mark(largest <= budget),
    );
  }
  const header = ['median of ' + r.runs + ' runs', 'story page', 'baseline', 'target', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
