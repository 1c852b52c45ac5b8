// The world gazetteer's costs, measured for `npm run bench`: loading it in each tool that reads
// it (build, check:story, suggest), a generated story at scale (200 passages, 300 places), and
// suggest's precision and recall on the hand-labelled articles.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_GAZETTEER, loadPlaces } from '../src/story/load.ts';
import { chromium } from 'playwright-core';
import { measureBlocking, type BlockingRun } from './browser.ts';
import { storyPageBytes } from './bytes.ts';
import { CHROME_ARGS } from '../tests/browser/support/chrome.ts';
import { runLighthouse } from './lighthouse.ts';
import { median } from './report.ts';
import { SCALE, writeScaleStory } from './scaleStory.ts';
import { ROOT } from './site.ts';
import { evaluate, EVAL_KINDS, EVAL_SETS, type KindScore } from './suggestEval.ts';
import { serve } from '../scripts/serve.ts';

const SCALE_STORIES = join(ROOT, '.cache/bench/scale-stories');
const SCALE_SITE = join(ROOT, '.cache/bench/scale-site');
const MAPLIBRE_MARK = 'maplibregl-map';
const SEED = 'black-sea-call';

export interface Timed {
  ms: number[];
  rssMb: number[];
}

export interface WorldResults {
  /** Loading the gazetteer alone, in a fresh process. */
  load: Timed;
  checkStory: Timed;
  suggest: Timed;
  scale: {
    passages: number;
    places: number;
    check: Timed;
    buildMs: number;
    firstViewGz: number;
    lighthouseMobile: (number | null)[];
  };
  /** 4× CPU at 390×844 (measureBlocking): the seed story and the scale story. */
  throttled: { seed: BlockingRun[]; scale: BlockingRun[] };
  suggestScores: Record<string, KindScore[]>;
}

/** Runs a Node script `runs` times; wall time and peak memory (bench/rss.mjs) of each. */
function timeScript(args: string[], runs: number): Timed {
  const timed: Timed = { ms: [], rssMb: [] };
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', './bench/rss.mjs', ...args],
      { cwd: ROOT, encoding: 'utf8' },
    );
    timed.ms.push(performance.now() - started);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    const kb = /bench-rss-kb (\d+)/.exec(r.stderr)?.[1];
    timed.rssMb.push(Number(kb) / 1024);
  }
  return timed;
}

export async function measureWorld(options: {
  chromePath: string;
  runs: number;
  log: (message: string) => void;
}): Promise<WorldResults> {
  const { runs, log } = options;
  const load = timeScript(
    [
      '-e',
      `import('./src/story/load.ts').then(({ loadPlaces, DEFAULT_GAZETTEER }) => loadPlaces(DEFAULT_GAZETTEER, { what: 'gazetteer' }))`,
    ],
    runs,
  );
  log(`gazetteer load: ${fmt(load)}`);
  const checkStory = timeScript(['scripts/checkStory.ts', 'stories/black-sea-call'], runs);
  log(`check:story (seed): ${fmt(checkStory)}`);
  const suggest = timeScript(
    ['scripts/suggest.ts', 'tests/fixtures/suggest/black-sea-grain.txt'],
    runs,
  );
  log(`suggest (grain article): ${fmt(suggest)}`);

  const gazetteer = loadPlaces(join(ROOT, DEFAULT_GAZETTEER), { what: 'gazetteer' });
  const folder = writeScaleStory(gazetteer, SCALE_STORIES);
  // The seed story built beside it, for the throttled-CPU rows.
  cpSync(join(ROOT, 'stories', SEED), join(SCALE_STORIES, SEED), { recursive: true });
  const check = timeScript(['scripts/checkStory.ts', folder], runs);
  log(`check:story (scale story): ${fmt(check)}`);
  const started = performance.now();
  const built = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--stories', SCALE_STORIES, '--out', SCALE_SITE],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`scale build failed: ${built.stderr}`);
  const buildMs = performance.now() - started;
  const slug = 'world-scale';
  const bytes = storyPageBytes(SCALE_SITE, slug);
  log(
    `scale story: build ${Math.round(buildMs)} ms, first view ${(bytes.firstView.gz / 1000).toFixed(1)} KB gz`,
  );

  const site = await serve(SCALE_SITE);
  const lighthouseMobile: (number | null)[] = [];
  const throttled: WorldResults['throttled'] = { seed: [], scale: [] };
  try {
    const browser = await chromium.launch({
      executablePath: options.chromePath,
      args: CHROME_ARGS,
    });
    try {
      for (let i = 0; i < runs; i++) {
        for (const [which, path] of [
          ['seed', SEED],
          ['scale', slug],
        ] as const) {
          const run = await measureBlocking(browser, `${site.url}/${path}/`);
          throttled[which].push(run);
          log(
            `4× CPU, ${which} story: blocked ${Math.round(run.sinceNavigationMs)} ms since navigation, ${Math.round(run.afterLoadMs)} ms after load; longest task ${Math.round(run.longestMs)} ms`,
          );
        }
      }
    } finally {
      await browser.close();
    }
    const js = [...bytes.jsInitial.files, ...bytes.jsLazy.files];
    const chunk = js.find((f) =>
      readFileSync(join(SCALE_SITE, f.path), 'utf8').includes(MAPLIBRE_MARK),
    );
    for (let i = 0; i < runs; i++) {
      const run = await runLighthouse(`${site.url}/${slug}/`, {
        chromePath: options.chromePath,
        preset: 'mobile',
        workers: bytes.worker.files.map((f) => ({ url: f.path, gz: f.gz })),
        mapLibreChunk: chunk?.path ?? '',
      });
      lighthouseMobile.push(run.score);
      log(`lighthouse mobile (scale story): ${run.runtimeError ?? `score ${run.score}`}`);
    }
  } finally {
    await site.close();
  }

  const suggestScores = Object.fromEntries(
    Object.entries({ ...EVAL_SETS, all: Object.values(EVAL_SETS).flat() }).map(([name, dirs]) => [
      name,
      evaluate(gazetteer, dirs, 'linked').kinds.filter((k) =>
        (EVAL_KINDS as readonly string[]).includes(k.kind),
      ),
    ]),
  );
  return {
    load,
    checkStory,
    suggest,
    scale: { ...SCALE, check, buildMs, firstViewGz: bytes.firstView.gz, lighthouseMobile },
    throttled,
    suggestScores,
  };
}

