import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/story/diagnostics.ts';
import { parseFeatureLines, parsePlaces } from '../../../src/story/gazetteer.ts';
import { loadPlaces } from '../../../src/story/load.ts';
import { committed, FIXTURE_GAZETTEER, REAL_GAZETTEER } from './support.ts';

const CONTRACT_IDS = [
  'ukraine',
  'crimea',
  'donetsk',
  'luhansk',
  'zaporizhzhia',
  'kherson',
  'eastern-ukraine',
  'black-sea',
  'sea-of-azov',
  'russia',
  'united-states',
  'cuba',
  'kyiv',
  'moscow',
  'washington',
  'pentagon',
  'us-capitol',
  'sevastopol',
  'havana',
  'sevastopol-strike',
  'drone-downing',
];

const good = readFileSync(FIXTURE_GAZETTEER, 'utf8');
const messages = (text: string) => parsePlaces(text, 'g.geojson').diagnostics.map(formatDiagnostic);

describe('gazetteer', () => {
  it('loads the fixture copy with every id of the contract', () => {
    const table = loadPlaces(FIXTURE_GAZETTEER, { what: 'gazetteer' });
    expect(table.diagnostics).toEqual([]);
    expect([...table.places.keys()].sort()).toEqual([...CONTRACT_IDS].sort());
    expect(table.places.get('kyiv')!.properties.aliases).toContain('Kiev');
  });

  it('loads the real gazetteer with every id of the contract', () => {
    const table = loadPlaces(committed(REAL_GAZETTEER), { what: 'gazetteer' });
    expect(table.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const id of CONTRACT_IDS) expect(table.places.has(id), id).toBe(true);
    expect(table.places.get('drone-downing')!.properties.confidence).toBe('approximate');
  });

  it('reads the world gazetteer written one feature per line, each problem at its line', () => {
    const features = (JSON.parse(good) as { features: unknown[] }).features;
    // As npm run geo writes them: type, id, properties, then geometry.
    const lines = features.slice(0, 3).map((f) => {
      const { type, id, properties, geometry } = f as Record<string, unknown>;
      return JSON.stringify({ type, id, properties, geometry });
    });
    const kyiv = JSON.parse(lines[1]!) as { properties: Record<string, unknown> };
    kyiv.properties.kind = 'town';
    lines[1] = JSON.stringify(kyiv);
    lines.push(lines[0]!, '{"type":"Feature", broken');
    const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
    const table = parseFeatureLines(text, 'w.geojson');
    expect(table.diagnostics.map(formatDiagnostic)).toEqual([
      `w.geojson:3:1: place "${String((features[1] as { id: string }).id)}": unknown kind town`,
      `w.geojson:5:1: duplicate place id "${String((features[0] as { id: string }).id)}": rebuild the gazetteer with npm run geo`,
      'w.geojson:6:1: not valid JSON: rebuild the gazetteer with npm run geo',
    ]);
    expect(table.places.size).toBe(2);
    // The geometry, parsed only when read, is the one written.
    const first = features[0] as { id: string; geometry: unknown };
    expect(table.places.get(first.id)!.geometry).toEqual(first.geometry);
    expect(table.positions.get(String((features[2] as { id: string }).id))).toEqual({
      line: 4,
      column: 1,
    });
  });

  it('refuses a gazetteer that is not one feature per line', () => {
    expect(parseFeatureLines(good, 'w.geojson').diagnostics.map(formatDiagnostic)).toEqual([
      'w.geojson:1:1: not a gazetteer written by npm run geo (one feature per line): rebuild it with npm run geo',
    ]);
  });

  it('says clearly when it is missing', () => {
    const table = loadPlaces('tests/fixtures/no-such/places.geojson', { what: 'gazetteer' });
    expect(table.diagnostics.map(formatDiagnostic)).toEqual([
      'tests/fixtures/no-such/places.geojson:1:1: gazetteer not found: build it with npm run geo',
    ]);
  });

  it('reports truncated JSON at the point it breaks', () => {
    const [line] = messages(good.slice(0, 500));
    expect(line).toMatch(/^g\.geojson:2:\d+: not valid JSON \(.+\): fix or rebuild the file$/);
  });

  it('reports a file that is not a FeatureCollection', () => {
    expect(messages('{"type": "Feature"}')).toEqual([
      'g.geojson:1:1: not a GeoJSON FeatureCollection: expected {"type": "FeatureCollection", "features": [...]}',
    ]);
  });

  it('reports each bad feature at its id, and keeps the good ones', () => {
    const broken = good
      .replace('"kind": "city"', '"kind": "town"')
      .replace('"name": "Moscow", ', '')
      .replace('[-82.383, 23.133]', '[300.5, 23.133]')
      .replace('"incident": "2023-03-14"', '"incident": "14/03/2023"')
      .replace('"id": "washington"', '"id": "kyiv"');
    expect(messages(broken)).toEqual([
      'g.geojson:14:21: place "kyiv": properties.kind: kind must be one of country, region, sea, strait, lake, river, route, crossing, front, city, port, site, incident',
      'g.geojson:15:21: place "moscow": properties.name: missing (expected string)',
      'g.geojson:16:21: duplicate place id "kyiv" (first on line 14): rename one',
      'g.geojson:20:21: place "havana": geometry.coordinates: coordinates must be [longitude, latitude] within ±180 and ±90',
      'g.geojson:22:21: place "drone-downing": properties.dates.incident: must be a date written YYYY-MM-DD',
    ]);
    const table = parsePlaces(broken, 'g.geojson');
    expect(table.places.has('crimea')).toBe(true);
    expect(table.invalid).toEqual(new Set(['kyiv', 'moscow', 'havana', 'drone-downing']));
  });

  it('requires a radius for an approximate point', () => {
    expect(messages(good.replace(', "uncertainty_m": 25000', ''))).toEqual([
      'g.geojson:22:21: place "drone-downing": an approximate point needs uncertainty_m (a radius in metres)',
    ]);
  });

  it('reports a feature with no id by its number', () => {
    expect(messages(good.replace('"id": "havana", ', ''))).toEqual([
      'g.geojson:20:2: feature #19: id: missing (expected string)',
    ]);
  });

  it('accepts null for absent optional properties and numeric versions', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          geometry: { type: 'Point', coordinates: [1, 2] },
          properties: {
            name: 'X',
            kind: 'site',
            status: null,
            uncertainty_m: null,
            source: { dataset: 'D', version: 5.1, licence: 'L' },
            confidence: 'exact',
          },
        },
      ],
    });
    const table = parsePlaces(text, 'g.geojson');
    expect(table.diagnostics).toEqual([]);
    expect(table.places.get('x')!.properties).toMatchObject({
      status: undefined,
      aliases: [],
      source: { version: '5.1' },
    });
  });
});
