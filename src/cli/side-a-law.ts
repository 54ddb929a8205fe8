/** `lcff compare`: the law side a runs in the scenario's year — its library, or past its last year that library projected by the assumed COLA (src/compare/projected-side.ts). */
import { projectedSide, type SideProjection } from '../compare/projected-side.js';
import { formatDiagnostic } from '../core/diagnostics.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import { AssumptionsError } from '../project/project.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import { assumptionsOption } from './assumptions-option.js';
import { EXIT, UserError } from './errors.js';
import { yearInLibrary } from './library.js';

/**
 * The law side a runs: its library in a year it holds law for; past its
 * last year, with assumptions (--assumptions, else the scenario's), the
 * library projected (src/compare/projected-side.ts); without them exit 2
 * (LCFF-S072). A year before its first is refused as by every command.
 */
export async function sideALaw(libA: Library, scenario: Scenario, file: string | undefined, label: string, path: string, warn: (line: string) => void): Promise<{ lib: Library; projection?: SideProjection }> {
  const year = scenario.fiscal_year;
  if (year <= libA.horizon.last) {
    yearInLibrary(libA, year, `side a (${label}) for ${path}`);
    if (file !== undefined) warn(visible(`--assumptions ${file}: not used: side a (${label}) holds law for ${formatFiscalYear(year)}`));
    return { lib: libA };
  }
  // the file's years are checked against side a's library (a COLA only past its last year), not against the scenario's year
  const assumptions = file !== undefined ? await assumptionsOption(file, libA.horizon.first - 1, scenario, warn) : scenario.assumptions;
  try {
    const side = projectedSide(libA, scenario, assumptions, label);
    if (side.unused.length > 0) warn(visible(`assumptions not used by a comparison (both sides run the scenario's own data): ${side.unused.join(', ')}`));
    return side;
  } catch (e) {
    if (e instanceof AssumptionsError) throw new UserError(e.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
    throw e;
  }
}
