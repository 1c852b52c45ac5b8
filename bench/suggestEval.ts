// Precision and recall of suggest against the hand-labelled articles in tests/fixtures/suggest:
// a mention is right when it overlaps a labelled one and names the same place. Labels of places
// the gazetteer lacks (id null) count only against a suggestion made there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaceTable } from '../src/story/gazetteer.ts';
import { suggest } from '../src/story/suggest/suggest.ts';

/** Written before the finder's rules (they were tuned on it), and after them, blind to its code. */
export const EVAL_SETS = {
  development: ['tests/fixtures/suggest'],
  'held out': ['tests/fixtures/suggest-holdout'],
};
export const ALL_SETS = Object.values(EVAL_SETS).flat();
export const EVAL_KINDS = ['country', 'region', 'city', 'sea', 'strait', 'river'] as const;

interface Label {
  text: string;
  start: number;
  end: number;
  id: string | null;
  kind: string | null;
}

export interface KindScore {
  kind: string;
  labels: number;
  suggested: number;
  right: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  articles: number;
  kinds: KindScore[];
  /** Every wrong or missed mention, for whoever tunes the finder. */
  errors: string[];
}

/**
 * `linked`: only the mentions a draft links (score ≥ CONFIDENT), what a journalist gets without
 * touching anything; `all`: every mention suggest offers, sure or not.
 */
export function evaluate(
  gazetteer: PlaceTable,
  dirs: readonly string[] = ALL_SETS,
  mode: 'linked' | 'all' = 'linked',
): Evaluation {
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(dir, f)),
  );
  const tally = new Map<
    string,
    { labels: number; suggested: number; rightP: number; rightR: number }
  >();
  const of = (kind: string) => {
    let t = tally.get(kind);
    if (!t) tally.set(kind, (t = { labels: 0, suggested: 0, rightP: 0, rightR: 0 }));
    return t;
  };
  const errors: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const labels = JSON.parse(
      readFileSync(file.replace(/\.txt$/, '.labels.json'), 'utf8'),
    ) as Label[];
    const mentions = suggest(text, gazetteer.places).mentions.filter(
      (m) => mode === 'all' || m.confident,
    );
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    for (const m of mentions) {
      const label = labels.find((l) => overlaps(l, m));
      of(m.kind).suggested++;
      if (label?.id === m.id) of(m.kind).rightP++;
      else
        errors.push(
          `${file}:${m.line}:${m.column} "${m.text}" → ${m.id} (${m.kind}), labelled ${label ? String(label.id) : 'no place'}`,
        );
    }
    for (const l of labels) {
      if (!l.id || !l.kind) continue;
      of(l.kind).labels++;
      if (mentions.some((m) => overlaps(l, m) && m.id === l.id)) of(l.kind).rightR++;
      else if (!mentions.some((m) => overlaps(l, m)))
        errors.push(`${file}: missed "${l.text}" at ${l.start} (${l.id})`);
    }
  }
  const kinds = [...tally.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, t]) => ({
      kind,
      labels: t.labels,
      suggested: t.suggested,
      right: t.rightR,
      precision: t.suggested === 0 ? 1 : t.rightP / t.suggested,
      recall: t.labels === 0 ? 1 : t.rightR / t.labels,
    }));
  return { articles: files.length, kinds, errors };
}
