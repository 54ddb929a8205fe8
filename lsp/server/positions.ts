/**
 * Conversions between the compiler's positions (1-based line/column plus a
 * 0-based offset) and LSP positions (0-based line/character), and between
 * file paths and `file://` URIs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position, Range } from 'vscode-languageserver';
import type { SourceRange } from '../../src/core/diagnostics.js';

export function toRange(r: SourceRange): Range {
  return {
    start: { line: r.start.line - 1, character: r.start.column - 1 },
    end: { line: r.end.line - 1, character: r.end.column - 1 },
  };
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path;
}

/** True when the 0-based offset lies in the range (both ends included, so a cursor just after a name still hits it). */
export function containsOffset(r: SourceRange, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

export function rangeContainsPosition(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** Thousands separators for a decimal's text ("7702" → "7,702", "-1234.50" → "-1,234.50"). */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}
