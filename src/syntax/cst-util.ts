/**
 * Helpers of the CST → AST builders: child access that treats tokens inserted
 * by error recovery as missing, source ranges, doc comments, diagnostics.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Diagnostic, LineIndex, SourceRange } from '../core/diagnostics.js';
import type { Name } from './ast.js';

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

/** A real token: not one inserted by recovery (those have no position). */
function real(t: IToken): boolean {
  return !t.isInsertedInRecovery && !Number.isNaN(t.startOffset);
}

export function toks(node: CstNode, key: string): IToken[] {
  const list = node.children[key];
  if (!list) return [];
  return list.filter((e): e is IToken => isToken(e) && real(e));
}

export function tok(node: CstNode, key: string, i = 0): IToken | undefined {
  const list = node.children[key];
  const e = list?.[i];
  return e && isToken(e) && real(e) ? e : undefined;
}

export function kids(node: CstNode, key: string): CstNode[] {
  const list = node.children[key];
  if (!list) return [];
  return list.filter((e): e is CstNode => !isToken(e));
}

export function kid(node: CstNode, key: string, i = 0): CstNode | undefined {
  return kids(node, key)[i];
}

const extents = new WeakMap<CstNode, [number, number] | null>();

/**
 * First and last real token offsets under a node (end exclusive), or
 * undefined when it has none. Memoized per node: the expression grammar
 * nests eight levels deep and every level asks for its range.
 */
function extent(node: CstNode): [number, number] | undefined {
  const cached = extents.get(node);
  if (cached !== undefined) return cached ?? undefined;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const list of Object.values(node.children)) {
    for (const e of list) {
      if (isToken(e)) {
        if (!real(e)) continue;
        if (e.startOffset < lo) lo = e.startOffset;
        const end = e.startOffset + e.image.length;
        if (end > hi) hi = end;
      } else {
        const sub = extent(e);
        if (sub) {
          if (sub[0] < lo) lo = sub[0];
          if (sub[1] > hi) hi = sub[1];
        }
      }
    }
  }
  const result: [number, number] | undefined = lo === Number.POSITIVE_INFINITY ? undefined : [lo, hi];
  extents.set(node, result ?? null);
  return result;
}

/** State of one file's CST → AST conversion. */
export class AstContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly lines: LineIndex,
    /** All parser tokens of the file, in order (searched by offset, never copied: the language server re-parses a 10,000-line file on every edit). */
    private readonly tokens: IToken[],
    /** All `///` tokens of the file, in order. */
    private readonly docs: IToken[],
  ) {}

  tokenRange(t: IToken): SourceRange {
    return this.lines.range(t.startOffset, t.startOffset + t.image.length);
  }

  nodeRange(node: CstNode): SourceRange {
    // chevrotain tracks each node's offsets while parsing (end inclusive); after
    // recovery they may be unset, and then the tokens under the node decide
    const loc = node.location;
    if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset)) return this.lines.range(loc.startOffset, (loc.endOffset as number) + 1);
    const x = extent(node);
    return x ? this.lines.range(x[0], x[1]) : this.lines.range(0, 0);
  }

  span(a: SourceRange, b: SourceRange): SourceRange {
    return { start: a.start, end: b.end };
  }

  name(t: IToken | undefined): Name | undefined {
    return t ? { text: t.image, range: this.tokenRange(t) } : undefined;
  }

  error(code: string, message: string, range: SourceRange): void {
    this.diagnostics.push({ code, severity: 'error', message, file: this.file, range });
  }

  /**
   * The `///` lines between the previous token and `offset` (the first token
   * of a declaration, member, field, output or rule), joined by newlines, each
   * without `///` and one following space. `////...` banner lines are not docs.
   */
  docBefore(offset: number): string | undefined {
    if (this.docs.length === 0) return undefined;
    // previous token: the last token starting before offset
    let lo = 0;
    let hi = this.tokens.length - 1;
    let prev = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].startOffset < offset) {
        prev = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const after = prev >= 0 ? this.tokens[prev].startOffset + this.tokens[prev].image.length : -1;
    // first doc comment at or after `after`
    lo = 0;
    hi = this.docs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.docs[mid].startOffset < after) lo = mid + 1;
      else hi = mid;
    }
    const lines: string[] = [];
    for (let i = lo; i < this.docs.length; i++) {
      const d = this.docs[i];
      if (d.startOffset >= offset) break;
      if (d.image.startsWith('////')) continue;
      const body = d.image.slice(3);
      lines.push(body.startsWith(' ') ? body.slice(1) : body);
    }
    return lines.length > 0 ? lines.join('\n').trimEnd() : undefined;
  }
}
