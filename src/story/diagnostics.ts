/** One problem in a story or place file, at a 1-based line and column. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `path:line:column: message`, the form editors and CI logs link to. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}

/** Maps string offsets to lines and columns (columns count UTF-16 code units, as editors do). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Collects diagnostics for one file, addressed by string offset. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private index: LineIndex | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  at(offset: number, message: string): void {
    this.diagnostics.push({ file: this.file, ...this.position(offset), message });
  }

  position(offset: number): { line: number; column: number } {
    this.index ??= new LineIndex(this.text);
    return this.index.position(Math.max(0, offset));
  }
}

/** Stable order: by file as first seen, then line, then column. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const d of list) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  return list
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        fileOrder.get(a.d.file)! - fileOrder.get(b.d.file)! ||
        a.d.line - b.d.line ||
        a.d.column - b.d.column ||
        a.i - b.i,
    )
    .map(({ d }) => d);
}
