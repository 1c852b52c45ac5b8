// Fetches the map's GeoJSON files. A missing, slow or corrupt file names itself and the reason, in
// the console and to the reader, instead of leaving an empty map.
import type { FeatureCollection } from 'geojson';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Long enough for a slow phone connection; a stalled request must not keep the map busy forever. */
export const LOAD_TIMEOUT_MS = 30_000;

/** How errors name a data file: its folder and name (`black-sea-call/places.geojson`). */
export function dataFileName(url: string): string {
  return new URL(url).pathname.split('/').slice(-2).join('/');
}

export async function loadCollection(
  url: string,
  fetcher: typeof fetch = fetch,
  timeoutMs = LOAD_TIMEOUT_MS,
): Promise<FeatureCollection> {
  const file = dataFileName(url);
  let response: Response;
  let data: unknown;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DataFileError(file, `could not be fetched (${describe(error, timeoutMs)})`);
  }
  if (!response.ok) throw new DataFileError(file, `the server answered ${response.status}`);
  try {
    data = await response.json();
  } catch (error) {
    // A body cut off by the timeout is not "corrupt": say which it was.
    if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
      throw new DataFileError(file, `could not be fetched (${describe(error, timeoutMs)})`);
    }
    throw new DataFileError(file, 'is not valid JSON (the file is corrupt or truncated)');
  }
  const fc = data as Partial<FeatureCollection> | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection') {
    throw new DataFileError(file, 'is not a GeoJSON FeatureCollection');
  }
  if (!Array.isArray(fc.features)) {
    throw new DataFileError(file, 'is not a GeoJSON FeatureCollection (it has no features list)');
  }
  // MapLibre's worker would fail on these later with an error that names no file.
  const bad = fc.features.findIndex((f) => !isFeature(f));
  if (bad >= 0) throw new DataFileError(file, `feature ${bad} is not a GeoJSON Feature`);
  return fc as FeatureCollection;
}

function isFeature(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const f = value as { type?: unknown; geometry?: unknown };
  if (f.type !== 'Feature') return false;
  if (f.geometry === null) return true;
  const g = f.geometry as { type?: unknown } | undefined;
  return !!g && typeof g === 'object' && typeof g.type === 'string';
}

function describe(error: unknown, timeoutMs: number): string {
  const e = error as Error;
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  return e?.message || String(error);
}
