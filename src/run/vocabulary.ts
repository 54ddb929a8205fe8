/**
 * The rule library's vocabularies the runner and the reports use: funding
 * categories, grade spans and transfer bases are the members of enums in
 * rules/enums.lcff, read from the checked library, never copied into src/.
 */
import { EvalError } from '../compile/expr-closure.js';
import { valueText, type Value } from '../compile/values.js';
import type { Library } from '../semantics/library.js';
import { RunError, type RunContext } from './context.js';
import type { Vocabulary } from './result.js';

export interface Member {
  name: string;
  label: string;
}

/** The members of one enum of the library, in declaration order; LCFF-F006 when the library does not declare it. */
export function enumMembers(lib: Library, enumName: string): Member[] {
  const e = lib.enums.get(enumName);
  if (!e || e.decl.members.length === 0) throw new RunError('LCFF-F006', `the rule library declares no enum ${enumName} (with members); the runner needs it (rules/enums.lcff)`);
  return e.decl.members.map((m) => ({ name: m.name.text, label: m.label ?? m.name.text }));
}

/** The enums a result draws on: funding_category, grade_span, transfer_basis. */
export function vocabulary(lib: Library): Vocabulary {
  const names = (e: string): string[] => enumMembers(lib, e).map((m) => m.name);
  return { categories: names('funding_category'), spans: names('grade_span'), bases: names('transfer_basis') };
}

/**
 * The funding categories for which a formula of the library `(category: funding_category) : Bool`
 * holds — e.g. aeg_ada_category: which students' ADA the Alternative Education Grant pays for.
 */
export function categoriesWhere(ctx: RunContext, formula: string): Set<string> {
  const out = new Set<string>();
  for (const m of enumMembers(ctx.program.lib, 'funding_category')) if (needed(ctx, formula, [m.name]) === true) out.add(m.name);
  return out;
}

/**
 * The texts a formula of the library `() : list of Text` gives in the year —
 * e.g. district_funded_transfer_codes: the CALPADS codes that move a student's counts to the district.
 */
export function textsOf(ctx: RunContext, formula: string): Set<string> {
  const v = needed(ctx, formula, []);
  if (!Array.isArray(v)) throw new RunError('LCFF-F007', `formula ${formula} of the rule library gives ${valueText(v)}, not a list; the runner needs a list of texts`);
  return new Set(v.map((x) => valueText(x)));
}

/** A formula the runner calls by name: LCFF-F007 when the library has none in force in the year. */
export function needed(ctx: RunContext, formula: string, args: Value[]): Value {
  if (!(ctx.program.lib.formulas.get(formula) ?? []).length) throw new RunError('LCFF-F007', `the rule library declares no formula ${formula}; the runner needs it (rules/county-programs/)`);
  try {
    return ctx.formula(formula, args);
  } catch (e) {
    if (e instanceof EvalError) throw new RunError('LCFF-F007', `formula ${formula}: ${e.message}`);
    throw e;
  }
}
