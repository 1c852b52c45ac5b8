// The targets for suggest, on the hand-labelled articles (tests/fixtures/suggest and
// suggest-holdout): precision ≥ 0.9 and recall ≥ 0.85 per kind, over the links a draft makes.
import { describe, expect, it } from 'vitest';
import { ALL_SETS, EVAL_KINDS, evaluate } from '../../../bench/suggestEval.ts';
import { loadPlaces } from '../../../src/story/load.ts';
import { committed, REAL_GAZETTEER } from './support.ts';

const gazetteer = loadPlaces(committed(REAL_GAZETTEER), { what: 'gazetteer' });

describe('suggest against hand-labelled articles', () => {
  const result = evaluate(gazetteer, ALL_SETS, 'linked');

  it('reads at least 14 articles with at least 12 labels of each kind', () => {
    expect(result.articles).toBeGreaterThanOrEqual(14);
    for (const kind of EVAL_KINDS) {
      expect(result.kinds.find((k) => k.kind === kind)?.labels, kind).toBeGreaterThanOrEqual(12);
    }
  });

  it.each(EVAL_KINDS)('%s: precision ≥ 0.9 and recall ≥ 0.85', (kind) => {
    const score = result.kinds.find((k) => k.kind === kind)!;
    const errors = result.errors.join('\n');
    expect(score.precision, errors).toBeGreaterThanOrEqual(0.9);
    expect(score.recall, errors).toBeGreaterThanOrEqual(0.85);
  });
});
