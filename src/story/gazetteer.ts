// The world gazetteer (gazetteer/world.geojson.gz) and a story's own places.geojson: parsed and
// validated feature by feature, so one bad feature is reported without hiding the rest.
import { KINDS } from '../catalogue/kinds.ts';
import { KEBAB } from '../lib/ids.ts';
import { Reporter, type Diagnostic } from './diagnostics.ts';
import { decodeText } from './decode.ts';
import { featureCollectionShapeSchema, placeFeatureSchema, type PlaceFeature } from './schema.ts';
import type { z } from 'zod';

export const MAX_PLACES_BYTES = 64 * 1024 * 1024;
const MAX_ISSUES_PER_FEATURE = 3;

export interface PlaceTable {
  file: string;
  places: Map<string, PlaceFeature>;
  /** Ids of features that failed validation; already reported, so not "unknown" either. */
  invalid: Set<string>;
  /** Where each feature's id is written. */
  positions: Map<string, { line: number; column: number }>;
  diagnostics: Diagnostic[];
}

export function emptyPlaceTable(file: string, diagnostics: Diagnostic[] = []): PlaceTable {
  return { file, places: new Map(), invalid: new Set(), positions: new Map(), diagnostics };
}

export function parsePlaces(source: Uint8Array | string, file: string): PlaceTable {
  const decoded = decodeText(source, file, MAX_PLACES_BYTES, 'a places file');
  if (decoded.text === undefined) return emptyPlaceTable(file, decoded.diagnostics);
  const text = decoded.text;
  const report = new Reporter(file, text);
  const table = emptyPlaceTable(file, report.diagnostics);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    report.at(
      at ? Number(at[1]) : text.length,
      `not valid JSON (${message.replace(/ in JSON at position.*$/, '')}): fix or rebuild the file`,
    );
    return table;
  }

  const shape = featureCollectionShapeSchema.safeParse(json);
  if (!shape.success) {
    report.at(
      0,
      'not a GeoJSON FeatureCollection: expected {"type": "FeatureCollection", "features": [...]}',
    );
    return table;
  }

  const featureStarts = [...text.matchAll(/"type"\s*:\s*"Feature"/g)].map((m) => m.index);
  let cursor = 0;
  const seen = new Map<string, number>();
  shape.data.features.forEach((raw, i) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    // Features are written in order, so each id is searched for after the previous one.
    const idMatch = id ? new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`, 'g') : null;
    let offset = featureStarts[i] ?? 0;
    if (idMatch) {
      idMatch.lastIndex = cursor;
      const m = idMatch.exec(text);
      if (m) {
        offset = m.index;
        cursor = m.index + m[0].length;
      }
    }
    const name = id ? `place "${id}"` : `feature #${i + 1}`;
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        const line = report.position(first).line;
        report.at(offset, `duplicate place id "${id}" (first on line ${line}): rename one`);
        return;
      }
      seen.set(id, offset);
    }
    const result = placeFeatureSchema.safeParse(raw);
    if (!result.success) {
      if (id) table.invalid.add(id);
      const issues = result.error.issues;
      for (const issue of issues.slice(0, MAX_ISSUES_PER_FEATURE)) {
        report.at(offset, `${name}: ${describeIssue(issue)}`);
      }
      if (issues.length > MAX_ISSUES_PER_FEATURE) {
        report.at(offset, `${name}: ${issues.length - MAX_ISSUES_PER_FEATURE} more problems`);
      }
      return;
    }
    const feature = result.data;
    const p = feature.properties;
    if (feature.geometry?.type === 'Point' && p.confidence === 'approximate' && !p.uncertainty_m) {
      // Readers are shown a circle for an approximate point; without a radius there is none.
      table.invalid.add(feature.id);
      report.at(offset, `${name}: an approximate point needs uncertainty_m (a radius in metres)`);
      return;
    }
    table.places.set(feature.id, feature);
    table.positions.set(feature.id, report.position(offset));
  });
  return table;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const where = path ? `${path.replace(/^\./, '')}: ` : '';
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `${where}missing (expected ${issue.expected})`;
  }
  return `${where}${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/**
 * The world gazetteer as `npm run geo` writes it: one feature per line, properties before
 * geometry. Its 30,000 features are checked against the full place schema by tests/geo (CI
 * rebuilds the file and runs them), so loading checks only the fields the story pipeline reads,
 * and parses a feature's geometry (85% of the bytes) only when something reads it: a story uses
 * a few dozen places, suggest and check:story read names. A feature that fails is reported at
 * its line.
 */
export function parseFeatureLines(text: string, file: string): PlaceTable {
  const table = emptyPlaceTable(file);
  const lines = text.split('\n');
  if (!lines[0]?.startsWith('{"type":"FeatureCollection"')) {
    table.diagnostics.push({
      file,
      line: 1,
      column: 1,
      message:
        'not a gazetteer written by npm run geo (one feature per line): rebuild it with npm run geo',
    });
    return table;
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('{')) continue;
    const fail = (message: string) => {
      table.diagnostics.push({ file, line: i + 1, column: 1, message });
    };
    const body = line.endsWith(',') ? line.slice(0, -1) : line;
    // No property value holds this text: the geometry is the last member of every line.
    const split = body.lastIndexOf(',"geometry":');
    let raw: Record<string, unknown>;
    let geometryText: string;
    try {
      if (split < 0) throw new Error('no geometry');
      raw = JSON.parse(`${body.slice(0, split)}}`) as Record<string, unknown>;
      geometryText = body.slice(split + ',"geometry":'.length, -1);
    } catch {
      fail('not valid JSON: rebuild the gazetteer with npm run geo');
      continue;
    }
    const type = /^\{"type":"([A-Za-z]+)"/.exec(geometryText)?.[1];
    const problem = shapeProblem(raw, geometryText === 'null' ? null : type);
    const id = raw.id;
    if (problem) {
      if (typeof id === 'string') table.invalid.add(id);
      fail(`${typeof id === 'string' ? `place "${id}"` : 'feature'}: ${problem}`);
      continue;
    }
    const feature = raw as unknown as PlaceFeature;
    let geometry: PlaceFeature['geometry'] | undefined;
    Object.defineProperty(feature, 'geometry', {
      enumerable: true,
      get: () => (geometry ??= JSON.parse(geometryText) as PlaceFeature['geometry']),
    });
    if (table.places.has(feature.id)) {
      fail(`duplicate place id "${feature.id}": rebuild the gazetteer with npm run geo`);
      continue;
    }
    table.places.set(feature.id, feature);
    table.positions.set(feature.id, { line: i + 1, column: 1 });
  }
  return table;
}

/** What the story pipeline reads of a gazetteer feature, checked cheaply. */
function shapeProblem(
  f: { type?: unknown; id?: unknown; properties?: unknown },
  geometryType: string | null | undefined,
): string | undefined {
  if (f.type !== 'Feature') return 'not a GeoJSON Feature';
  if (typeof f.id !== 'string' || !KEBAB.test(f.id)) return 'id must be a kebab-case string';
  const p = f.properties as Record<string, unknown> | undefined;
  if (!p || typeof p.name !== 'string' || p.name === '') return 'name missing';
  if (typeof p.kind !== 'string' || !(p.kind in KINDS)) return `unknown kind ${String(p.kind)}`;
  if (!Array.isArray(p.aliases)) return 'aliases must be a list';
  if (p.confidence !== 'exact' && p.confidence !== 'approximate') return 'confidence missing';
  const source = p.source as Record<string, unknown> | undefined;
  if (!source || ['dataset', 'version', 'licence'].some((k) => typeof source[k] !== 'string'))
    return 'source must be {dataset, version, licence}';
  if (geometryType !== null && !GEOMETRY_TYPES.has(String(geometryType)))
    return 'geometry must be a GeoJSON geometry or null';
  return undefined;
}

/** Every name a reader might use for a place: English, Ukrainian, Russian and aliases. */
export function placeNames(feature: PlaceFeature): string[] {
  const p = feature.properties;
  return [p.name, p.name_uk, p.name_ru, ...p.aliases].filter((n): n is string => !!n);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
