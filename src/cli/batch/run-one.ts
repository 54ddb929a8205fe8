/**
 * One scenario of a batch, run the way `lcff run <scenario>` runs it alone
 * (the same input checks, evaluator choice, run and --fail-on), with its
 * errors caught and kept as its outcome so the other scenarios still run.
 * Used on the main thread (--jobs 1) and inside each worker thread.
 */
import { compileProgram, type Program } from '../../compile/program.js';
import type { OutcomeBase, ScenarioOutcome } from '../../batch/outcome.js';
import { formatFiscalYear } from '../../core/fiscal-year.js';
import { RunError } from '../../run/context.js';
import type { PublishedResult } from '../../run/result.js';
import { runScenario } from '../../run/run.js';
import type { Scenario } from '../../scenario/model.js';
import type { RunCommandOptions } from '../commands/run.js';
import { evaluatorFor } from '../evaluator-choice.js';
import { EXIT, UserError } from '../errors.js';
import { failOnHits } from '../fail-on.js';
import { commandProvenance } from '../provenance.js';
import { loadScenarioInput, prepareInput, type PreparedInput } from '../scenario-input.js';

/** The options of `lcff run` that apply to every scenario of a batch: all but the outputs (plain data: they are sent to the workers). */
export type BatchRunOptions = Omit<RunCommandOptions, 'json' | 'csv' | 'html' | 'xlsx' | 'explain' | 'jobs'>;

/** What is known of a scenario once it is read, even when its run then fails. */
export function knownOf(scenario: Scenario | undefined): Pick<OutcomeBase, 'fiscal_year' | 'county'> {
  return scenario ? { fiscal_year: formatFiscalYear(scenario.fiscal_year), county: { code: scenario.county.code, name: scenario.county.name } } : {};
}

/** The outcome of a scenario whose run threw: bad input (a UserError of exit 2), a fatal run error (exit 3), or a bug (kept with this scenario so the others still run; exit 3 as for any internal error). */
export function failedOutcome(path: string, e: unknown, warnings: string[], scenario: Scenario | undefined): OutcomeBase {
  const known = knownOf(scenario);
  if (e instanceof UserError) return { scenario: path, status: e.exitCode === EXIT.fatal ? 'fatal' : 'input', warnings, error: e.message, ...known };
  if (e instanceof RunError) return { scenario: path, status: 'fatal', warnings, error: `${path}: ${e.code} ${e.message}`, ...known };
  return { scenario: path, status: 'fatal', warnings, error: `internal error: ${e instanceof Error ? e.message : String(e)} (this is a bug in lcff-rules; please report it with the command you ran)`, ...known };
}

export class ScenarioRunner {
  /** Programs compiled once per fiscal year and reused by every scenario of that year. */
  private readonly programs = new Map<number, Program>();

  private constructor(
    private readonly input: PreparedInput,
    private readonly opts: BatchRunOptions,
  ) {}

  /** Loads the library with the options once; bad options or library errors throw a UserError (they stop the whole batch). */
  static async create(opts: BatchRunOptions): Promise<ScenarioRunner> {
    return new ScenarioRunner(await prepareInput(opts), opts);
  }

  async run(path: string): Promise<ScenarioOutcome> {
    const warnings: string[] = [];
    let scenario: Scenario | undefined;
    try {
      scenario = await loadScenarioInput(path, this.input, (line) => warnings.push(line));
      const evaluator = evaluatorFor(scenario, this.opts);
      const known = knownOf(scenario);
      const run = await runScenario(this.input.lib, scenario, { evaluator, userSupplied: this.input.supplied, program: this.program(scenario.fiscal_year) });
      // each result states its provenance, as a single run's does (one library, per-run facts and time)
      const result: PublishedResult = { provenance: commandProvenance(this.input.lib, this.opts, { supplied: this.input.supplied, unconfirmed: run.result.unconfirmed.length, evaluator }), ...run.result };
      const hits = failOnHits(result.findings, this.opts.failOn);
      return { scenario: path, status: hits ? 'findings' : 'ok', warnings, result, evaluator, ...known, ...(hits ? { error: hits } : {}) };
    } catch (e) {
      return failedOutcome(path, e, warnings, scenario);
    }
  }

  private program(year: number): Program {
    let p = this.programs.get(year);
    if (!p) {
      p = compileProgram(this.input.lib, year);
      this.programs.set(year, p);
    }
    return p;
  }
}
