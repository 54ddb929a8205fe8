/**
 * Diagnostics shared by every stage: a stable code, a severity, a message a
 * policy analyst understands, and a source position (file, 1-based line and
 * column). The catalogue of codes, with an example and the fix of each, is
 * docs/errors.md.
 */
import { visible } from './safe-text.js';

export type Severity = 'error' | 'warning' | 'info';

export interface SourcePos {
  line: number; // 1-based
  column: number; // 1-based
  offset: number; // 0-based character offset
}

export interface SourceRange {
  start: SourcePos;
  end: SourcePos; // exclusive
}

export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  range: SourceRange;
  related?: RelatedLocation[];
  /** Machine-readable extras (e.g. did-you-mean suggestions) for code actions. */
  data?: Record<string, unknown>;
}

export const NO_RANGE: SourceRange = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/**
 * `path:line:col code message`, the one line format of every CLI report.
 * Visible-safe: a control character of the path or the message (an escape
 * sequence, a carriage return, a newline, a bidi override) is shown as an
 * escape, so each diagnostic is exactly one line that cannot drive the terminal.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return visible(`${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code} ${d.severity}: ${d.message}`);
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/** Stable order: file, then position, then code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.offset - b.range.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Position helper for text sources (YAML, CSV): offset → line/column. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  pos(offset: number): SourcePos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
  }
  range(startOffset: number, endOffset: number): SourceRange {
    return { start: this.pos(startOffset), end: this.pos(endOffset) };
  }
}

/** Did-you-mean: the closest names by edit distance (at most 2 suggestions). */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const scored: Array<[number, string]> = [];
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, 2).map((s) => s[1]);
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
