/**
 * CST → AST for declarations. Robust to the partial CSTs of error recovery:
 * a node whose essential parts are missing is skipped, never thrown on.
 * Expressions are built in cst-expr.ts; tokens inserted by recovery (no
 * source position) count as missing.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Assignment,
  Citation,
  DecisionDecl,
  Declaration,
  Documented,
  Effective,
  EnumDecl,
  EnumMember,
  FactField,
  FactsDecl,
  FormulaDecl,
  FormulaParam,
  LetDecl,
  SetDecl,
  Name,
  Node,
  OutputDecl,
  RuleDecl,
  Status,
  TypeRef,
} from './ast.js';
import { SyntaxCodes } from './diagnostic-codes.js';
import { AstContext, kid, kids, tok, toks } from './cst-util.js';
import { buildExpr, fiscalYear, stringValue } from './cst-expr.js';

export function buildDeclaration(cx: AstContext, node: CstNode | undefined): Declaration | undefined {
  if (!node) return undefined;
  const d = kid(node, 'enumDecl') ?? kid(node, 'factsDecl') ?? kid(node, 'formulaDecl') ?? kid(node, 'decisionDecl') ?? kid(node, 'setDecl');
  if (!d) return undefined;
  switch (d.name) {
    case 'setDecl':
      return buildSet(cx, d);
    case 'enumDecl':
      return buildEnum(cx, d);
    case 'factsDecl':
      return buildFacts(cx, d);
    case 'formulaDecl':
      return buildFormula(cx, d);
    case 'decisionDecl':
      return buildDecision(cx, d);
  }
  return undefined;
}

function label(cx: AstContext, node: CstNode, i = 0): string | undefined {
  const t = tok(node, 'StringLit', i);
  return t ? stringValue(cx, t) : undefined;
}

/** Attaches the doc comment before the node, and drops optional fields left undefined (e.g. no label). */
function documented<T extends Node & Documented>(cx: AstContext, n: T): T {
  const doc = cx.docBefore(n.range.start.offset);
  if (doc !== undefined) n.doc = doc;
  for (const k of Object.keys(n) as (keyof T)[]) if (n[k] === undefined) delete n[k];
  return n;
}

function buildEnum(cx: AstContext, node: CstNode): EnumDecl | undefined {
  const name = cx.name(tok(node, 'Identifier'));
  if (!name) return undefined;
  const members: EnumMember[] = [];
  for (const m of kids(node, 'enumMember')) {
    const mName = cx.name(tok(m, 'Identifier'));
    if (!mName) continue;
    members.push(documented(cx, { range: cx.nodeRange(m), name: mName, label: label(cx, m) }));
  }
  return documented(cx, { kind: 'enum' as const, range: cx.nodeRange(node), name, label: label(cx, node), members });
}

function buildSet(cx: AstContext, node: CstNode): SetDecl | undefined {
  const ids = toks(node, 'Identifier');
  const name = cx.name(ids[0]);
  const of = cx.name(ids[1]);
  if (!name || !of) return undefined;
  const members: Name[] = [];
  for (const t of ids.slice(2)) {
    const m = cx.name(t);
    if (m) members.push(m);
  }
  const cites = kids(node, 'citeClause').flatMap((c) => buildCites(cx, c));
  return documented(cx, { kind: 'set' as const, range: cx.nodeRange(node), name, of, cites, members });
}

function buildTypeRef(cx: AstContext, node: CstNode | undefined): TypeRef | undefined {
  if (!node) return undefined;
  const id = cx.name(tok(node, 'Identifier'));
  if (!id) return undefined;
  const range = cx.nodeRange(node);
  return tok(node, 'List') ? { kind: 'list', element: id, range } : { kind: 'named', name: id, range };
}

function buildFacts(cx: AstContext, node: CstNode): FactsDecl | undefined {
  const name = cx.name(tok(node, 'Identifier'));
  if (!name) return undefined;
  const fields: FactField[] = [];
  for (const f of kids(node, 'factField')) {
    const path = kid(f, 'path');
    const ids = path ? toks(path, 'Identifier') : [];
    const type = buildTypeRef(cx, kid(f, 'typeRef'));
    if (ids.length === 0 || !type) continue;
    const first = ids[0];
    const last = ids[ids.length - 1];
    const fName: Name = {
      text: ids.map((t) => t.image).join('.'),
      range: cx.lines.range(first.startOffset, last.startOffset + last.image.length),
    };
    fields.push(
      documented(cx, { range: cx.nodeRange(f), name: fName, type, optional: tok(f, 'Optional') !== undefined, label: label(cx, f) }),
    );
  }
  return documented(cx, { kind: 'facts' as const, range: cx.nodeRange(node), name, label: label(cx, node), fields });
}

interface Clauses {
  cites: Citation[];
  effective?: Effective;
  status?: Status;
}

function buildClauses(cx: AstContext, clauseNodes: CstNode[], what: string): Clauses {
  const out: Clauses = { cites: [] };
  for (const c of clauseNodes) {
    const cite = kid(c, 'citeClause');
    if (cite) for (const c of buildCites(cx, cite)) out.cites.push(c);
    const eff = kid(c, 'effectiveClause');
    if (eff) {
      const e = buildEffective(cx, eff);
      if (e && out.effective) cx.error(SyntaxCodes.duplicateClause, `a second "effective" clause: ${what} has one range of years`, e.range);
      else if (e) out.effective = e;
    }
    const st = kid(c, 'statusClause');
    if (st) {
      const s = buildStatus(cx, st);
      if (s && out.status) cx.error(SyntaxCodes.duplicateClause, `a second "status" clause: ${what} has one status`, s.range);
      else if (s) out.status = s;
    }
  }
  return out;
}

