/**
 * `lcff compare <scenario> [--reform <folder>] [--set …] [--against <folder or git revision>]`:
 * runs one scenario on two sides of the law and prints what changed and why.
 * Side a is the library (`--rules`, default the bundled rules/), or the one
 * `--against` names; side b is the library with the reform and the
 * overrides. Both run on json-rules-engine, whose trace names what each
 * figure used.
 */
import { writeFile } from 'node:fs/promises';
import { againstLibrary, AgainstError } from '../../compare/against.js';
import { compareScenario } from '../../compare/compare.js';
import { compareCsv, projectionRows, renderCompare, sidesProvenance } from '../../compare/render.js';
import { renderCompareHtml } from '../../compare/html.js';
import { packageVersion } from '../package-info.js';
import type { CompareResult } from '../../compare/result.js';
import { RunError } from '../../run/context.js';
import { EXIT, UserError } from '../errors.js';
import { checkedLibrary, yearInLibrary } from '../library.js';
import { commandProvenance } from '../provenance.js';
import { table } from '../../report/csv.js';
import { provenanceFileFor, provenanceRows } from '../../report/provenance.js';
import { bundledRules } from '../paths.js';
import { scenarioInput } from '../scenario-input.js';
import { checkOutputPath, writeOutput } from '../write-output.js';
import { assumptionsOption } from '../assumptions-option.js';
import { projectedSide, type SideProjection } from '../../compare/projected-side.js';
import { AssumptionsError } from '../../project/project.js';
import { formatDiagnostic } from '../../core/diagnostics.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { visible } from '../../core/safe-text.js';
import type { Scenario } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';

export interface CompareOptions {
  reform?: string;
  set?: string[];
  against?: string;
  rules?: string;
  year?: string;
  dataDir?: string;
  json?: boolean;
  csv?: string;
  html?: string;
  assumptions?: string;
}

/**
 * The law side a runs: its library in a year it holds law for; past its
 * last year, with assumptions (--assumptions, else the scenario's), the
 * library projected (src/compare/projected-side.ts); without them exit 2
 * (LCFF-S072). A year before its first is refused as by every command.
 */
async function sideALaw(libA: Library, scenario: Scenario, file: string | undefined, label: string, path: string): Promise<{ lib: Library; projection?: SideProjection }> {
  const year = scenario.fiscal_year;
  if (year <= libA.horizon.last) {
    yearInLibrary(libA, year, `side a (${label}) for ${path}`);
    if (file !== undefined) process.stderr.write(`${visible(`--assumptions ${file}: not used: side a (${label}) holds law for ${formatFiscalYear(year)}`)}\n`);
    return { lib: libA };
  }
  // the file's years are checked against side a's library (a COLA only past its last year), not against the scenario's year
  const assumptions = file !== undefined ? await assumptionsOption(file, libA.horizon.first - 1, scenario) : scenario.assumptions;
  try {
    const side = projectedSide(libA, scenario, assumptions, label);
    if (side.unused.length > 0) process.stderr.write(`${visible(`assumptions not used by a comparison (both sides run the scenario's own data): ${side.unused.join(', ')}`)}\n`);
    return side;
  } catch (e) {
    if (e instanceof AssumptionsError) throw new UserError(e.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
    throw e;
  }
}

export async function compareCommand(path: string, opts: CompareOptions): Promise<number> {
  const sets = opts.set ?? [];
  if (opts.reform === undefined && sets.length === 0 && opts.against === undefined) {
    throw new UserError('lcff compare: nothing to compare; give --reform <folder>, --set <parameter@year=value> or --against <folder or git revision>', EXIT.input);
  }
  if (opts.csv !== undefined) checkOutputPath('--csv', opts.csv);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  const rules = opts.rules ?? bundledRules();
  const rulesLabel = opts.rules ?? 'the bundled rules/';
  const b = await scenarioInput(path, opts);
  let against;
  try {
    against = opts.against !== undefined ? await againstLibrary(opts.against, rules) : undefined;
  } catch (e) {
    if (e instanceof AgainstError) throw new UserError(e.message, EXIT.input);
    throw e;
  }
  let result: CompareResult;
  try {
    const libA = await checkedLibrary(against?.rules ?? rules);
    const labelA = against?.label ?? rulesLabel;
    const sideA = await sideALaw(libA, b.scenario, opts.assumptions, labelA, path);
    try {
      result = await compareScenario({
        // each side states the law it ran: its library's hash (side b with the reform), the overrides, the time
        provenance: (which, unconfirmed) =>
          which === 'a'
            ? commandProvenance(libA, { rules: against?.rules ?? rules }, { supplied: [], unconfirmed, evaluator: 'engine' })
            : commandProvenance(b.lib, opts, { supplied: b.supplied, unconfirmed, evaluator: 'engine' }),
        scenario: b.scenario,
        source: path,
        a: { lib: sideA.lib, side: { label: against ? 'against' : 'library', rules: labelA, set: [], ...(sideA.projection ? { projection: sideA.projection } : {}) } },
        b: {
          lib: b.lib,
          supplied: b.supplied,
          side: {
            label: opts.reform !== undefined ? 'reform' : sets.length > 0 ? 'overrides' : 'library',
            rules: rulesLabel,
            ...(opts.reform !== undefined ? { reform: opts.reform, reform_files: b.lib.reform?.files ?? [] } : {}),
            set: sets,
          },
        },
      });
    } catch (e) {
      if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
      throw e;
    }
  } finally {
    await against?.dispose();
  }
  const wrote: string[] = [];
  if (opts.csv !== undefined) {
    const file = opts.csv;
    const beside = provenanceFileFor(file);
    await writeOutput('--csv', file, async () => {
      await writeFile(file, compareCsv(result));
      // each side's provenance beside the data, never inside it (docs/outputs.md, "Provenance")
      // side a's projection and its assumptions with it, when side a ran projected
      const rows = (['a', 'b'] as const).flatMap((k) => [...provenanceRows(result[k].provenance!), ...(k === 'a' ? projectionRows(result) : [])].map(([key, value]) => ({ side: k, key, value })));
      await writeFile(beside, table(['side', 'key', 'value'], rows));
    });
    wrote.push(file, beside);
  }
  if (opts.html !== undefined) {
    const file = opts.html;
    await writeOutput('--html', file, () => writeFile(file, renderCompareHtml(result, packageVersion())));
    wrote.push(file);
  }
  if (wrote.length > 0) {
    (opts.json ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
    if (!opts.json) return EXIT.ok;
  }
  process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderCompare(result)}${sidesProvenance(result)}`);
  return EXIT.ok;
}
