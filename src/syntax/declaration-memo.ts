/**
 * The language server's memory of a rule file between edits: the last text
 * and its tokens (so an edit re-lexes only the lines it touched, relex.ts),
 * and each error-free declaration's AST by its source text (from the end of
 * the token before it, so its `///` docs count, to its last token). On the
 * next parse of the file a declaration whose text is unchanged is not parsed
 * again: its AST is reused as is when it has not moved, or moved in place by
 * the lines and characters inserted before it. Moving in place keeps every
 * node the same object, so the checks memoised on those objects
 * (semantics/check-memo.ts) stay valid; the previous parse's positions are
 * not kept. A declaration with any diagnostic is always parsed again, so
 * error messages and recovery are exactly those of a full parse.
 */
import type { SourcePos } from '../core/diagnostics.js';
import type { Declaration } from './ast.js';
import type { LexResult } from './lexer.js';

interface Remembered {
  decl: Declaration;
  /** offset and line where the keyed text started */
  offset: number;
  line: number;
  /** every position object in the declaration, each once */
  positions: SourcePos[];
}

export class DeclarationMemo {
  private previous = new Map<string, Remembered>();
  private next = new Map<string, Remembered>();
  /** the text of the last parse and its tokens, for re-lexing only what an edit touched */
  lexed: { text: string; result: LexResult } | undefined;
  /** declarations reused by the last parse (for tests and benchmarks) */
  reused = 0;
  /** declarations moved by the last parse (for tests and benchmarks) */
  moved = 0;

  static key(text: string, column: number): string {
    return `${column}\u0000${text}`;
  }

  /** The declaration for this text at this place, when remembered. */
  take(key: string, offset: number, line: number): Declaration | undefined {
    const hit = this.previous.get(key);
    if (!hit) return undefined;
    this.previous.delete(key); // the same text twice in a file: the second is parsed
    if (hit.offset !== offset || hit.line !== line) {
      const dOffset = offset - hit.offset;
      const dLine = line - hit.line;
      for (const p of hit.positions) {
        p.offset += dOffset;
        p.line += dLine;
      }
      this.moved++;
    }
    this.next.set(key, { decl: hit.decl, offset, line, positions: hit.positions });
    this.reused++;
    return hit.decl;
  }

  remember(key: string, offset: number, line: number, decl: Declaration): void {
    this.next.set(key, { decl, offset, line, positions: positionsIn(decl) });
  }

  /** Starts a parse of the file: what the last parse remembered is what this one may reuse. */
  begin(): void {
    this.previous = this.next;
    this.next = new Map();
    this.reused = 0;
    this.moved = 0;
  }
}

function isPos(v: Record<string, unknown>): v is Record<string, unknown> & SourcePos {
  return typeof v.offset === 'number' && typeof v.line === 'number' && typeof v.column === 'number';
}

/** Every position object reachable from an AST, each once (a range may share its ends with another). */
function positionsIn(node: unknown): SourcePos[] {
  const seen = new Set<object>();
  const out: SourcePos[] = [];
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (isPos(o)) {
      out.push(o);
      return;
    }
    for (const k of Object.keys(o)) walk(o[k]);
  };
  walk(node);
  return out;
}
