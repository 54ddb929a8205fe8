/**
 * The AST of `.lcff` rule files. Every node carries its source range; the
 * CST→AST visitor (cst-to-ast.ts) builds it and nothing else does. Names are
 * `Name` nodes so that the checker, the compiler and the language server can
 * point at them.
 */
import type { SourceRange } from '../core/diagnostics.js';
import type { YearRange } from '../core/fiscal-year.js';

export interface Node {
  range: SourceRange;
}

export interface Name extends Node {
  text: string;
}

export interface RuleFile {
  file: string;
  declarations: Declaration[];
}

export type Declaration = EnumDecl | SetDecl | FactsDecl | FormulaDecl | DecisionDecl;

/** Fields every top-level declaration and every rule has. */
export interface Documented {
  /** Text of the `///` doc comments just before the declaration (hover text). */
  doc?: string;
}

export interface Citation extends Node {
  text: string;
}

export interface Effective extends Node {
  years: YearRange;
}

/** `status unconfirmed "note"`; absent means confirmed. */
export interface Status extends Node {
  value: 'confirmed' | 'unconfirmed';
  note?: string;
}

export interface EnumDecl extends Node, Documented {
  kind: 'enum';
  name: Name;
  label?: string;
  members: EnumMember[];
}

export interface EnumMember extends Node, Documented {
  name: Name;
  label?: string;
}

/** `set aeg_bases : enrollment_basis = [wic_300, ...]`: a named set of members of one enum. */
export interface SetDecl extends Node, Documented {
  kind: 'set';
  name: Name;
  /** the enum the members belong to */
  of: Name;
  cites: Citation[];
  members: Name[];
}

/** `facts student "label" ... end`: the typed inputs a subject provides. */
export interface FactsDecl extends Node, Documented {
  kind: 'facts';
  name: Name;
  label?: string;
  fields: FactField[];
}

export interface FactField extends Node, Documented {
  name: Name;
  type: TypeRef;
  optional: boolean;
  label?: string;
}

export type TypeRef =
  | { kind: 'named'; name: Name; range: SourceRange }
  | { kind: 'list'; element: Name; range: SourceRange };

export interface FormulaParam extends Node {
  name: Name;
  type: TypeRef;
}

export interface FormulaDecl extends Node, Documented {
  kind: 'formula';
  name: Name;
  params: FormulaParam[];
  returns: TypeRef;
  cites: Citation[];
  effective?: Effective;
  status?: Status;
  /** `where name = expr` clauses after the body, in source order: local names usable in the body and in later wheres. */
  lets: LetDecl[];
  body: Expr;
}

/** `decision name for subject [collect] ... end`. */
export interface DecisionDecl extends Node, Documented {
  kind: 'decision';
  name: Name;
  subject: Name;
  /** first: the first rule in force whose `when` holds decides (default); collect: every such rule fires. */
  mode: 'first' | 'collect';
  label?: string;
  cites: Citation[];
  outputs: OutputDecl[];
  rules: RuleDecl[];
}

export interface OutputDecl extends Node, Documented {
  name: Name;
  type: TypeRef;
}

export interface RuleDecl extends Node, Documented {
  name: Name;
  /** `otherwise rule ...`: fires when no earlier rule of the decision fired. */
  otherwise: boolean;
  cites: Citation[];
  effective?: Effective;
  status?: Status;
  /** `let name = expr` clauses, in source order: local names usable in `when`, `then` and later lets. */
  lets: LetDecl[];
  when?: Expr;
  then: Assignment[];
  /** The file this rule is written in, when it is not its decision's: a reform's rule overlaid on a library decision (src/semantics/reform.ts). */
  file?: string;
}

/** `let rate = district_rate_per_ada(...)`: evaluated at most once per evaluation of its rule (per call of its formula), when first used. */
export interface LetDecl extends Node {
  name: Name;
  value: Expr;
}

export interface Assignment extends Node {
  target: Name;
  value: Expr;
}

export type Expr =
  | NumberLit
  | PercentLit
  | MoneyLit
  | TextLit
  | BoolLit
  | YearLit
  | NameRef
  | FactRef
  | IndexExpr
  | CallExpr
  | ListExpr
  | UnaryExpr
  | BinaryExpr
  | IsExpr
  | InExpr
  | PresentExpr
  | IfExpr
  | RoundExpr;

/** `2.50`: kept as its source text, exact. */
export interface NumberLit extends Node {
  kind: 'number';
  text: string;
}
/** `20%`: text is the number before the percent sign ("20"). */
export interface PercentLit extends Node {
  kind: 'percent';
  text: string;
}
/** `$9572.00`: text is the digits without `$` or commas. */
export interface MoneyLit extends Node {
  kind: 'money';
  text: string;
}
export interface TextLit extends Node {
  kind: 'text';
  value: string;
}
export interface BoolLit extends Node {
  kind: 'bool';
  value: boolean;
}
/** `2019-20` in an expression. */
export interface YearLit extends Node {
  kind: 'year';
  year: number;
}
/** A bare name: a parameter, an enum member, a formula parameter, `fiscal_year`. */
export interface NameRef extends Node {
  kind: 'name';
  name: Name;
}
/** `student.reported.transfer_code`: group name then field path. */
export interface FactRef extends Node {
  kind: 'fact';
  group: Name;
  path: Name[];
}
/** `base_grant_per_ada[span]`: a parameter's breakdown. */
export interface IndexExpr extends Node {
  kind: 'index';
  target: Name;
  index: Expr;
}
/** `adjusted_base(span)` or a built-in `max(a, b)` / `min(a, b)`. */
export interface CallExpr extends Node {
  kind: 'call';
  callee: Name;
  args: Expr[];
}
export interface ListExpr extends Node {
  kind: 'list';
  items: Expr[];
}
export interface UnaryExpr extends Node {
  kind: 'unary';
  op: 'not' | '-';
  operand: Expr;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '=' | '!=' | 'and' | 'or';
export interface BinaryExpr extends Node {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
}
/** `a is b` / `a is not b`. */
export interface IsExpr extends Node {
  kind: 'is';
  negated: boolean;
  left: Expr;
  right: Expr;
}
/** `a in [x, y]` / `a not in [x, y]`; with a list-typed left side, true when the lists share a member. */
export interface InExpr extends Node {
  kind: 'in';
  negated: boolean;
  left: Expr;
  list: Expr;
}
/** `a is present` / `a is missing` for optional facts. */
export interface PresentExpr extends Node {
  kind: 'present';
  negated: boolean;
  operand: Expr;
}
export interface IfExpr extends Node {
  kind: 'if';
  cond: Expr;
  then: Expr;
  else: Expr;
}
/** `to dollar`, `to cent`, `to 4 places`, or `to <name> places` (a Count parameter or formula input). */
export type RoundingUnitAst = 'dollar' | 'cent' | { places: number } | { placesFrom: NameRef };
export interface RoundExpr extends Node {
  kind: 'round';
  operand: Expr;
  unit: RoundingUnitAst;
  mode: 'half_up' | 'half_even' | 'down' | 'up';
}
