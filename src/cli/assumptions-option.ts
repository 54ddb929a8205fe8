/** `--assumptions <file>` of `lcff project` and `lcff compare`: the file read and checked (every problem at once, exit 2), warnings printed. */
import { formatDiagnostic, hasErrors } from '../core/diagnostics.js';
import type { FiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import { loadAssumptionsFile } from '../scenario/assumptions.js';
import type { Assumptions, Scenario } from '../scenario/model.js';
import { EXIT, UserError } from './errors.js';

/**
 * The assumptions of `file`, each year of it after `after`; they are used
 * instead of the scenario's own `assumptions:`, and that is said.
 */
export async function assumptionsOption(file: string, after: FiscalYear, scenario: Scenario, warn: (line: string) => void): Promise<Assumptions> {
  const loaded = await loadAssumptionsFile(file, after);
  if (!loaded.assumptions || hasErrors(loaded.diagnostics)) throw new UserError(loaded.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
  for (const d of loaded.diagnostics) warn(visible(formatDiagnostic(d)));
  if (scenario.assumptions) warn(visible(`--assumptions ${file}: used instead of the scenario's own assumptions (${scenario.file})`));
  return loaded.assumptions;
}
