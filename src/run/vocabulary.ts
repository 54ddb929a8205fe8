/**
 * The rule library's vocabularies the runner and the reports use: funding
 * categories, grade spans and transfer bases are the members of enums in
 * rules/enums.lcff, read from the checked library, never copied into src/.
 */
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
  for (const m of enumMembers(ctx.program.lib, 'funding_category')) if (ctx.formula(formula, [m.name]) === true) out.add(m.name);
  return out;
}
