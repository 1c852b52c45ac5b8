import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_GAZETTEER, SEED_ARTICLE, SEED_STORY } from './support.ts';

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command-line tools', { timeout: 30_000 }, () => {
  it('check:story prints a one-line summary and exits 0 for a good story', () => {
    const { code, stdout, stderr } = run(
      'scripts/checkStory.ts',
      SEED_STORY,
      '--gazetteer',
      FIXTURE_GAZETTEER,
    );
    expect(stderr).toBe('');
    expect(stdout).toBe(
      'stories/black-sea-call/story.md: ok (6 passages, 18 places, 30 mentions)\n',
    );
    expect(code).toBe(0);
  });

  it('check:story prints every problem as path:line:column and exits 1, no stack trace', () => {
    const { code, stdout, stderr } = run(
      'scripts/checkStory.ts',
      'tests/fixtures/stories/unsafe-content/story.md',
      `--gazetteer=${FIXTURE_GAZETTEER}`,
    );
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      expect(line).toMatch(/^tests\/fixtures\/stories\/unsafe-content\/story\.md:\d+:\d+: \S/);
    }
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
    expect(code).toBe(1);
  });

  it('check:story explains a missing folder', () => {
    const { code, stderr } = run('scripts/checkStory.ts', 'stories/no-such-story');
    expect(stderr).toBe(
      'stories/no-such-story:1:1: not found: give a story folder or its story.md\n',
    );
    expect(code).toBe(1);
  });

  it('suggest lists unlinked names in the raw article', () => {
    const { code, stdout } = run(
      'scripts/suggest.ts',
      SEED_ARTICLE,
      '--gazetteer',
      FIXTURE_GAZETTEER,
    );
    expect(stdout).toContain(
      'tests/fixtures/seed/article.txt:9:298: "Kyiv" → [Kyiv](place:kyiv) (city)\n',
    );
    expect(stdout).toContain(
      'tests/fixtures/seed/article.txt:1:135: "Reuters" (2 times): no place of this name\n',
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^tests\/fixtures\/seed\/article\.txt: 24 unlinked place names \(24 sure\), \d+ names not found$/,
    );
    expect(code).toBe(0);
  });

  it('suggest --json prints one object per mention, with offsets into the input', () => {
    const { code, stdout } = run('scripts/suggest.ts', SEED_ARTICLE, '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    const text = readFileSync(SEED_ARTICLE, 'utf8');
    expect(rows.length).toBeGreaterThanOrEqual(24);
    for (const row of rows) {
      expect(Object.keys(row).slice(0, 11)).toEqual([
        'text',
        'start',
        'end',
        'id',
        'name',
        'kind',
        'country',
        'lon',
        'lat',
        'bbox',
        'score',
      ]);
      expect(text.slice(row.start as number, row.end as number)).toBe(row.text);
    }
    expect(rows.find((r) => r.text === 'Kyiv')).toMatchObject({
      id: 'kyiv',
      kind: 'city',
      country: 'Ukraine',
    });
  });

  it('suggest --write drafts a story.md that check:story passes, and never overwrites without --force', () => {
    // The folder name is the story's slug: lowercase.
    const folder = join(mkdtempSync(join(tmpdir(), 'draft-')), 'grain-corridor');
    const article = 'tests/fixtures/suggest/black-sea-grain.txt';
    const first = run('scripts/suggest.ts', article, '--write', folder);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const draft = readFileSync(join(folder, 'story.md'), 'utf8');
    expect(draft).toContain(
      'title: "Grain ships hug Romania\'s coast as Danube ports come under drone fire"',
    );
    expect(draft).toContain('[Constanța](place:constanta)');
    expect(draft).toContain('\n  danube: # Danube (river)\n');
    const check = run('scripts/checkStory.ts', folder);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    const again = run('scripts/suggest.ts', article, '--write', folder);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /story\.md:1:1: already exists: choose another folder, or add --force to replace it\n$/,
    );
    expect(run('scripts/suggest.ts', article, '--write', folder, '--force').code).toBe(0);
  });
});
