/**
 * Every citation of the library — rule and formula `cite` clauses, parameter
 * and entry `cite:` texts (`;`-separated), the manifest's `cite:` — with its
 * exact source range, resolved against the sources register. An unresolved
 * citation is an error at the citation (LCFF-E063).
 */
import { LineIndex, type Diagnostic, type SourceRange } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { resolveCitation, splitCitations, type CitationResult } from '../params/citations.js';
import { SourceCodes } from '../params/sources.js';
import type { Citation } from '../syntax/ast.js';
import type { Library } from './library.js';

export interface CiteOccurrence {
  file: string;
  range: SourceRange;
  text: string;
  result: CitationResult;
}

/** Each part of a `;`-separated cite text at its own range when it can be found in the source, else at the whole text. */
function partsOf(lib: Library, lines: (file: string) => LineIndex | undefined, file: string, whole: SourceRange, text: string): Array<{ text: string; range: SourceRange }> {
  const src = lib.sources.get(file);
  const idx = lines(file);
  const raw = src?.slice(whole.start.offset, whole.end.offset) ?? '';
  let from = 0;
  return splitCitations(text).map((p) => {
    const at = p.text ? raw.indexOf(p.text, from) : -1;
    if (at < 0 || !idx) return { text: p.text, range: whole };
    from = at + p.text.length;
    return { text: p.text, range: idx.range(whole.start.offset + at, whole.start.offset + at + p.text.length) };
  });
}

/** The range of a string literal without its quotes (a one-line `"…"`), so diagnostics and edits point at the citation itself. */
function inside(text: string | undefined, r: SourceRange): SourceRange {
  if (!text || r.start.line !== r.end.line || r.end.offset - r.start.offset < 2 || text[r.start.offset] !== '"' || text[r.end.offset - 1] !== '"') return r;
  return { start: { ...r.start, column: r.start.column + 1, offset: r.start.offset + 1 }, end: { ...r.end, column: r.end.column - 1, offset: r.end.offset - 1 } };
}

/** Resolves one citation text against a register (the language server's memo keeps the results between builds). */
export type CitationResolver = (text: string, register: Library['register']) => CitationResult;

const occurrencesOf = new WeakMap<Library, CiteOccurrence[]>();

/** Every citation of the library, once per place it is written (a YAML alias shares its anchor's citation); found once per library. */
export function citeOccurrences(lib: Library, resolve: CitationResolver = resolveCitation): CiteOccurrence[] {
  const known = occurrencesOf.get(lib);
  if (known) return known;
  const out: CiteOccurrence[] = [];
  const seen = new Set<string>();
  const add = (file: string, range: SourceRange, text: string): void => {
    const key = `${file}:${range.start.offset}:${range.end.offset}:${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ file, range, text, result: resolve(text, lib.register) });
  };
  const addAll = (file: string, cites: readonly Citation[]): void => {
    const text = lib.sources.get(file);
    for (const c of cites) add(file, inside(text, c.range), c.text);
  };
  for (const f of lib.files) {
    for (const d of f.declarations) {
      if (d.kind === 'formula') addAll(f.file, d.cites);
      if (d.kind !== 'decision') continue;
      addAll(f.file, d.cites);
      for (const r of d.rules) addAll(r.file ?? f.file, r.cites);
    }
  }
  const indexes = new Map<string, LineIndex>();
  const lines = (file: string): LineIndex | undefined => {
    const text = lib.sources.get(file);
    if (text === undefined) return undefined;
    let i = indexes.get(file);
    if (!i) indexes.set(file, (i = new LineIndex(text)));
    return i;
  };
  const addList = (file: string, range: SourceRange | undefined, text: string | undefined): void => {
    if (!text || !range) return;
    for (const p of partsOf(lib, lines, file, range, text)) add(file, p.range, p.text);
  };
  for (const p of lib.paramList) {
    addList(p.file, p.citeRange, p.cite);
    for (const e of p.values) addList(e.file ?? p.file, e.citeRange, e.cite);
  }
  if (lib.manifest) addList(lib.manifest.file, lib.manifest.citeRange, lib.manifest.cite);
  occurrencesOf.set(lib, out);
  return out;
}

/** LCFF-E063 for every citation that resolves to nothing. */
export function checkCitations(lib: Library, resolve?: CitationResolver): void {
  for (const c of citeOccurrences(lib, resolve)) {
    if (c.result.ok || c.result.reported) continue;
    const d: Diagnostic = { code: SourceCodes.unresolvedCitation, severity: 'error', file: c.file, range: c.range, message: `citation ${excerpt(c.text)} resolves to nothing: ${c.result.message}` };
    if (c.result.suggestions?.length) d.data = { suggestions: c.result.suggestions };
    lib.diagnostics.push(d);
  }
}