function fmt(t: Timed): string {
  return `${Math.round(median(t.ms) ?? NaN)} ms, ${Math.round(median(t.rssMb) ?? NaN)} MB`;
}

const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mb = (v: number | null) => (v === null ? '–' : `${Math.round(v)} MB`);
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

/** The bench table's world section, in Markdown. */
export function worldTable(w: WorldResults): string {
  const rows: string[][] = [['what', 'measured (median)', 'target', '']];
  for (const [what, t] of [
    ['gazetteer load (fresh process)', w.load],
    ['check:story, seed story (whole CLI)', w.checkStory],
    ['suggest, grain article (whole CLI)', w.suggest],
  ] as const) {
    const ms = median(t.ms);
    const rss = median(t.rssMb);
    rows.push([
      what,
      `${s(ms)}, ${mb(rss)} peak`,
      '≤ 3 s, ≤ 500 MB',
      met((ms ?? Infinity) <= 3000 && (rss ?? Infinity) <= 500),
    ]);
  }
  const sc = w.scale;
  const checkMs = median(sc.check.ms);
  const lh = median(sc.lighthouseMobile);
  rows.push(
    [
      `scale story (${sc.passages} passages, ${sc.places} places): check:story`,
      s(checkMs),
      '≤ 5 s',
      met((checkMs ?? Infinity) <= 5000),
    ],
    ['scale story: build', s(sc.buildMs), '≤ 60 s', met(sc.buildMs <= 60_000)],
    [
      'scale story: first view transfer',
      `${(sc.firstViewGz / 1000).toFixed(1)} KB gz`,
      '≤ 150 KB gz',
      met(sc.firstViewGz <= 150_000),
    ],
    [
      'scale story: Lighthouse mobile',
      lh === null ? '–' : lh.toFixed(2),
      '≥ 0.95',
      met((lh ?? 0) >= 0.95),
    ],
  );
  for (const [which, runs] of Object.entries(w.throttled ?? {})) {
    const after = median(runs.map((r) => r.afterLoadMs));
    const since = median(runs.map((r) => r.sinceNavigationMs));
    const longest = median(runs.map((r) => r.longestMs));
    // Judged since navigation: the page hydrates before its load event, so "after load" alone
    // would pass while the start-up still blocks.
    rows.push([
      `${which} story, 4× CPU at 390×844: main thread blocked since navigation (after load; longest task)`,
      `${Math.round(since ?? NaN)} ms (${Math.round(after ?? NaN)} ms; ${Math.round(longest ?? NaN)} ms)`,
      '< 300 ms',
      met((since ?? Infinity) < 300),
    ]);
  }
  for (const [set, kinds] of Object.entries(w.suggestScores)) {
    rows.push([
      `suggest, ${set} articles: precision / recall`,
      kinds.map((k) => `${k.kind} ${k.precision.toFixed(2)}/${k.recall.toFixed(2)}`).join(', '),
      '≥ 0.90 / ≥ 0.85',
      met(kinds.every((k) => k.precision >= 0.9 && k.recall >= 0.85)),
    ]);
  }
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}
