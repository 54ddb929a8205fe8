/**
 * One scenario of a batch of projections, projected the way
 * `lcff project <scenario>` projects it alone (src/cli/commands/project.ts:
 * the same year range, assumptions, overrides, provenance and errors), with
 * its errors caught and kept as its outcome so the other scenarios still
 * run. The library is loaded once per runner (the main thread, or each
 * worker thread); an --assumptions file is read per scenario, against the
 * scenario's year, as a single projection reads it.
 */
import { projectYearFigures, type ProjectOutcome } from '../../batch/project-outcome.js';
import { formatDiagnostic, hasErrors } from '../../core/diagnostics.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { visible } from '../../core/safe-text.js';
import { OverrideError, parseOverride, type OverrideSpec } from '../../params/index.js';
import { AssumptionsError, runProjection } from '../../project/project.js';
import type { ProjectionResult } from '../../project/result.js';
import { ProjectionInputError } from '../../project/roll-forward.js';
import { loadAssumptionsFile } from '../../scenario/assumptions.js';
import type { Scenario } from '../../scenario/model.js';
import { MAX_PROJECTED_YEARS, yearsOption, type ProjectCommandOptions } from '../commands/project.js';
import { EXIT, UserError } from '../errors.js';
import { commandProvenance } from '../provenance.js';
import { loadScenarioInput, prepareInput, type PreparedInput } from '../scenario-input.js';
import { failedOutcome, knownOf } from './run-one.js';

/** The options of `lcff project` every scenario of a batch shares (plain data: they are sent to the workers). */
export type ProjectEachOptions = Omit<ProjectCommandOptions, 'json' | 'csv'>;

/** The --set overrides read; a bad one is a usage error that stops the batch (as it stops a single projection). */
export function projectSets(opts: ProjectEachOptions): OverrideSpec[] {
  try {
    return (opts.set ?? []).map((t) => parseOverride(t));
  } catch (e) {
    if (e instanceof OverrideError) throw new UserError(e.message, EXIT.input);
    throw e;
  }
}

export class ProjectRunner {
  private constructor(
    private readonly input: PreparedInput,
    private readonly sets: OverrideSpec[],
    private readonly opts: ProjectEachOptions,
  ) {}

  static async create(opts: ProjectEachOptions): Promise<ProjectRunner> {
    yearsOption(opts.years);
    const sets = projectSets(opts);
    return new ProjectRunner(await prepareInput({ ...(opts.rules !== undefined ? { rules: opts.rules } : {}), ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}) }), sets, opts);
  }

  async run(path: string): Promise<ProjectOutcome> {
    const warnings: string[] = [];
    const warn = (line: string): void => void warnings.push(line);
    let scenario: Scenario | undefined;
    try {
      scenario = await loadScenarioInput(path, this.input, warn);
      const { opts } = this;
      const range = yearsOption(opts.years);
      const fy = scenario.fiscal_year;
      if (range.from !== fy + 1) {
        throw new UserError(`--years: a projection runs year after year from the scenario's ${formatFiscalYear(fy)}, so it starts in ${formatFiscalYear(fy + 1)}; write --years ${formatFiscalYear(fy + 1)}..${formatFiscalYear(Math.max(range.to, fy + 1))}`, EXIT.input);
      }
      if (range.to - fy > MAX_PROJECTED_YEARS) throw new UserError(`--years: a projection reaches at most ${MAX_PROJECTED_YEARS} years after the scenario's ${formatFiscalYear(fy)} (through ${formatFiscalYear(fy + MAX_PROJECTED_YEARS)})`, EXIT.input);
      let assumptions = scenario.assumptions;
      if (opts.assumptions !== undefined) {
        const loaded = await loadAssumptionsFile(opts.assumptions, fy);
        if (!loaded.assumptions || hasErrors(loaded.diagnostics)) throw new UserError(loaded.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
        for (const d of loaded.diagnostics) warn(visible(formatDiagnostic(d)));
        if (assumptions) warn(visible(`--assumptions ${opts.assumptions}: used instead of the scenario's own assumptions (${scenario.file})`));
        assumptions = loaded.assumptions;
      }
      const evaluator = opts.fast ? 'fast' : 'engine';
      let output;
      try {
        output = await runProjection({ lib: this.input.lib, scenario, through: range.to, ...(assumptions ? { assumptions } : {}), sets: this.sets, evaluator });
      } catch (e) {
        if (e instanceof AssumptionsError) throw new UserError(e.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
        if (e instanceof OverrideError || e instanceof ProjectionInputError) throw new UserError(e.message, EXIT.input);
        throw e; // a RunError is fatal, named with the path (failedOutcome)
      }
      const unconfirmed = output.result.unconfirmed.length;
      const result: ProjectionResult = { provenance: commandProvenance(this.input.lib, opts, { supplied: [], unconfirmed, evaluator }), ...output.result };
      result.provenance!.overrides = (opts.set ?? []).slice();
      return { scenario: path, status: 'ok', warnings, result, years: projectYearFigures(result, output.runs), ...knownOf(scenario) };
    } catch (e) {
      return failedOutcome(path, e, warnings, scenario);
    }
  }
}
