/**
 * `lcff compare`: the two sides of one scenario's comparison, built the same
 * way for a single comparison (commands/compare.ts) and for each scenario of
 * a batch (batch/compare-one.ts). Side a is the library (`--rules`) or the
 * one `--against` names, projected past its last year by the assumed COLA
 * (side-a-law.ts); side b is the library with the reform and the overrides.
 * Both run on json-rules-engine, whose trace names what each figure used.
 */
import type { CompareInput } from '../compare/compare.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import type { UserSupplied } from '../params/overrides.js';
import { commandProvenance } from './provenance.js';
import { sideALaw } from './side-a-law.js';

export interface CompareSidesOptions {
  rules?: string;
  reform?: string;
  set?: string[];
  assumptions?: string;
}

/** The input of compareScenario(Runs): side a's library (`libA`, its rules folder and label) and side b's (`libB` with the values it supplied). */
export async function compareSides(
  args: {
    scenario: Scenario;
    path: string;
    libA: Library;
    againstSide?: { rules: string; label: string };
    libB: Library;
    supplied: readonly UserSupplied[];
    rules: string;
    opts: CompareSidesOptions;
  },
  warn: (line: string) => void,
): Promise<CompareInput> {
  const { scenario, path, libA, againstSide, libB, supplied, rules, opts } = args;
  const sets = opts.set ?? [];
  const rulesLabel = opts.rules ?? 'the bundled rules/';
  const labelA = againstSide?.label ?? rulesLabel;
  const sideA = await sideALaw(libA, scenario, opts.assumptions, labelA, path, warn);
  return {
    // each side states the law it ran: its library's hash (side b with the reform), the overrides, the time
    provenance: (which, unconfirmed) =>
      which === 'a'
        ? commandProvenance(libA, { rules: againstSide?.rules ?? rules }, { supplied: [], unconfirmed, evaluator: 'engine' })
        : commandProvenance(libB, opts, { supplied, unconfirmed, evaluator: 'engine' }),
    scenario,
    source: path,
    a: { lib: sideA.lib, side: { label: againstSide ? 'against' : 'library', rules: labelA, set: [], ...(sideA.projection ? { projection: sideA.projection } : {}) } },
    b: {
      lib: libB,
      supplied,
      side: {
        label: opts.reform !== undefined ? 'reform' : sets.length > 0 ? 'overrides' : 'library',
        rules: rulesLabel,
        ...(opts.reform !== undefined ? { reform: opts.reform, reform_files: libB.reform?.files ?? [] } : {}),
        set: sets,
      },
    },
  };
}
