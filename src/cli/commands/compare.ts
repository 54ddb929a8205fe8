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
import { checkedLibrary } from '../library.js';
import { commandProvenance } from '../provenance.js';
import { table } from '../../report/csv.js';
import { provenanceFileFor, provenanceRows } from '../../report/provenance.js';
import { bundledRules } from '../paths.js';
import { scenarioInput } from '../scenario-input.js';
import { checkOutputPath, writeOutput } from '../write-output.js';
import { sideALaw } from '../side-a-law.js';

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
