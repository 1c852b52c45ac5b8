// The view images (src/map/build/images.ts): how long a story's take to draw and rasterise, the
// world tiles read as the build reads them, and how many bytes each image is in the built site.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { attribution } from '../scripts/build.ts';
import { openBasemap } from '../scripts/tiles.ts';
import { storyImages } from '../src/map/build/images.ts';
import { mapData } from '../src/map/draw/mapData.ts';
import { DEFAULT_GAZETTEER, loadPlaces, loadStory } from '../src/story/load.ts';

export interface ImageResults {
  /** Images per story: the first view's and each passage's, SVG and PNG each. */
  images: number;
  /** Drawing and rasterising every image of the story, once per run. */
  storyMs: number[];
  png: number[];
  /** Gzipped, as the site serves them. */
  svgGz: number[];
}

export async function measureImages(opts: {
  root: string;
  site: string;
  slug: string;
  runs: number;
}): Promise<ImageResults> {
  const { root, site, slug, runs } = opts;
  const gazetteer = loadPlaces(DEFAULT_GAZETTEER, { cwd: root, what: 'gazetteer' });
  const { story } = loadStory(join(root, 'stories', slug), { cwd: root, gazetteer });
  if (!story) throw new Error(`stories/${slug}: does not load`);
  const reader = await openBasemap(join(root, 'public'));
  const data = mapData(story);
  const credits = attribution(story, reader.attribution.split(' · '));
  const storyMs: number[] = [];
  let images = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    images = (await storyImages(story, data, reader, credits)).length;
    storyMs.push(performance.now() - start);
  }
  const dir = join(site, slug, 'images');
  const files = readdirSync(dir);
  const read = (f: string) => readFileSync(join(dir, f));
  return {
    images,
    storyMs,
    png: files.filter((f) => f.endsWith('.png')).map((f) => read(f).length),
    svgGz: files
      .filter((f) => f.endsWith('.svg'))
      .map((f) => gzipSync(read(f), { level: 9 }).length),
  };
}
