// story.md → its front matter (frontMatter.ts) and its passages (markdown.ts). Only the split
// between the two is decided here: a missing or unclosed front matter.
import { Reporter, type Diagnostic } from './diagnostics.ts';
import { parseFrontMatter, type ParsedFrontMatter } from './frontMatter.ts';
import { parseMarkdown, parsePassages, type ParsedPassage } from './markdown.ts';

export interface ParsedStory {
  file: string;
  text: string;
  frontMatter?: ParsedFrontMatter;
  passages: ParsedPassage[];
  /** False when the body was not read (the front matter never closed). */
  bodyRead: boolean;
  diagnostics: Diagnostic[];
}

export function parseStory(text: string, file: string): ParsedStory {
  const report = new Reporter(file, text);
  const result: ParsedStory = {
    file,
    text,
    passages: [],
    bodyRead: true,
    diagnostics: report.diagnostics,
  };
  const tree = parseMarkdown(text);
  const first = tree.children[0];

  if (first?.type === 'yaml') {
    result.frontMatter = parseFrontMatter(first.value, text, report);
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    // An unclosed block would otherwise show up as a rule and stray paragraphs: report only this.
    report.at(0, 'front matter is not closed: add a line with --- after it');
    result.bodyRead = false;
    return result;
  } else {
    report.at(
      0,
      'missing front matter: start the file with a --- line, then title, source, published, byline and places, then a --- line',
    );
  }

  result.passages = parsePassages(tree, text, report);
  return result;
}
