// The Markdown stage: the body's paragraphs → passages of typed inline nodes, with source offsets
// for diagnostics. Structural problems (unsafe content, missing ids) are reported here; checks
// that need the gazetteer or the front matter's meaning are the rules' (rules/).
import type { Nodes, PhrasingContent, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import remarkSmartypants from 'remark-smartypants';
import { KEBAB, slugify } from '../lib/ids.ts';
import type { Reporter } from './diagnostics.ts';
import { plain } from './plain.ts';
import type { Inline } from './schema.ts';

export interface ParsedMention {
  placeIds: string[];
  text: string;
  /** Offset of the `[` that opens the link. */
  offset: number;
  /** Offset of each place id inside the link target. */
  idOffsets: number[];
}

export interface ParsedPassage {
  id?: string;
  /** Offset of the `{#id}` marker, or of the paragraph's end when it has none. */
  idOffset: number;
  offset: number;
  inlines: Inline[];
  mentions: ParsedMention[];
  /** The passage as a reader sees it: inline text joined, id marker removed. */
  plainText: string;
}

const ID_MARKER = /[ \t\r\n]*\{#([^{}]*)\}[ \t\r\n]*$/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
const PLACE_LINK = /^place:/i;
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'to', 'for', 'by', 'at']);

const BLOCK_NAMES: Partial<Record<RootContent['type'], string>> = {
  heading: 'a heading (the title belongs in the front matter)',
  list: 'a list',
  blockquote: 'a block quote',
  code: 'a code block',
  thematicBreak: 'a horizontal rule',
  table: 'a table',
};

/** Curly quotes and apostrophes (SmartyPants), across links and emphasis; dashes and dots are
 * left as written. The remark plugin's transformer needs no processor: it is called on the tree. */
const smartQuotes = (remarkSmartypants as unknown as (o: object) => (tree: Root) => void)({
  dashes: false,
  ellipses: false,
});

