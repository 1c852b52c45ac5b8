// One Lighthouse 12.2.3 run (performance only, simulated throttling) on a fresh Chromium.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROME_ARGS } from '../tests/browser/support/chrome.ts';

export type Preset = 'mobile' | 'desktop';

export interface LighthouseRun {
  score: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  ttiMs: number | null;
  /** Lighthouse's total-byte-weight, which records the worker as a few hundred bytes. */
  lighthouseBytes: number | null;
  /** The same with the worker counted at its real gzipped size. */
  totalBytes: number | null;
  /** Whether the MapLibre chunk was fetched inside Lighthouse's window. */
  sawMapLibre: boolean;
  runtimeError?: string;
  warnings: string[];
}

interface Audit {
  numericValue?: number;
  errorMessage?: string;
  details?: { items?: { url?: string; transferSize?: number }[] };
}

export interface LighthouseOptions {
  chromePath: string;
  preset: Preset;
  /** Served paths of MapLibre's worker, with its real gzipped size. */
  workers: { url: string; gz: number }[];
  /** Served path of the chunk holding MapLibre. */
  mapLibreChunk: string;
  timeoutMs?: number;
}

export async function runLighthouse(url: string, o: LighthouseOptions): Promise<LighthouseRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: o.chromePath,
    chromeFlags: [...CHROME_ARGS, '--headless=new'],
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const run = lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      o.preset === 'desktop' ? desktopConfig : undefined,
    );
    const timeout = new Promise<never>((_, fail) => {
      timer = setTimeout(() => fail(new Error('Lighthouse timed out')), o.timeoutMs ?? 120_000);
    });
    const result = await Promise.race([run, timeout]);
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    const audit = (id: string) => lhr.audits[id] as Audit | undefined;
    const value = (id: string) => audit(id)?.numericValue ?? null;
    const requests = audit('network-requests')?.details?.items ?? [];
    const lighthouseBytes = value('total-byte-weight');
    // A worker script shows up with its headers only: add what its body really costs.
    let missing = 0;
    for (const worker of o.workers) {
      const seen = requests.filter((r) => r.url?.endsWith(worker.url));
      for (const r of seen) missing += Math.max(0, worker.gz - (r.transferSize ?? 0));
    }
    const errors = Object.entries(lhr.audits)
      .filter(([, a]) => (a as Audit).errorMessage)
      .map(([id, a]) => `${id}: ${(a as Audit).errorMessage}`);
    return {
      score: lhr.categories.performance?.score ?? null,
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      speedIndexMs: value('speed-index'),
      ttiMs: value('interactive'),
      lighthouseBytes,
      totalBytes: lighthouseBytes === null ? null : lighthouseBytes + missing,
      sawMapLibre: requests.some((r) => r.url?.endsWith(o.mapLibreChunk)),
      runtimeError: lhr.runtimeError?.message,
      warnings: [...lhr.runWarnings.map(String), ...errors],
    };
  } finally {
    clearTimeout(timer);
    chrome.kill();
  }
}