function buildCites(cx: AstContext, node: CstNode): Citation[] {
  return toks(node, 'StringLit').map((t) => ({ text: stringValue(cx, t), range: cx.tokenRange(t) }));
}

function buildEffective(cx: AstContext, node: CstNode): Effective | undefined {
  const ys = toks(node, 'Year');
  if (ys.length === 0) return undefined;
  const range = cx.nodeRange(node);
  const from = fiscalYear(cx, ys[0]);
  if (tok(node, 'Onward')) return { range, years: { from } };
  if (ys.length < 2) {
    // `effective 2019-20` (a single year), or `2019-20..` cut short by an error.
    return { range, years: { from, to: from } };
  }
  const to = fiscalYear(cx, ys[1]);
  if (to < from) {
    cx.error(
      SyntaxCodes.badEffectiveRange,
      `the effective range ${ys[0].image}..${ys[1].image} ends before it starts: write the earlier year first`,
      range,
    );
  }
  return { range, years: { from, to } };
}

function buildStatus(cx: AstContext, node: CstNode): Status | undefined {
  const value = tok(node, 'Confirmed') ? 'confirmed' : tok(node, 'Unconfirmed') ? 'unconfirmed' : undefined;
  if (!value) return undefined;
  const note = label(cx, node);
  return note === undefined ? { range: cx.nodeRange(node), value } : { range: cx.nodeRange(node), value, note };
}

function buildFormula(cx: AstContext, node: CstNode): FormulaDecl | undefined {
  const name = cx.name(tok(node, 'Identifier'));
  const returns = buildTypeRef(cx, kid(node, 'typeRef'));
  const cl = buildClauses(cx, kids(node, 'clause'), 'a formula');
  const body = buildExpr(cx, kid(node, 'expression'));
  if (!name || !returns || !body) return undefined;
  const params: FormulaParam[] = [];
  for (const p of kids(node, 'param')) {
    const pName = cx.name(tok(p, 'Identifier'));
    const type = buildTypeRef(cx, kid(p, 'typeRef'));
    if (pName && type) params.push({ range: cx.nodeRange(p), name: pName, type });
  }
  const f: FormulaDecl = { kind: 'formula', range: cx.nodeRange(node), name, params, returns, cites: cl.cites, lets: buildLets(cx, node, 'whereClause'), body };
  if (cl.effective) f.effective = cl.effective;
  if (cl.status) f.status = cl.status;
  return documented(cx, f);
}

/** The `let name = expression` clauses of a rule, or the `where name = expression` clauses of a formula, in source order. */
function buildLets(cx: AstContext, node: CstNode, clause: 'letClause' | 'whereClause'): LetDecl[] {
  const lets: LetDecl[] = [];
  for (const l of kids(node, clause)) {
    const lName = cx.name(tok(l, 'Identifier'));
    const value = buildExpr(cx, kid(l, 'expression'));
    if (lName && value) lets.push({ range: cx.nodeRange(l), name: lName, value });
  }
  return lets;
}

function buildDecision(cx: AstContext, node: CstNode): DecisionDecl | undefined {
  const name = cx.name(tok(node, 'Identifier', 0));
  const subject = cx.name(tok(node, 'Identifier', 1));
  if (!name || !subject) return undefined;
  const cites = kids(node, 'citeClause').flatMap((c) => buildCites(cx, c));
  const outputs: OutputDecl[] = [];
  for (const o of kids(node, 'outputDecl')) {
    const oName = cx.name(tok(o, 'Identifier'));
    const type = buildTypeRef(cx, kid(o, 'typeRef'));
    if (oName && type) outputs.push(documented(cx, { range: cx.nodeRange(o), name: oName, type }));
  }
  const rules: RuleDecl[] = [];
  for (const r of kids(node, 'ruleDecl')) {
    const rule = buildRule(cx, r);
    if (rule) rules.push(rule);
  }
  const d: DecisionDecl = {
    kind: 'decision',
    range: cx.nodeRange(node),
    name,
    subject,
    mode: tok(node, 'Collect') ? 'collect' : 'first',
    cites,
    outputs,
    rules,
  };
  const l = label(cx, node);
  if (l !== undefined) d.label = l;
  return documented(cx, d);
}

function buildRule(cx: AstContext, node: CstNode): RuleDecl | undefined {
  const name = cx.name(tok(node, 'Identifier'));
  if (!name) return undefined;
  const cl = buildClauses(cx, kids(node, 'clause'), 'a rule');
  const then: Assignment[] = [];
  for (const a of kids(node, 'assignment')) {
    const target = cx.name(tok(a, 'Identifier'));
    const value = buildExpr(cx, kid(a, 'expression'));
    if (target && value) then.push({ range: cx.nodeRange(a), target, value });
  }
  const r: RuleDecl = { range: cx.nodeRange(node), name, otherwise: tok(node, 'Otherwise') !== undefined, cites: cl.cites, lets: buildLets(cx, node, 'letClause'), then };
  if (cl.effective) r.effective = cl.effective;
  if (cl.status) r.status = cl.status;
  const when = tok(node, 'When') ? buildExpr(cx, kid(node, 'expression')) : undefined;
  if (when) r.when = when;
  return documented(cx, r);
}

export type { IToken };
