import { spawnSync } from 'node:child_process';
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
      'tests/fixtures/seed/article.txt:9:298: "Kyiv" → [Kyiv](place:kyiv)\n',
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'tests/fixtures/seed/article.txt: 24 unlinked place names',
    );
    expect(code).toBe(0);
  });
});
