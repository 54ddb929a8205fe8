/**
 * Semantic tokens from the compiler's own lexer, with names coloured by what
 * the checker resolved them to (formula, parameter, enum member, fact, ...).
 */
import { tokenMatcher, type IToken } from '../../src/syntax/chevrotain.js';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { lex } from '../../src/syntax/lexer.js';
import { MAX_SOURCE_CHARS } from '../../src/syntax/limits.js';
import * as T from '../../src/syntax/tokens.js';
import { SCALAR_NAMES } from '../../src/semantics/types.js';
import type { ServerContext } from './context.js';
import { uriToPath } from './positions.js';
import { safe } from './safe.js';

const TYPES = ['keyword', 'string', 'number', 'comment', 'operator', 'function', 'variable', 'enumMember', 'enum', 'namespace', 'property', 'class', 'method', 'parameter', 'type'] as const;
const MODIFIERS = ['declaration', 'readonly', 'documentation', 'defaultLibrary'] as const;
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

type TokType = (typeof TYPES)[number];
const typeIndex = (t: TokType): number => TYPES.indexOf(t);
const mod = (...ms: Array<(typeof MODIFIERS)[number]>): number => ms.reduce((acc, m) => acc | (1 << MODIFIERS.indexOf(m)), 0);

const BY_KIND: Record<string, TokType> = {
  formula: 'function',
  param: 'variable',
  member: 'enumMember',
  enum: 'enum',
  facts: 'namespace',
  fact: 'property',
  decision: 'class',
  output: 'property',
  rule: 'method',
  local: 'parameter',
  set: 'variable',
};

const OPERATORS = [T.CompareOp, T.AdditiveOp, T.MultiplicativeOp, T.DotDot];

export function semanticTokens(ctx: ServerContext, uri: string): SemanticTokens {
  const file = uriToPath(uri);
  const text = ctx.documents.get(uri)?.getText() ?? ctx.index.text(file);
  const builder = new SemanticTokensBuilder();
  if (text === undefined || !file.endsWith('.lcff') || text.length > MAX_SOURCE_CHARS) return builder.build();
  const { tokens, docs, comments, lines } = lex(text, file);
  const all: Array<{ t: IToken; kind: 'code' | 'doc' | 'comment' }> = [
    ...tokens.map((t) => ({ t, kind: 'code' as const })),
    ...docs.map((t) => ({ t, kind: 'doc' as const })),
    ...comments.map((t) => ({ t, kind: 'comment' as const })),
  ].sort((a, b) => a.t.startOffset - b.t.startOffset);
  const occ = ctx.index.occurrences(file);
  let oi = 0;
  for (const { t, kind } of all) {
    let type: TokType | undefined;
    let mods = 0;
    if (kind !== 'code') {
      type = 'comment';
      if (kind === 'doc') mods = mod('documentation');
    } else if (tokenMatcher(t, T.Keyword)) type = 'keyword';
    else if (tokenMatcher(t, T.StringLit)) type = 'string';
    else if (tokenMatcher(t, T.NumberLit) || tokenMatcher(t, T.Percent) || tokenMatcher(t, T.Money) || tokenMatcher(t, T.Year)) type = 'number';
    else if (OPERATORS.some((o) => tokenMatcher(t, o))) type = 'operator';
    else if (tokenMatcher(t, T.Identifier)) {
      while (oi < occ.length && occ[oi].range.end.offset < t.startOffset) oi++;
      const o = occ.slice(oi, oi + 3).find((c) => c.range.start.offset <= t.startOffset && t.startOffset < c.range.end.offset);
      const k = o?.key.slice(0, o.key.indexOf(':'));
      if (o && k && BY_KIND[k]) {
        type = BY_KIND[k];
        if (o.isDefinition) mods |= mod('declaration');
        if (k === 'param') mods |= mod('readonly');
      } else if (ctx.index.library().enums.has(t.image)) type = 'enum';
      else if ((SCALAR_NAMES as readonly string[]).includes(t.image)) {
        type = 'type';
        mods = mod('defaultLibrary');
      } else if (t.image === 'max' || t.image === 'min' || t.image === 'fiscal_year') {
        type = t.image === 'fiscal_year' ? 'variable' : 'function';
        mods = mod('defaultLibrary');
      } else type = 'variable';
    }
    if (!type) continue;
    const start = lines.pos(t.startOffset);
    builder.push(start.line - 1, start.column - 1, t.image.length, typeIndex(type), mods);
  }
  return builder.build();
}

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on(safe(ctx, 'semantic tokens', { data: [] }, (p) => semanticTokens(ctx, p.textDocument.uri)));
}
