import { describe, expect, it } from 'vitest';
import { listStories } from '../../../src/story/load.ts';
import { featureBounds } from '../../../src/story/resolve.ts';
import { fixtureGazetteer, loadFixture } from './support.ts';

describe('resolve', () => {
  it('uses a story-local place, with its label, camera and layer', () => {
    const { story, diagnostics } = loadFixture('local-incident');
    expect(diagnostics).toEqual([]);
    expect(story!.places['ferry-fire']).toMatchObject({
      label: 'Ferry fire, 2 May 2024',
      name: 'Ferry fire',
      kind: 'incident',
      confidence: 'approximate',
      uncertainty_m: 5000,
      display: 'map',
      passages: ['fire'],
    });
    expect(story!.passages[0]!.view).toEqual({
      layers: ['ferry-fire', 'black-sea'],
      camera: { center: [31.5, 45], zoom: 7 },
      projection: 'mercator',
      insets: [],
      cards: [],
    });
    expect(story!.layers.features.find((f) => f.id === 'ferry-fire')).toEqual({
      type: 'Feature',
      id: 'ferry-fire',
      geometry: { type: 'Point', coordinates: [31.2, 45.1] },
      properties: {
        id: 'ferry-fire',
        label: 'Ferry fire, 2 May 2024',
        kind: 'incident',
        status: undefined,
        display: 'map',
        confidence: 'approximate',
        uncertainty_m: 5000,
      },
    });
  });

  it('keeps the story view for a passage with no places', () => {
    const { story } = loadFixture('local-incident');
    expect(story!.passages[1]!.view.camera).toEqual(story!.initialView.camera);
    expect(story!.passages[1]!.placeIds).toEqual([]);
  });

  it('fits cameras with Turf, widening approximate points by their uncertainty', () => {
    const drone = fixtureGazetteer.places.get('drone-downing')!;
    const [[w, s], [e, n]] = featureBounds(drone);
    // 25 km is ~0.225 degrees of latitude.
    expect(n - s).toBeCloseTo(0.449, 2);
    expect(e - w).toBeGreaterThan(n - s);
    expect(featureBounds(fixtureGazetteer.places.get('crimea')!)).toEqual([
      [32.5, 44.4],
      [36.6, 46.1],
    ]);
  });

  it('gives exact points a centre and zoom, areas their bounds', () => {
    const { story } = loadFixture('minimal');
    expect(story!.places.kyiv!.camera).toEqual({ center: [30.5238, 50.4547], zoom: 9 });
    expect(story!.places.crimea!.camera).toEqual({ bounds: story!.places.crimea!.bounds });
    // Two places: the union of their bounds.
    expect(story!.passages[0]!.view.camera).toEqual({
      bounds: [
        [30.5238, 44.4],
        [36.6, 50.4547],
      ],
    });
  });
});

describe('listStories', () => {
  it('finds the story folders', () => {
    expect(listStories()).toContain('stories/black-sea-call');
    expect(listStories('tests/fixtures/stories')).toContain('tests/fixtures/stories/minimal');
    expect(listStories('no-such-folder')).toEqual([]);
  });
});
