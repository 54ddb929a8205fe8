/**
 * The language server's memory of a rule file's declarations between edits:
 * each error-free declaration's AST by its source text (from the end of the
 * token before it, so its `///` docs count, to its last token). On the next
 * parse of the file a declaration whose text is unchanged is not parsed
 * again: its AST is reused as is when it has not moved, or with every
 * position shifted by the lines and characters inserted before it. A
 * declaration with any diagnostic is always parsed again, so error messages
 * and recovery are exactly those of a full parse.
 */
import type { SourcePos } from '../core/diagnostics.js';
import type { Declaration } from './ast.js';

interface Remembered {
  decl: Declaration;
  /** offset and line where the keyed text started */
  offset: number;
  line: number;
}

export class DeclarationMemo {
  private previous = new Map<string, Remembered>();
  private next = new Map<string, Remembered>();
  /** declarations reused by the last parse (for tests and benchmarks) */
  reused = 0;

  static key(text: string, column: number): string {
    return `${column}\u0000${text}`;
  }

  /** The declaration for this text at this place, when remembered. */
  take(key: string, offset: number, line: number): Declaration | undefined {
    const hit = this.previous.get(key);
    if (!hit) return undefined;
    this.previous.delete(key); // the same text twice in a file: the second is parsed
    const decl = hit.offset === offset && hit.line === line ? hit.decl : shifted(hit.decl, offset - hit.offset, line - hit.line);
    this.next.set(key, { decl, offset, line });
    this.reused++;
    return decl;
  }

  remember(key: string, offset: number, line: number, decl: Declaration): void {
    this.next.set(key, { decl, offset, line });
  }

  /** Starts a parse of the file: what the last parse remembered is what this one may reuse. */
  begin(): void {
    this.previous = this.next;
    this.next = new Map();
    this.reused = 0;
  }
}

function isPos(v: Record<string, unknown>): v is Record<string, unknown> & SourcePos {
  return typeof v.offset === 'number' && typeof v.line === 'number' && typeof v.column === 'number';
}

/** A copy of an AST with every position moved by `dOffset` characters and `dLine` lines (its columns are unchanged: the memo's key holds them). */
function shifted<T>(node: T, dOffset: number, dLine: number): T {
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(copy);
    if (typeof v !== 'object' || v === null) return v;
    const o = v as Record<string, unknown>;
    if (isPos(o)) return { ...o, offset: o.offset + dOffset, line: o.line + dLine };
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o)) out[k] = copy(o[k]);
    return out;
  };
  return copy(node) as T;
}
