// Passages: there is at least one, each id is used once, and each front-matter entry has one.
import type { Reporter } from '../diagnostics.ts';
import { frontMatterOffset, type CheckedFrontMatter } from '../frontMatter.ts';
import type { ParsedStory } from '../parse.ts';

export function checkPassages(parsed: ParsedStory, fm: CheckedFrontMatter, report: Reporter): void {
  if (parsed.passages.length === 0 && parsed.bodyRead) {
    report.at(
      parsed.text.length,
      'story has no passages: write paragraphs, each ending with {#id}',
    );
  }
  const seen = new Map<string, number>();
  for (const passage of parsed.passages) {
    if (passage.id === undefined) continue;
    const first = seen.get(passage.id);
    if (first !== undefined) {
      report.at(
        passage.idOffset,
        `duplicate passage id "${passage.id}" (also on line ${report.position(first).line}): give each paragraph its own id`,
      );
    } else {
      seen.set(passage.id, passage.idOffset);
    }
    if (passage.plainText.trim() === '') {
      report.at(
        passage.idOffset,
        `passage "${passage.id}" is empty: write its text before {#${passage.id}} or delete it`,
      );
    }
  }
  for (const id of Object.keys(fm.passages ?? {})) {
    if (!seen.has(id)) {
      report.at(
        frontMatterOffset(fm.fm!, ['passages', id], 'key'),
        `front matter: passage "${id}" matches no paragraph: end a paragraph with {#${id}} or remove this entry`,
      );
    }
  }
}
