/** Folding ranges: declarations, the rules of a decision, runs of comment lines; in parameter YAML, each parameter. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { SourceRange } from '../../src/core/diagnostics.js';
import { MAX_SOURCE_CHARS } from '../../src/syntax/limits.js';
import type { ServerContext } from './context.js';
import { uriToPath } from './positions.js';
import { safe } from './safe.js';

function fold(r: SourceRange, out: FoldingRange[]): void {
  if (r.end.line > r.start.line) out.push({ startLine: r.start.line - 1, endLine: r.end.line - 1 });
}

export function foldingRanges(ctx: ServerContext, uri: string): FoldingRange[] {
  const file = uriToPath(uri);
  const text = ctx.index.text(file) ?? ctx.documents.get(uri)?.getText() ?? '';
  if (text.length > MAX_SOURCE_CHARS) return []; // not read (LCFF-E009)
  const lib = ctx.index.library();
  const out: FoldingRange[] = [];
  const rf = lib.files.find((f) => f.file === file);
  if (rf) {
    for (const d of rf.declarations) {
      fold(d.range, out);
      if (d.kind === 'decision') for (const r of d.rules) fold(r.range, out);
    }
  } else {
    const params = lib.paramList.filter((p) => p.file === file);
    const lines = text.split('\n');
    const lineCount = lines.length;
    params.forEach((p, i) => {
      const next = params[i + 1];
      let end = next ? next.range.start.line - 2 : lineCount - 1;
      while (end > p.range.start.line - 1 && !lines[end]?.trim()) end--;
      if (end > p.range.start.line - 1) out.push({ startLine: p.range.start.line - 1, endLine: end });
    });
  }
  const allLines = text.split('\n');
  const isComment = (l: string): boolean => (rf ? /^\s*\/\//.test(l) : /^\s*#/.test(l));
  for (let i = 0; i < allLines.length; i++) {
    if (!isComment(allLines[i])) continue;
    let j = i;
    while (j + 1 < allLines.length && isComment(allLines[j + 1])) j++;
    if (j > i) out.push({ startLine: i, endLine: j, kind: FoldingRangeKind.Comment });
    i = j;
  }
  return out;
}

export function registerFolding(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(safe(ctx, 'folding', [], (p) => foldingRanges(ctx, p.textDocument.uri)));
}
