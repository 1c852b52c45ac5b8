// zod issues → diagnostics at file:line:column, for any parsed source (YAML, JSON...) that can
// say where the value at a path is written. Messages name the path, e.g. `"source.url": ...`.
import type { z } from 'zod';
import type { Reporter } from './diagnostics.ts';

export interface IssueSource {
  /** The data that was validated. */
  root: unknown;
  /** File offset of the value at `path`, or of its key. */
  offsetOf: (path: readonly PropertyKey[], want: 'key' | 'value') => number;
  /** Put before every message, e.g. `front matter: `. */
  prefix: string;
}

export function reportIssues(
  issues: readonly z.core.$ZodIssue[],
  source: IssueSource,
  report: Reporter,
): void {
  for (const issue of issues) reportIssue(issue, [], source, report);
}

function reportIssue(
  issue: z.core.$ZodIssue,
  prefix: PropertyKey[],
  source: IssueSource,
  report: Reporter,
): void {
  const path = [...prefix, ...issue.path];
  const name = path.map(String).join('.');
  const at = (message: string, want: 'key' | 'value' = 'value') =>
    report.at(source.offsetOf(path, want), `${source.prefix}${message}`);

  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_union') &&
    valueAt(source.root, path) === undefined
  ) {
    at(`"${name}" is missing`);
    return;
  }
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const where = [...path, key];
        report.at(
          source.offsetOf(where, 'key'),
          `${source.prefix}unknown key "${where.map(String).join('.')}": remove it or check its spelling`,
        );
      }
      return;
    case 'invalid_key':
      at(`"${name}": ${issue.issues[0]?.message ?? issue.message}`, 'key');
      return;
    case 'invalid_union': {
      // Descend into the one alternative the author evidently meant (no unknown keys).
      const meant = issue.errors.filter((e) => !e.some((i) => i.code === 'unrecognized_keys'));
      if (meant.length === 1) {
        for (const inner of meant[0]!) reportIssue(inner, path, source, report);
      } else {
        at(`"${name}": ${lowerFirst(issue.message)}`);
      }
      return;
    }
    case 'invalid_type':
      at(`"${name}": ${lowerFirst(issue.message.replace(/^Invalid input: /, ''))}`);
      return;
    default:
      at(`"${name}": ${lowerFirst(issue.message)}`);
  }
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

export function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}
