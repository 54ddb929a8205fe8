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
import type { OverrideSpec } from '../../params/index.js';
import type { Scenario } from '../../scenario/model.js';
import { projectScenario, projectSets, yearsOption, type ProjectCommandOptions } from '../commands/project.js';
import { loadScenarioInput, prepareInput, type PreparedInput } from '../scenario-input.js';
import { failedOutcome, knownOf } from './run-one.js';

/** The options of `lcff project` every scenario of a batch shares (plain data: they are sent to the workers). */
export type ProjectEachOptions = Omit<ProjectCommandOptions, 'json' | 'csv'>;

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
      const { result, runs } = await projectScenario(this.input.lib, scenario, yearsOption(this.opts.years), this.sets, this.opts, warn);
      return { scenario: path, status: 'ok', warnings, result, years: projectYearFigures(result, runs), ...knownOf(scenario) };
    } catch (e) {
      return failedOutcome(path, e, warnings, scenario);
    }
  }
}
