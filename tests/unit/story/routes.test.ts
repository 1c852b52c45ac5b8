import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distanceKm, type LonLat } from '../../../src/lib/geometry.ts';
import { checkStory } from '../../../src/story/check.ts';
import { parsePlaces } from '../../../src/story/gazetteer.ts';
import { formatDiagnostic, loadPlaces, loadStory } from '../../../src/story/load.ts';
import { greatCircleLine, MAX_SEGMENT_KM, waypointOf } from '../../../src/story/resolve.ts';
import {
  lineKindChoices,
  resolvedStorySchema,
  type ResolvedStory,
} from '../../../src/story/schema.ts';
import { FIXTURE_GAZETTEER, fixtureGazetteer, REAL_GAZETTEER } from './support.ts';

const LINES_DEMO = 'tests/fixtures/stories-lines/lines-demo';

/** A story whose front matter lists `places` (indented two spaces, from line 7) and whose one
 * passage links the route `corridor`. */
function check(places: string, text = 'The [corridor](place:corridor) opened. {#opened}') {
  const source = `---\ntitle: T\nsource: { outlet: O }\npublished: 2024-06-25\nbyline: B\nplaces:\n${places}---\n\n${text}\n`;
  return checkStory({ file: 'story.md', source, slug: 'routes', gazetteer: fixtureGazetteer });
}
const messages = (result: ReturnType<typeof check>) => result.diagnostics.map(formatDiagnostic);

const point = (id: string): LonLat => waypointOf(fixtureGazetteer.places.get(id)!);
const sumOfLegs = (points: LonLat[]) =>
  points.slice(1).reduce((km, p, i) => km + distanceKm(points[i]!, p), 0);
const has = (line: number[][], [lon, lat]: LonLat) =>
  line.some(([x, y]) => Math.abs(x! - lon) < 1e-9 && Math.abs(y! - lat) < 1e-9);

