// Fetches the map's GeoJSON files. A missing or corrupt file names itself and the reason, in the
// console and to the reader, instead of leaving an empty map.
import type { FeatureCollection } from 'geojson';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export async function loadCollection(
  url: string,
  fetcher: typeof fetch = fetch,
): Promise<FeatureCollection> {
  const file = new URL(url).pathname.split('/').slice(-2).join('/');
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new DataFileError(file, `could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new DataFileError(file, `the server answered ${response.status}`);
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new DataFileError(file, 'is not valid JSON (the file is corrupt or truncated)');
  }
  const fc = data as Partial<FeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new DataFileError(file, 'is not a GeoJSON FeatureCollection');
  }
  return fc as FeatureCollection;
}
