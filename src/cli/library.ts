/** Loads and checks the rule library for a CLI command; errors stop the command. */
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import { formatFiscalYear, parseFiscalYear } from '../core/fiscal-year.js';
import { outsideHorizon } from '../params/manifest.js';
import { OverrideError, parseOverride, type UserSupplied } from '../params/index.js';
import type { Library } from '../semantics/library.js';
import { withOverrides } from '../semantics/overrides.js';
import { loadLibrary, SourceAccessError } from '../semantics/workspace.js';
import { UserError } from './errors.js';
import { bundledRules } from './paths.js';

/** The checked library of `--rules` (default: the bundled rules/), with the `--reform` folder overlaid when given; errors stop the command (exit 1). */
export async function checkedLibrary(rulesPath?: string, reform?: string): Promise<Library> {
  const lib = await asUserError(() => loadLibrary([rulesPath ?? bundledRules()], process.cwd(), reform));
  if (hasErrors(lib.diagnostics)) {
    const lines = lib.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    const what = reform !== undefined ? `the rule library with the reform ${reform}` : 'the rule library';
    throw new UserError(`${what} has errors (run lcff check${reform !== undefined ? ` --reform ${reform}` : ''}):\n${lines.join('\n')}`, 1);
  }
  return lib;
}

/** Runs `fn`; a rule-library path that cannot be read (missing, no permission) is a usage error, exit 2, not an internal one. */
export async function asUserError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SourceAccessError) throw new UserError(e.message, 2);
    throw e;
  }
}

export function yearOption(text: string, what = '--year'): number {
  const y = parseFiscalYear(text);
  if (y === undefined) throw new UserError(`${what}: "${text}" is not a fiscal year like 2019-20 (two consecutive years)`);
  return y;
}

/** A fiscal year the library holds law for; any other is a usage error (exit 2) saying which years it covers. */
export function yearInLibrary(lib: Library, year: number, what = '--year'): number {
  const why = outsideHorizon(lib.horizon, year);
  if (why) throw new UserError(`${what}: ${why}${year > lib.horizon.last ? '; a later year is computed only as a projection with stated assumptions (lcff project, docs/projections.md)' : ''}`, 2);
  return year;
}

export { formatFiscalYear };

/** commander's collector for a repeatable option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The library with `--set` overrides applied; a bad override is a usage error (exit 2). */
export function libraryWithSets(lib: Library, sets: readonly string[] | undefined): { lib: Library; supplied: UserSupplied[] } {
  try {
    return withOverrides(lib, (sets ?? []).map((t) => parseOverride(t)));
  } catch (e) {
    if (e instanceof OverrideError) throw new UserError(e.message, 2);
    throw e;
  }
}
