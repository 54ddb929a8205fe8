/**
 * CST → AST for expressions and literals. Literal numbers keep their source
 * text (no float parsing). A missing operand (error recovery) ends the
 * expression at what was parsed so far.
 */
import type { CstNode, IToken } from 'chevrotain';
import type { BinaryOp, Expr, RoundExpr, RoundingUnitAst } from './ast.js';
import { parseFiscalYear } from '../core/fiscal-year.js';
import { SyntaxCodes } from './diagnostic-codes.js';
import { type AstContext, kid, kids, tok, toks } from './cst-util.js';

export function buildExpr(cx: AstContext, node: CstNode | undefined): Expr | undefined {
  if (!node) return undefined;
  switch (node.name) {
    case 'expression':
      return buildExpr(cx, kid(node, 'orExpr'));
    case 'orExpr':
      return chain(cx, kids(node, 'andExpr'), toks(node, 'Or'), () => 'or');
    case 'andExpr':
      return chain(cx, kids(node, 'notExpr'), toks(node, 'And'), () => 'and');
    case 'notExpr':
      return notExpr(cx, node);
    case 'compareExpr':
      return compareExpr(cx, node);
    case 'sumExpr':
      return chain(cx, kids(node, 'productExpr'), toks(node, 'AdditiveOp'), (t) => t.image as BinaryOp);
    case 'productExpr':
      return chain(cx, kids(node, 'unaryExpr'), toks(node, 'MultiplicativeOp'), (t) => t.image as BinaryOp);
    case 'unaryExpr':
      return unaryExpr(cx, node);
    case 'atom':
      return atom(cx, node);
    default:
      return undefined;
  }
}

/** Left-associative chain `a op b op c`. Stops at the first missing operand. */
function chain(cx: AstContext, operands: CstNode[], ops: IToken[], op: (t: IToken) => BinaryOp): Expr | undefined {
  let left = buildExpr(cx, operands[0]);
  if (!left) return undefined;
  for (let i = 0; i < ops.length; i++) {
    const right = buildExpr(cx, operands[i + 1]);
    if (!right) break;
    left = { kind: 'binary', op: op(ops[i]), left, right, range: cx.span(left.range, right.range) };
  }
  return left;
}

function notExpr(cx: AstContext, node: CstNode): Expr | undefined {
  const not = tok(node, 'Not');
  if (!not) return buildExpr(cx, kid(node, 'compareExpr'));
  const operand = buildExpr(cx, kid(node, 'notExpr'));
  if (!operand) return undefined;
  return { kind: 'unary', op: 'not', operand, range: cx.span(cx.tokenRange(not), operand.range) };
}

function compareExpr(cx: AstContext, node: CstNode): Expr | undefined {
  const sums = kids(node, 'sumExpr');
  const left = buildExpr(cx, sums[0]);
  if (!left) return undefined;
  const range = cx.nodeRange(node);
  const negated = tok(node, 'Not') !== undefined;
  const cmp = tok(node, 'CompareOp');
  if (cmp) {
    const right = buildExpr(cx, sums[1]);
    return right ? { kind: 'binary', op: cmp.image as BinaryOp, left, right, range: cx.span(left.range, right.range) } : left;
  }
  if (tok(node, 'Is')) {
    if (tok(node, 'Present')) return { kind: 'present', negated, operand: left, range };
    if (tok(node, 'Missing')) return { kind: 'present', negated: !negated, operand: left, range };
    const right = buildExpr(cx, sums[1]);
    return right ? { kind: 'is', negated, left, right, range: cx.span(left.range, right.range) } : left;
  }
  if (tok(node, 'In')) {
    const list = buildExpr(cx, sums[1]);
    return list ? { kind: 'in', negated, left, list, range: cx.span(left.range, list.range) } : left;
  }
  return left;
}

function unaryExpr(cx: AstContext, node: CstNode): Expr | undefined {
  const minus = tok(node, 'Minus');
  if (!minus) return buildExpr(cx, kid(node, 'atom'));
  const operand = buildExpr(cx, kid(node, 'unaryExpr'));
  if (!operand) return undefined;
  return { kind: 'unary', op: '-', operand, range: cx.span(cx.tokenRange(minus), operand.range) };
}