describe('routes drawn through waypoints: errors', () => {
  it('suggests a place for an unknown waypoint id', () => {
    expect(
      messages(check('  corridor:\n    route: [kyiv, sevastapol]\n    label: Corridor\n')),
    ).toEqual([
      'story.md:8:19: front matter: route "corridor": waypoint 2: unknown place "sevastapol" — did you mean "sevastopol" (city)?',
    ]);
  });

  it('says what to write for an unknown waypoint with no close match', () => {
    expect(
      messages(check('  corridor:\n    route: [atlantis, kyiv]\n    label: Corridor\n')),
    ).toEqual([
      `story.md:8:13: front matter: route "corridor": waypoint 1: unknown place "atlantis": use an id from the gazetteer or the story's places.geojson, or write the waypoint as [longitude, latitude]`,
    ]);
  });

  it('needs at least two waypoints', () => {
    expect(messages(check('  corridor:\n    route: [kyiv]\n    label: Corridor\n'))).toEqual([
      'story.md:8:12: front matter: "places.corridor.route": a route needs at least two waypoints: add the place id or [longitude, latitude] of its other end',
    ]);
  });

  it('rejects a coordinate pair out of range, or not a pair', () => {
    expect(
      messages(
        check('  corridor:\n    route: [kyiv, [30.9, 95], [1, 2, 3]]\n    label: Corridor\n'),
      ),
    ).toEqual([
      'story.md:8:19: front matter: "places.corridor.route.1": [30.9, 95] is not a [longitude, latitude] pair: longitude must be within ±180 and latitude within ±90',
      'story.md:8:31: front matter: "places.corridor.route.2": a waypoint is a place id or a [longitude, latitude] pair',
    ]);
  });

  it('draws a route only as a line kind of the catalogue, as the format documents', () => {
    expect(lineKindChoices()).toBe('river, route, crossing or front');
    expect(readFileSync('docs/story-format.md', 'utf8')).toContain(
      `kind must be ${lineKindChoices()}`,
    );
    expect(
      messages(
        check('  corridor:\n    route: [kyiv, moscow]\n    label: Corridor\n    kind: city\n'),
      ),
    ).toEqual([
      'story.md:10:11: front matter: "places.corridor.kind": a route is drawn as a line: kind must be river, route, crossing or front',
    ]);
  });

  it('refuses the id of a gazetteer place or a story place', () => {
    expect(
      messages(
        check(
          '  kyiv:\n    route: [moscow, sevastopol]\n    label: Kyiv\n',
          '[Kyiv](place:kyiv). {#one}',
        ),
      ),
    ).toEqual([
      `story.md:7:3: front matter: route "kyiv": a place with this id is already in ${FIXTURE_GAZETTEER}: give the route another id`,
    ]);
    const local = parsePlaces(
      '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "corridor", "geometry": {"type": "Point", "coordinates": [31, 45]}, "properties": {"name": "Corridor", "kind": "site", "source": {"dataset": "D", "version": "1", "licence": "L"}, "confidence": "exact"}}]}',
      'stories/x/places.geojson',
    );
    const result = checkStory({
      file: 'story.md',
      source:
        '---\ntitle: T\nsource: { outlet: O }\npublished: 2024-06-25\nbyline: B\nplaces:\n  corridor:\n    route: [kyiv, moscow]\n    label: Corridor\n---\n\nThe [corridor](place:corridor). {#one}\n',
      slug: 'routes',
      gazetteer: fixtureGazetteer,
      local,
    });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'story.md:7:3: front matter: route "corridor": a place with this id is already in stories/x/places.geojson: give the route another id',
    ]);
  });

  it('needs a label', () => {
    expect(messages(check('  corridor:\n    route: [kyiv, moscow]\n'))).toEqual([
      'story.md:8:5: front matter: route "corridor": a route needs a label, the name readers see (it has no name in the gazetteer): add label: under it',
    ]);
  });

  it('keeps the route-only keys for routes', () => {
    expect(
      messages(
        check('  kyiv:\n    kind: route\n    uncertainty_m: 500\n', '[Kyiv](place:kyiv). {#one}'),
      ),
    ).toEqual([
      `story.md:8:5: front matter: "places.kyiv.kind" is only for a route: kyiv's kind comes from ${FIXTURE_GAZETTEER}; remove it, or add route: [...] to draw a line through waypoints`,
      `story.md:9:5: front matter: "places.kyiv.uncertainty_m" is only for a route: kyiv's uncertainty comes from ${FIXTURE_GAZETTEER}; remove it, or add route: [...] to draw a line through waypoints`,
    ]);
  });

  it('rejects two waypoints in a row at the same point', () => {
    expect(
      messages(check('  corridor:\n    route: [kyiv, [30.5238, 50.4547]]\n    label: Corridor\n')),
    ).toEqual([
      'story.md:8:19: front matter: route "corridor": waypoint 2 is at the same point as waypoint 1: remove one of them',
    ]);
  });

  it('does not take another route as a waypoint', () => {
    expect(
      messages(
        check(
          '  corridor:\n    route: [kyiv, moscow]\n    label: Corridor\n  onward:\n    route: [corridor, sevastopol]\n    label: Onward\n',
          'The [corridor](place:corridor) and [onward](place:onward). {#one}',
        ),
      ),
    ).toEqual([
      'story.md:11:13: front matter: route "onward": waypoint 1: "corridor" is another route of this story: use its waypoints, a place id or a [longitude, latitude] pair',
    ]);
  });

  it('reports a broken route once, not again where the text links it', () => {
    const result = check('  corridor:\n    route: [kyiv, [200, 0]]\n    label: Corridor\n');
    expect(messages(result)).toHaveLength(1);
    expect(result.story).toBeUndefined();
  });
});

