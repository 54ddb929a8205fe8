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
import { compareCsv, compareProvenanceCsv, renderCompare, sidesProvenance } from '../../compare/render.js';
import { renderCompareHtml } from '../../compare/html.js';
import { packageVersion } from '../package-info.js';
import type { CompareResult } from '../../compare/result.js';
import { RunError } from '../../run/context.js';
import { EXIT, UserError } from '../errors.js';
import { checkedLibrary } from '../library.js';
import { provenanceFileFor } from '../../report/provenance.js';
import { bundledRules } from '../paths.js';
import { scenarioInput, toStderr } from '../scenario-input.js';
import { checkOutputPath, writeOutput } from '../write-output.js';
import { batchScenarios } from '../batch/inputs.js';
import { compareSides } from '../compare-sides.js';

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

/** `lcff compare <paths...>`: one scenario (below), or a batch (several paths, or a folder of scenarios: compare-batch.ts). */
export async function compareCommand(paths: string | string[], opts: CompareOptions & { jobs?: number }): Promise<number> {
  const list = typeof paths === 'string' ? [paths] : paths;
  const batch = await batchScenarios(list);
  return batch ? (await import('./compare-batch.js')).compareBatch(batch, opts) : compareOne(list[0], opts);
}

async function compareOne(path: string, opts: CompareOptions): Promise<number> {
  const sets = opts.set ?? [];
  if (opts.reform === undefined && sets.length === 0 && opts.against === undefined) {
    throw new UserError('lcff compare: nothing to compare; give --reform <folder>, --set <parameter@year=value> or --against <folder or git revision>', EXIT.input);
  }
  if (opts.csv !== undefined) checkOutputPath('--csv', opts.csv);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  const rules = opts.rules ?? bundledRules();
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
    const input = await compareSides({ scenario: b.scenario, path, libA, ...(against ? { againstSide: against } : {}), libB: b.lib, supplied: b.supplied, rules, opts }, toStderr);
    try {
      result = await compareScenario(input);
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
      // each side's provenance beside the data, never inside it
      await writeFile(beside, compareProvenanceCsv(result));
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
