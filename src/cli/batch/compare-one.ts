/**
 * One scenario of a batch of comparisons, compared the way
 * `lcff compare <scenario>` compares it alone (src/cli/commands/compare.ts:
 * the same sides, labels, provenance and errors), with its errors caught and
 * kept as its outcome so the other scenarios still run. Both libraries are
 * loaded once per runner (the main thread, or each worker thread); side a's
 * library of `--against` is resolved once by the command, before the runners.
 */
import { compareScenarioRuns } from '../../compare/compare.js';
import { sideFigures, type CompareOutcome } from '../../batch/compare-outcome.js';
import type { Scenario } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';
import type { CompareOptions } from '../commands/compare.js';
import { checkedLibrary } from '../library.js';
import { bundledRules } from '../paths.js';
import { compareSides } from '../compare-sides.js';
import { loadScenarioInput, prepareInput, type PreparedInput } from '../scenario-input.js';
import { failedOutcome, knownOf } from './run-one.js';

/** The options of `lcff compare` every scenario of a batch shares (plain data: they are sent to the workers), with side a's library as the command resolved it. */
export type CompareEachOptions = Omit<CompareOptions, 'json' | 'csv' | 'html'> & { againstSide?: { rules: string; label: string } };

export class CompareRunner {
  private constructor(
    private readonly input: PreparedInput,
    private readonly libA: Library,
    private readonly opts: CompareEachOptions,
  ) {}

  /** Loads side b (the library with the reform and the overrides) and side a once; their errors stop the whole batch. */
  static async create(opts: CompareEachOptions): Promise<CompareRunner> {
    const input = await prepareInput(opts);
    const libA = await checkedLibrary(opts.againstSide?.rules ?? opts.rules ?? bundledRules());
    return new CompareRunner(input, libA, opts);
  }

  async run(path: string): Promise<CompareOutcome> {
    const warnings: string[] = [];
    let scenario: Scenario | undefined;
    try {
      scenario = await loadScenarioInput(path, this.input, (line) => warnings.push(line));
      const { opts, libA, input } = this;
      const rules = opts.rules ?? bundledRules();
      const warn = (line: string): void => void warnings.push(line);
      const { result, a, b } = await compareScenarioRuns(
        await compareSides({ scenario, path, libA, ...(opts.againstSide ? { againstSide: opts.againstSide } : {}), libB: input.lib, supplied: input.supplied, rules, opts }, warn),
      );
      return { scenario: path, status: 'ok', warnings, result, sides: { a: sideFigures(a), b: sideFigures(b) }, ...knownOf(scenario) };
    } catch (e) {
      return failedOutcome(path, e, warnings, scenario);
    }
  }
}