/** A URL shown as the link's own text (an autolink) stays exactly as written. */
function smarten(tree: Root): void {
  const urls: { node: { value: string }; value: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') {
      const [only] = node.children;
      if (node.children.length === 1 && only?.type === 'text' && node.url.endsWith(only.value)) {
        urls.push({ node: only, value: only.value });
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  smartQuotes(tree);
  for (const { node, value } of urls) node.value = value;
}

/** One line of the story's own words (a title, a dek, a legend line) with curly quotes, as the
 * passages get them. */
export function typeset(value: string): string {
  const text = { type: 'text', value } as const;
  smartQuotes({ type: 'root', children: [{ type: 'paragraph', children: [text] }] });
  return text.value;
}

export function parseMarkdown(text: string): Root {
  const tree = fromMarkdown(text, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  smarten(tree);
  return tree;
}

/** The body's passages, one per paragraph; any other block is reported. */
export function parsePassages(tree: Root, text: string, report: Reporter): ParsedPassage[] {
  const passages: ParsedPassage[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    const offset = start(node);
    if (node.type === 'paragraph') {
      passages.push(parseParagraph(node, text, report));
    } else if (node.type === 'html') {
      report.at(offset, `raw HTML is not allowed: remove ${quote(node.value)}`);
    } else if (node.type === 'definition') {
      report.at(offset, 'reference-style links are not supported: write [label](place:id)');
    } else {
      const name = BLOCK_NAMES[node.type] ?? `a ${node.type}`;
      report.at(
        offset,
        `only paragraphs are allowed in a story, found ${name}: write it as a paragraph ending with {#id}`,
      );
    }
  }
  return passages;
}

function parseParagraph(node: Paragraph, text: string, report: Reporter): ParsedPassage {
  const children = [...node.children];
  const passage: ParsedPassage = {
    offset: start(node),
    idOffset: end(node),
    inlines: [],
    mentions: [],
    plainText: '',
  };

  const last = children.at(-1);
  const marker = last?.type === 'text' ? ID_MARKER.exec(last.value) : null;
  if (last?.type === 'text' && marker) {
    const id = marker[1]!;
    const braceIndex = marker.index + marker[0].indexOf('{');
    const guess = end(last) - (last.value.length - braceIndex);
    passage.idOffset = text.startsWith('{#', guess) ? guess : start(last);
    if (id === '') {
      report.at(
        passage.idOffset,
        'empty passage id: write one inside the braces, e.g. {#annexation}',
      );
    } else if (!KEBAB.test(id)) {
      report.at(
        passage.idOffset + 2,
        `invalid passage id "${id}": use lowercase letters, digits and hyphens, e.g. {#${slugify(id) || 'passage-1'}}`,
      );
    } else {
      passage.id = id;
    }
    children[children.length - 1] = { ...last, value: last.value.slice(0, marker.index) };
  }

  passage.inlines = convert(children, text, report, passage.mentions);
  passage.plainText = plain(passage.inlines);
  if (!marker) {
    const words = passage.plainText.split(/\s+/).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
    const suggestion = slugify(words.slice(0, 3).join(' ')) || 'passage-1';
    report.at(passage.idOffset, `passage has no id: end the paragraph with {#${suggestion}}`);
  }
  return passage;
}

function convert(
  nodes: PhrasingContent[],
  text: string,
  report: Reporter,
  mentions: ParsedMention[],
): Inline[] {
  const out: Inline[] = [];
  const pushText = (value: string) => {
    const prev = out.at(-1);
    if (prev?.type === 'text') prev.text += value;
    else out.push({ type: 'text', text: value });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        const stray = /\{#[^{}]*\}/.exec(node.value);
        if (stray) {
          // Found in the source: SmartyPants has shortened "--" and "..." in the value.
          report.at(
            text.indexOf(stray[0], start(node)),
            'a passage id must come at the very end of its paragraph',
          );
        }
        pushText(normalise(node.value));
        break;
      }
      case 'inlineCode':
        pushText(node.value);
        break;
      case 'break':
        pushText(' ');
        break;
      case 'html':
        report.at(start(node), `raw HTML is not allowed: remove ${quote(node.value)}`);
        // Kept as literal text so it can never become markup.
        pushText(node.value);
        break;
      case 'emphasis':
      case 'strong':
        out.push({ type: node.type, children: convert(node.children, text, report, mentions) });
        break;
      case 'link': {
        const label = normalise(labelText(node.children, report)).trim();
        const urlOffset = linkTargetOffset(node, text);
        if (PLACE_LINK.test(node.url)) {
          const mention = placeMention(node.url, urlOffset, start(node), label, report);
          if (mention) {
            mentions.push(mention);
            out.push({ type: 'mention', placeIds: mention.placeIds, text: label });
          } else if (label) {
            pushText(label);
          }
        } else if (!SAFE_LINK.test(node.url) || !isUrl(node.url)) {
          report.at(
            urlOffset,
            `unsafe link ${quote(node.url)}: only place:, https:, http: and mailto: links are allowed`,
          );
          pushText(label);
        } else if (!label) {
          report.at(start(node), emptyLabel());
        } else {
          out.push({ type: 'link', href: node.url, text: label });
        }
        break;
      }
      case 'linkReference':
        report.at(start(node), 'reference-style links are not supported: write [label](place:id)');
        pushText(normalise(labelText(node.children, report)));
        break;
      case 'image':
      case 'imageReference':
        report.at(start(node), 'images are not allowed in story text: remove it');
        break;
      default:
        report.at(start(node), `unsupported Markdown (${node.type}): remove it`);
    }
  }
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

function placeMention(
  url: string,
  urlOffset: number,
  linkOffset: number,
  label: string,
  report: Reporter,
): ParsedMention | undefined {
  if (!label) {
    report.at(linkOffset, emptyLabel());
    return undefined;
  }
  const ids = url.slice('place:'.length).split(',');
  const placeIds: string[] = [];
  const idOffsets: number[] = [];
  let cursor = urlOffset + 'place:'.length;
  for (const raw of ids) {
    const lead = raw.length - raw.trimStart().length;
    const id = raw.trim();
    if (id === '') {
      report.at(cursor, 'place link with an empty place id: write [label](place:id) or place:a,b');
      return undefined;
    }
    placeIds.push(id);
    idOffsets.push(cursor + lead);
    cursor += raw.length + 1;
  }
  return { placeIds, text: label, offset: linkOffset, idOffsets };
}

function emptyLabel(): string {
  return 'link with an empty label: write the words readers see between [ and ]';
}

/** A link label as plain text; anything unsafe inside it is reported. */
function labelText(nodes: PhrasingContent[], report: Reporter): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'html') {
      report.at(start(node), `raw HTML is not allowed: remove ${quote(node.value)}`);
      out += node.value;
    } else if (node.type === 'image' || node.type === 'imageReference') {
      report.at(start(node), 'images are not allowed in story text: remove it');
    } else if (node.type === 'break') {
      out += ' ';
    } else if ('value' in node) {
      out += node.value;
    } else if ('children' in node) {
      out += labelText(node.children, report);
    }
  }
  return out;
}

/** Offset of the link destination, found after the label's closing `](`. */
function linkTargetOffset(
  node: Extract<PhrasingContent, { children: unknown }>,
  text: string,
): number {
  const from = node.children.length > 0 ? end(node.children.at(-1)!) : start(node) + 1;
  const paren = text.indexOf('(', from);
  if (paren < 0 || paren > end(node)) return start(node);
  let i = paren + 1;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '<') i++;
  return i;
}

function isUrl(href: string): boolean {
  try {
    new URL(href);
    return true;
  } catch {
    return false;
  }
}

/** Soft line breaks inside a paragraph read as spaces. */
function normalise(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

function quote(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line);
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}
