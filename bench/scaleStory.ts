// A generated story at the scale the issue asks to hold: 200 passages naming 300 distinct places
// of the world gazetteer (countries, regions, cities, seas, straits, rivers), each place named at
// least twice. Deterministic: the same gazetteer gives the same story.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlaceTable } from '../src/story/gazetteer.ts';
import type { PlaceFeature } from '../src/story/schema.ts';

export const SCALE = { passages: 200, places: 300 };
const MIX: [string, number][] = [
  ['country', 80],
  ['region', 50],
  ['city', 120],
  ['sea', 20],
  ['strait', 15],
  ['river', 15],
];

interface Policy {
  statuses: Record<string, { legend: string; description: string; style: string }>;
}

/** Writes `<root>/<slug>/story.md`; returns its folder. */
export function writeScaleStory(gazetteer: PlaceTable, root: string, slug = 'world-scale'): string {
  const byRank = (a: PlaceFeature, b: PlaceFeature) =>
    rankOf(a) - rankOf(b) || a.id.localeCompare(b.id);
  const all = [...gazetteer.places.values()].filter((f) => f.geometry && !f.properties.dates);
  const places = MIX.flatMap(([kind, n]) =>
    all
      .filter((f) => f.properties.kind === kind)
      .sort(byRank)
      .slice(0, n),
  );
  if (places.length !== SCALE.places) throw new Error(`scale story: only ${places.length} places`);
  const policyPath = join(dirname(gazetteer.file), 'policy.json');
  const policy = JSON.parse(readFileSync(policyPath, 'utf8')) as Policy;
  const statuses = [
    ...new Set(places.map((p) => p.properties.status).filter((s): s is string => !!s)),
  ];
  const link = (f: PlaceFeature) => `[${f.properties.name}](place:${f.id})`;
  const passages = Array.from({ length: SCALE.passages }, (_, i) => {
    const [a, b, c] = [0, 1, 2].map((k) => places[(i * 3 + k) % places.length]!);
    return `Passage ${i + 1} reports from ${link(a!)}, where officials met counterparts from ${link(b!)} and ${link(c!)} to discuss the shipping lanes. {#passage-${i + 1}}`;
  });
  const fm = [
    '---',
    'title: A generated story naming three hundred places of the world',
    'source:',
    '  outlet: Bench',
    'published: 2026-12-01',
    'byline: Bench',
    'statuses:',
    ...statuses.flatMap((s) => [
      `  ${s}:`,
      `    legend: ${JSON.stringify(policy.statuses[s]?.legend ?? s)}`,
      `    description: ${JSON.stringify(policy.statuses[s]?.description ?? s)}`,
      `    style: ${policy.statuses[s]?.style ?? 'solid'}`,
    ]),
    'places:',
    ...places.map((p) => `  ${p.id}:`),
    '---',
    '',
  ];
  const folder = join(root, slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'story.md'), `${fm.join('\n')}\n${passages.join('\n\n')}\n`);
  return folder;
}

function rankOf(f: PlaceFeature): number {
  return Number((f.properties as { rank?: number }).rank ?? Infinity);
}