describe('routes drawn through waypoints: geometry', () => {
  const waypoints: LonLat[] = [point('kyiv'), [31.5, 46.5], point('sevastopol')];
  const result = check(
    '  corridor:\n    route: [kyiv, [31.5, 46.5], sevastopol]\n    label: Grain corridor\n',
  );
  const story = result.story!;
  const feature = story?.layers.features.find((f) => f.id === 'corridor');
  const line = feature?.geometry.type === 'LineString' ? feature.geometry.coordinates : [];

  it('resolves as a place and a layer feature, with the default kind and confidence', () => {
    expect(result.diagnostics).toEqual([]);
    expect(story.places.corridor).toMatchObject({
      label: 'Grain corridor',
      name: 'Grain corridor',
      kind: 'route',
      confidence: 'approximate',
      display: 'map',
      passages: ['opened'],
      source: {
        dataset: 'Drawn by the story through its waypoints',
        version: '2024-06-25',
        licence: 'The story’s own',
      },
    });
    expect(feature!.properties).toMatchObject({ kind: 'route', label: 'Grain corridor' });
  });

  it('starts at the first waypoint, ends at the last and passes through each', () => {
    expect(line[0]).toEqual([30.5238, 50.4547]);
    expect(line.at(-1)).toEqual([33.5213, 44.608]);
    for (const waypoint of waypoints) expect(has(line, waypoint)).toBe(true);
  });

  it('is densified along great circles, rounded to 5 decimals', () => {
    expect(line.length).toBeGreaterThan(waypoints.length + 4);
    for (let i = 1; i < line.length; i++) {
      expect(distanceKm(line[i - 1] as LonLat, line[i] as LonLat)).toBeLessThanOrEqual(
        MAX_SEGMENT_KM + 0.01,
      );
    }
    for (const [lon, lat] of line) {
      expect(Math.round(lon! * 1e5) / 1e5).toBe(lon);
      expect(Math.round(lat! * 1e5) / 1e5).toBe(lat);
    }
  });

  it('has the length of its legs', () => {
    const legs = sumOfLegs(waypoints);
    expect(Math.abs(story.places.corridor!.length_km! - legs) / legs).toBeLessThan(0.05);
  });

  it('takes kind, confidence and uncertainty from the story', () => {
    const front = check(
      '  corridor:\n    route: [[33, 47], [35, 47.5]]\n    label: Line of contact\n    kind: front\n    confidence: exact\n    uncertainty_m: 5000\n',
    ).story!;
    expect(front.places.corridor).toMatchObject({
      kind: 'front',
      confidence: 'exact',
      uncertainty_m: 5000,
    });
  });

  it('stands a waypoint for a place at its point, label point or the centre of its box', () => {
    expect(point('moscow')).toEqual([37.6178, 55.752]);
    expect(point('ukraine')).toEqual([31.2, 49]);
    // The fixture's Crimea has no label point: the centre of [[32.5, 44.4], [36.6, 46.1]].
    expect(point('crimea')).toEqual([34.55, 45.25]);
  });

  it('curves poleward between two points on one parallel, as a great circle does', () => {
    const arc = greatCircleLine([
      [0, 50],
      [40, 50],
    ]);
    expect(arc.length).toBeGreaterThan(25);
    expect(Math.max(...arc.map(([, lat]) => lat))).toBeGreaterThan(51.5);
  });

  it('keeps longitudes continuous across the antimeridian', () => {
    const arc = greatCircleLine([
      [170, -17],
      [-170, -15],
    ]);
    expect(arc[0]).toEqual([170, -17]);
    expect(arc.at(-1)).toEqual([190, -15]);
    for (let i = 1; i < arc.length; i++) {
      expect(arc[i]![0] - arc[i - 1]![0]).toBeGreaterThan(0);
      expect(arc[i]![0] - arc[i - 1]![0]).toBeLessThan(2);
    }
  });
});

describe('the lines demo story', () => {
  const result = loadStory(LINES_DEMO, {
    gazetteer: loadPlaces(REAL_GAZETTEER, { what: 'gazetteer' }),
  });
  const story = result.story!;
  const layer = (id: string) => story.layers.features.find((f) => f.id === id);

  it('passes against the real gazetteer', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const json: unknown = JSON.parse(JSON.stringify(story));
    const parsed: ResolvedStory = resolvedStorySchema.parse(json);
    expect(parsed.slug).toBe('lines-demo');
  });

  it('draws a river, a crossing and a route as lines, with their lengths', () => {
    const lines = story.layers.features.filter((f) => f.geometry.type === 'LineString');
    expect(lines.map((f) => [f.id, f.properties.kind])).toEqual([
      ['kerch-bridge', 'crossing'],
      ['dnipro-lower', 'river'],
      ['kyiv-moscow', 'route'],
    ]);
    // Published: 19 km, approaches included.
    const bridge = story.places['kerch-bridge']!.length_km!;
    expect(bridge).toBeGreaterThanOrEqual(15);
    expect(bridge).toBeLessThanOrEqual(22);
    const route = story.places['kyiv-moscow']!;
    const crowFlies = distanceKm([30.5238, 50.4547], [37.6178, 55.752]);
    expect(Math.abs(route.length_km! - crowFlies) / crowFlies).toBeLessThan(0.01);
    expect(route).toMatchObject({ kind: 'route', label: 'Kyiv to Moscow, as the crow flies' });
    expect(story.places['dnipro-lower']!.length_km).toBeGreaterThan(250);
    expect(layer('kyiv-moscow')!.geometry.coordinates.length).toBeGreaterThan(7);
  });
});
