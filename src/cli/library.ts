/** Loads and checks the rule library for a CLI command; errors stop the command. */
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { OverrideError, parseOverride, type UserSupplied } from '../params/overrides.js';
import type { Library } from '../semantics/library.js';
import { withOverrides } from '../semantics/overrides.js';
import { UserError } from './errors.js';
import { openLibrary } from './cached-library.js';
import { asUserError, libraryHasErrors } from './library-sources.js';
import { yearInHorizon, yearOption } from './year-option.js';
import { bundledRules } from './paths.js';

/** The checked library of `--rules` (default: the bundled rules/), with the `--reform` folder overlaid when given (through the cache: cached-library.ts); errors stop the command (exit 1). */
export async function checkedLibrary(rulesPath?: string, reform?: string): Promise<Library> {
  const lib = await (await openLibrary([rulesPath ?? bundledRules()], reform)).library();
  if (hasErrors(lib.diagnostics)) {
    const lines = lib.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    if (reform === undefined) throw libraryHasErrors(lines);
    throw new UserError(`the rule library with the reform ${reform} has errors (run lcff check --reform ${reform}):\n${lines.join('\n')}`, 1);
  }
  return lib;
}

/** A fiscal year the library holds law for; any other is a usage error (exit 2) saying which years it covers. */
export function yearInLibrary(lib: Library, year: number, what = '--year'): number {
  return yearInHorizon(lib.horizon, year, what);
}

export { asUserError, yearOption };
export { formatFiscalYear };

export { collect } from './collect.js';

/** The library with `--set` overrides applied; a bad override is a usage error (exit 2). */
export function libraryWithSets(lib: Library, sets: readonly string[] | undefined): { lib: Library; supplied: UserSupplied[] } {
  try {
    return withOverrides(lib, (sets ?? []).map((t) => parseOverride(t)));
  } catch (e) {
    if (e instanceof OverrideError) throw new UserError(e.message, 2);
    throw e;
  }
}
