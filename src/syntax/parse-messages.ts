/**
 * Syntax error messages for policy analysts: `expected "then" after the
 * rule's conditions but found "fund"`. Plugged into the parser as its
 * chevrotain errorMessageProvider.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import * as T from './tokens.js';

/**
 * The token just after the tokens being parsed: parse.ts parses one
 * declaration at a time, so "the end of the input" there is really the next
 * declaration's keyword; messages name that token instead.
 */
let follower: IToken | undefined;
export function setFollower(t: IToken | undefined): void {
  follower = t;
}

/** What a rule is, for "in the ..." phrases. */
const RULE_WHAT: Record<string, string> = {
  declaration: 'a declaration',
  enumDecl: 'the enum',
  enumMember: 'the enum member',
  factsDecl: 'the facts',
  factField: 'the fact field',
  path: 'the field name',
  typeRef: 'the type',
  formulaDecl: 'the formula',
  param: 'the formula parameter',
  clause: 'the clause',
  citeClause: 'the citation',
  effectiveClause: 'the effective years',
  statusClause: 'the status',
  decisionDecl: 'the decision',
  outputDecl: 'the output',
  ruleDecl: 'the rule',
  assignment: 'the assignment',
  parenExpr: 'the parentheses',
  listExpr: 'the list',
  ifExpr: 'the "if" expression',
  roundExpr: 'the "round" expression',
  roundingMode: 'the rounding mode',
  nameExpr: 'the expression',
};

/** Specific phrases for `expected X <phrase>` keyed by `rule:TokenName`. */
const CONTEXT: Record<string, string> = {
  'ruleDecl:Then': "after the rule's conditions",
  'ruleDecl:Rule': 'after "otherwise"',
  'ruleDecl:Identifier': 'as the rule name',
  'ifExpr:Then': 'after the condition of "if"',
  'ifExpr:Else': 'after the "then" branch of "if"',
  'enumDecl:End': 'to close the enum',
  'factsDecl:End': 'to close the facts',
  'decisionDecl:End': 'to close the decision',
  'decisionDecl:For': 'after the decision name',
  'decisionDecl:Identifier': 'as the decision or subject name',
  'formulaDecl:Equals': "before the formula's body",
  'formulaDecl:LParen': 'after the formula name',
  'formulaDecl:RParen': "to close the formula's parameters",
  'formulaDecl:Colon': "before the formula's result type",
  'formulaDecl:Identifier': 'as the formula name',
  'enumDecl:Identifier': 'as the enum name',
  'factsDecl:Identifier': 'as the facts group name',
  'factField:Colon': 'between the field name and its type',
  'param:Colon': 'between the parameter name and its type',
  'outputDecl:Colon': 'between the output name and its type',
  'outputDecl:Identifier': 'as the output name',
  'assignment:Equals': 'after the output name',
  'assignment:Identifier': 'as the output to set',
  'roundExpr:To': 'after "round(...)"',
  'roundExpr:LParen': 'after "round"',
  'roundExpr:Places': 'after the number of places',
  'parenExpr:RParen': 'to close the parenthesis',
  'nameExpr:RParen': 'to close the call',
  'nameExpr:RBracket': 'to close the index',
  'listExpr:RBracket': 'to close the list',
  'citeClause:StringLit': 'after "cite"',
  'effectiveClause:Year': 'in the effective years',
  'typeRef:Of': 'after "list"',
};

/** A token type as analysts read it: `"then"`, `a name`, `a fiscal year like 2019-20`. */
export function describeType(t: TokenType): string {
  if (t === EOF) return 'the end of the file';
  return t.LABEL ?? t.name;
}

/** A found token: its text in quotes, or "the end of the file". */
export function describeFound(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) {
    if (follower) return describeFound(follower);
    return 'the end of the file';
  }
  const image = t.image.length > 30 ? t.image.slice(0, 30) + '…' : t.image;
  return `"${image}"`;
}

function where(ruleName: string, expected: TokenType): string {
  const specific = CONTEXT[`${ruleName}:${expected.name}`];
  if (specific) return ' ' + specific;
  const what = RULE_WHAT[ruleName];
  return what ? ` in ${what}` : '';
}

/** Phrases for "no alternative fits" in the rules whose alternatives are many. */
const ALTERNATIVES: Record<string, string> = {
  declaration: 'a declaration (enum, facts, formula or decision)',
  atom: 'a value (a name, a number, 20%, $100, "text", true, false, 2019-20, "(", "[", "if" or "round")',
  unaryExpr: 'a value (a name, a number, 20%, $100, "text", true, false, 2019-20, "(", "[", "if" or "round")',
  notExpr: 'a condition or value',
  compareExpr: '"present", "missing" or a value',
  clause: '"cite", "effective" or "status"',
  statusClause: '"confirmed" or "unconfirmed"',
  roundExpr: '"dollar", "cent" or a number of "places"',
  roundingMode: '"half up", "half even", "down" or "up"',
  typeRef: 'a type (a type name or "list of" an enum)',
  effectiveClause: '".." and a year, or "onward"',
};

function listAlternatives(paths: TokenType[][]): string {
  const firsts: string[] = [];
  for (const p of paths) {
    const t = p[0];
    if (t && !firsts.includes(describeType(t))) firsts.push(describeType(t));
  }
  if (firsts.length === 0) return 'something else';
  if (firsts.length === 1) return firsts[0];
  return `${firsts.slice(0, -1).join(', ')} or ${firsts[firsts.length - 1]}`;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    return `expected ${describeType(expected)}${where(ruleName, expected)} but found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === T.End) return `unexpected "end": there is nothing open to close here`;
    return `expected a new declaration (enum, facts, formula or decision) but found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected = ALTERNATIVES[ruleName] ?? listAlternatives(expectedPathsPerAlt.flat());
    return `expected ${expected}${ALTERNATIVES[ruleName] ? '' : RULE_WHAT[ruleName] ? ` in ${RULE_WHAT[ruleName]}` : ''} but found ${describeFound(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const what = RULE_WHAT[ruleName];
    return `expected ${listAlternatives(expectedIterationPaths)}${what ? ` in ${what}` : ''} but found ${describeFound(actual[0])}`;
  },
};
