// The front matter stage: its YAML parsed with positions, then checked against the schema. What
// is valid is kept in parts, so the rules can still check a story whose front matter is not.
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Reporter } from './diagnostics.ts';
import { lowerFirst, reportIssues } from './issues.ts';
import { frontMatterSchema, type FrontMatter } from './schema.ts';

export interface ParsedFrontMatter {
  doc: Document;
  /** Offset in the file of the first character of the YAML. */
  offset: number;
  /** The YAML as plain data; undefined when it did not parse. */
  value: unknown;
}

/** The front matter as far as it is valid: whole when it all passed, else its usable parts. */
export interface CheckedFrontMatter {
  full?: FrontMatter;
  places?: FrontMatter['places'];
  passages?: FrontMatter['passages'];
  views?: { path: PropertyKey[]; layers: string[] }[];
  /** Undefined when the front matter has none; null when they are there but invalid. */
  statuses?: FrontMatter['statuses'] | null;
  fm?: ParsedFrontMatter;
}

/** `yaml` is the block between the `---` lines of `text`, the whole file. */
export function parseFrontMatter(yaml: string, text: string, report: Reporter): ParsedFrontMatter {
  const open = /^---[ \t]*\r?\n/.exec(text);
  const offset = open && text.startsWith(yaml, open[0].length) ? open[0].length : 0;
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    // Later YAML errors are usually knock-on effects of the first one.
    report.at(
      offset + error.pos[0],
      `front matter is not valid YAML: ${lowerFirst(error.message)}`,
    );
    return { doc, offset, value: undefined };
  }
  return { doc, offset, value: doc.toJS() ?? null };
}

/** File offset of a front-matter node: the value at `path`, or its key, or the nearest parent. */
export function frontMatterOffset(
  fm: ParsedFrontMatter,
  path: readonly PropertyKey[],
  want: 'key' | 'value' = 'value',
): number {
  let node: unknown = fm.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]);
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => String(isScalar(p.key) ? p.key.value : p.key) === segment,
      );
      if (!pair) break;
      const keyOffset = rangeStart(pair.key) ?? offset;
      const isNull = isScalar(pair.value) && pair.value.value === null;
      const valueOffset = isNull ? undefined : rangeStart(pair.value);
      if ((i === path.length - 1 && want === 'key') || valueOffset === undefined) {
        offset = keyOffset;
        break;
      }
      node = pair.value;
      offset = valueOffset;
    } else if (isSeq(node) && node.items[Number(segment)] !== undefined) {
      node = node.items[Number(segment)];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return fm.offset + offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}

export function checkFrontMatter(fm: ParsedFrontMatter, report: Reporter): CheckedFrontMatter {
  if (fm.value === undefined) return { fm };
  if (typeof fm.value !== 'object' || fm.value === null || Array.isArray(fm.value)) {
    report.at(
      fm.offset,
      'front matter must be "key: value" lines (title, source, published, byline, places)',
    );
    return { fm };
  }
  const value = fm.value as Record<string, unknown>;
  const result = frontMatterSchema.safeParse(value);
  if (result.success) return { fm, full: result.data, ...parts(result.data) };

  reportIssues(
    result.error.issues,
    {
      root: value,
      offsetOf: (path, want) => frontMatterOffset(fm, path, want),
      prefix: 'front matter: ',
    },
    report,
  );
  // Check what can be checked from the parts that are valid on their own.
  const shape = frontMatterSchema.shape;
  const placesPart = shape.places.safeParse(value.places);
  const passagesPart = shape.passages.safeParse(value.passages);
  const viewPart = shape.view.safeParse(value.view);
  const statusesPart = shape.statuses.safeParse(value.statuses);
  return {
    fm,
    ...parts({
      places: placesPart.success ? placesPart.data : undefined,
      passages: passagesPart.success ? passagesPart.data : undefined,
      view: viewPart.success ? viewPart.data : undefined,
    }),
    statuses: statusesPart.success ? statusesPart.data : null,
  };
}

function parts(
  fm: Partial<Pick<FrontMatter, 'places' | 'passages' | 'view' | 'statuses'>>,
): CheckedFrontMatter {
  const views: CheckedFrontMatter['views'] = [];
  if (fm.view?.layers) views.push({ path: ['view', 'layers'], layers: fm.view.layers });
  for (const [id, entry] of Object.entries(fm.passages ?? {})) {
    const layers = entry?.view?.layers;
    if (layers) views.push({ path: ['passages', id, 'view', 'layers'], layers });
  }
  return { places: fm.places, passages: fm.passages, views, statuses: fm.statuses };
}