function atom(cx: AstContext, node: CstNode): Expr | undefined {
  let t: IToken | undefined;
  if ((t = tok(node, 'NumberLit'))) return { kind: 'number', text: t.image, range: cx.tokenRange(t) };
  if ((t = tok(node, 'Percent'))) return { kind: 'percent', text: t.image.slice(0, -1), range: cx.tokenRange(t) };
  if ((t = tok(node, 'Money'))) return { kind: 'money', text: moneyText(cx, t), range: cx.tokenRange(t) };
  if ((t = tok(node, 'StringLit'))) return { kind: 'text', value: stringValue(cx, t), range: cx.tokenRange(t) };
  if ((t = tok(node, 'True'))) return { kind: 'bool', value: true, range: cx.tokenRange(t) };
  if ((t = tok(node, 'False'))) return { kind: 'bool', value: false, range: cx.tokenRange(t) };
  if ((t = tok(node, 'Year'))) return { kind: 'year', year: fiscalYear(cx, t), range: cx.tokenRange(t) };
  let n: CstNode | undefined;
  if ((n = kid(node, 'parenExpr'))) return buildExpr(cx, kid(n, 'expression'));
  if ((n = kid(node, 'listExpr'))) {
    const items = kids(n, 'expression').map((e) => buildExpr(cx, e)).filter((e): e is Expr => e !== undefined);
    return { kind: 'list', items, range: cx.nodeRange(n) };
  }
  if ((n = kid(node, 'ifExpr'))) {
    const [c, a, b] = kids(n, 'expression').map((e) => buildExpr(cx, e));
    if (!c || !a || !b) return undefined;
    return { kind: 'if', cond: c, then: a, else: b, range: cx.nodeRange(n) };
  }
  if ((n = kid(node, 'roundExpr'))) return roundExpr(cx, n);
  if ((n = kid(node, 'nameExpr'))) return nameExpr(cx, n);
  return undefined;
}

function roundExpr(cx: AstContext, node: CstNode): RoundExpr | undefined {
  const operand = buildExpr(cx, kid(node, 'expression'));
  if (!operand) return undefined;
  let unit: RoundingUnitAst;
  const places = tok(node, 'NumberLit');
  const placesName = tok(node, 'Identifier');
  if (tok(node, 'Dollar')) unit = 'dollar';
  else if (placesName) unit = { placesFrom: { kind: 'name', name: { text: placesName.image, range: cx.tokenRange(placesName) }, range: cx.tokenRange(placesName) } };
  else if (tok(node, 'Cent')) unit = 'cent';
  else if (places) {
    if (!/^\d+$/.test(places.image)) {
      cx.error(SyntaxCodes.badLiteral, `the number of places must be a whole number, not ${places.image}`, cx.tokenRange(places));
    }
    // Keep the node for the language server; with the error above it never runs.
    unit = { places: Number(places.image.replace(/\..*$/, '')) };
  } else return undefined;
  let mode: RoundExpr['mode'] = 'half_up';
  const m = kid(node, 'roundingMode');
  if (m) {
    if (tok(m, 'Half')) mode = tok(m, 'Even') ? 'half_even' : 'half_up';
    else if (tok(m, 'Down')) mode = 'down';
    else if (tok(m, 'Up')) mode = 'up';
  }
  return { kind: 'round', operand, unit, mode, range: cx.nodeRange(node) };
}

function nameExpr(cx: AstContext, node: CstNode): Expr | undefined {
  const ids = toks(node, 'Identifier');
  const first = cx.name(ids[0]);
  if (!first) return undefined;
  const range = cx.nodeRange(node);
  if (tok(node, 'LParen')) {
    const args = kids(node, 'expression').map((e) => buildExpr(cx, e)).filter((e): e is Expr => e !== undefined);
    return { kind: 'call', callee: first, args, range };
  }
  if (tok(node, 'LBracket')) {
    const index = buildExpr(cx, kid(node, 'expression'));
    return index ? { kind: 'index', target: first, index, range } : { kind: 'name', name: first, range: first.range };
  }
  if (ids.length > 1) {
    return { kind: 'fact', group: first, path: ids.slice(1).map((t) => cx.name(t)!), range };
  }
  return { kind: 'name', name: first, range };
}

/** `$9,572.00` → "9572.00"; reports LCFF-E006 on misplaced commas. */
function moneyText(cx: AstContext, t: IToken): string {
  const ok = /^\$(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t.image);
  if (!ok) {
    cx.error(SyntaxCodes.badLiteral, `"${t.image}" is not a dollar amount: write $9572 or $9,572.00`, cx.tokenRange(t));
  }
  return t.image.slice(1).replace(/,/g, '');
}

/** The fiscal year of a Year token; reports LCFF-E004 and returns the written start year when invalid. */
export function fiscalYear(cx: AstContext, t: IToken): number {
  const y = parseFiscalYear(t.image);
  if (y !== undefined) return y;
  const start = Number(t.image.slice(0, 4));
  const next = String((start + 1) % 100).padStart(2, '0');
  cx.error(
    SyntaxCodes.badFiscalYear,
    `"${t.image}" is not a fiscal year: a fiscal year is written with its two consecutive years, like ${start}-${next}`,
    cx.tokenRange(t),
  );
  return start;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** The value of a string token without quotes, escapes resolved; reports LCFF-E007 on unknown escapes. */
export function stringValue(cx: AstContext, t: IToken): string {
  const img = t.image;
  const closed = img.length >= 2 && /^"(?:[^"\\]|\\.)*"$/.test(img);
  const inner = closed ? img.slice(1, -1) : img.slice(1);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = inner[i + 1];
    if (e === undefined) break;
    const v = ESCAPES[e];
    if (v === undefined) {
      const off = t.startOffset + 1 + i;
      cx.error(SyntaxCodes.badEscape, `unknown escape "\\${e}" in a quoted text: use \\" \\\\ \\n or \\t`, cx.lines.range(off, off + 2));
      out += e;
    } else out += v;
    i++;
  }
  return out;
}
