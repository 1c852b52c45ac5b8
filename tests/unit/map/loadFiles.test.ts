// A data file that is missing, slow or corrupt must name itself and say why.
import { describe, expect, it } from 'vitest';
import { DataFileError, loadCollection } from '../../../src/map/loadFiles.ts';

const URL_ = 'https://site.test/black-sea-call/places.geojson';

const answer =
  (body: string, status = 200): typeof fetch =>
  async () =>
    new Response(body, { status });

async function failure(fetcher: typeof fetch, timeoutMs?: number): Promise<DataFileError> {
  const error = await loadCollection(URL_, fetcher, timeoutMs).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataFileError);
  return error as DataFileError;
}

describe('loadCollection', () => {
  it('returns a FeatureCollection', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }] };
    await expect(loadCollection(URL_, answer(JSON.stringify(fc)))).resolves.toEqual(fc);
  });

  it.each([
    [
      'garbage',
      '\u0000\u00ff not json',
      200,
      'is not valid JSON (the file is corrupt or truncated)',
    ],
    ['a truncated file', '{"type":"FeatureCollection","features":[{"ty', 200, 'is not valid JSON'],
    ['a 404', 'Not found', 404, 'the server answered 404'],
    ['JSON that is not GeoJSON', '{"hello":"world"}', 200, 'is not a GeoJSON FeatureCollection'],
    ['null', 'null', 200, 'is not a GeoJSON FeatureCollection'],
    ['no features list', '{"type":"FeatureCollection"}', 200, 'it has no features list'],
    [
      'a broken feature',
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Feature","geometry":"x"}]}',
      200,
      'feature 1 is not a GeoJSON Feature',
    ],
  ])('names the file and the reason for %s', async (_name, body, status, reason) => {
    const error = await failure(answer(body, status));
    expect(error.file).toBe('black-sea-call/places.geojson');
    expect(error.reason).toContain(reason);
    expect(error.message).toContain('black-sea-call/places.geojson: ');
  });

  it('reports a network failure', async () => {
    const error = await failure(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(error.reason).toBe('could not be fetched (Failed to fetch)');
  });

  it('gives up on a request that never answers', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_ok, fail) =>
        init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)),
      );
    const error = await failure(never, 50);
    expect(error.reason).toBe('could not be fetched (no answer within 0.05 s)');
  });
});
