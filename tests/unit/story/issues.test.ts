import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDiagnostic, Reporter } from '../../../src/story/diagnostics.ts';
import { reportIssues } from '../../../src/story/issues.ts';

// A JSON file, one key per line: enough to locate a key or its value by searching the text.
const TEXT = `{
  "name": 7,
  "size": { "width": "wide" },
  "colour": "red"
}`;

const schema = z.strictObject({
  name: z.string(),
  size: z.union([
    z.strictObject({ width: z.number(), height: z.number() }),
    z.strictObject({ radius: z.number() }),
  ]),
  weight: z.number(),
});

function messages(text: string): string[] {
  const report = new Reporter('data.json', text);
  const result = schema.safeParse(JSON.parse(text));
  reportIssues(
    result.error!.issues,
    {
      root: JSON.parse(text),
      offsetOf: (path, want) => {
        const key = text.indexOf(`"${String(path.at(-1))}"`);
        if (key < 0) return 0;
        return want === 'key' ? key : text.indexOf(':', key) + 2;
      },
      prefix: 'data: ',
    },
    report,
  );
  return report.diagnostics.map(formatDiagnostic);
}

describe('zod issues as diagnostics', () => {
  it('names each path, at the value, the key or the nearest parent, in the schema’s order', () => {
    expect(messages(TEXT)).toEqual([
      'data.json:2:11: data: "name": expected string, received number',
      // The union's first alternative is the one meant: it has no unknown key.
      'data.json:3:22: data: "size.width": expected number, received string',
      'data.json:1:1: data: "size.height" is missing',
      'data.json:1:1: data: "weight" is missing',
      'data.json:4:3: data: unknown key "colour": remove it or check its spelling',
    ]);
  });
});
