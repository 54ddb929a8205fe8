/** `lcff project <scenario> --years A..B`: the scenario's year and the years after it side by side, past the library's horizon only with stated assumptions (docs/projections.md). */
import { formatDiagnostic } from '../../core/diagnostics.js';
import { formatFiscalYear, parseFiscalYear, type FiscalYear } from '../../core/fiscal-year.js';
import { excerpt } from '../../core/safe-text.js';
import { OverrideError, parseOverride, type OverrideSpec } from '../../params/index.js';
import { AssumptionsError, runProjection, type ProjectionOutput } from '../../project/project.js';
import type { Scenario } from '../../scenario/model.js';
import type { Library } from '../../semantics/library.js';
import { ProjectionInputError } from '../../project/roll-forward.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectionResult } from '../../project/result.js';
import { provenanceCsv } from '../../report/csv.js';
import { provenanceFooter } from '../../report/provenance.js';
import { writeProjectionCsv } from '../../report/projection-csv.js';
import { renderProjection } from '../../report/projection-tables.js';
import { renderProjectionHtml } from '../../report/projection-html.js';
import { RunError } from '../../run/context.js';
import { EXIT, UserError } from '../errors.js';
import { assumptionsOption } from '../assumptions-option.js';
import { commandProvenance } from '../provenance.js';
import { scenarioInput, toStderr } from '../scenario-input.js';
import { checkOutputFolder, checkOutputPath, writeOutput } from '../write-output.js';
import { batchScenarios } from '../batch/inputs.js';

export interface ProjectCommandOptions {
  years: string;
  assumptions?: string;
  json?: boolean;
  csv?: string;
  html?: string;
  xlsx?: string;
  rules?: string;
  dataDir?: string;
  fast?: boolean;
  set?: string[];
}

/** How many years after the scenario's a projection may reach: a budget's multi-year projection is three; ten bounds a mistyped range. */
export const MAX_PROJECTED_YEARS = 10;

/** "2026-27..2028-29" or "2026-27": the first and last year. */
export function yearsOption(text: string): { from: FiscalYear; to: FiscalYear } {
  const parts = text.split('..');
  const read = (t: string) => {
    const y = parseFiscalYear(t.trim());
    if (y === undefined || formatFiscalYear(y) !== t.trim()) throw new UserError(`--years: ${excerpt(t, 40)} is not a fiscal year like 2026-27 (two consecutive years); write --years 2026-27..2028-29`, EXIT.input);
    return y;
  };
  if (parts.length > 2) throw new UserError(`--years: ${excerpt(text, 40)} is not a range: write --years 2026-27..2028-29 (or one year, --years 2026-27)`, EXIT.input);
  const from = read(parts[0]);
  const to = parts.length === 2 ? read(parts[1]) : from;
  if (to < from) throw new UserError(`--years: ${formatFiscalYear(to)} is before ${formatFiscalYear(from)}`, EXIT.input);
  return { from, to };
}

/** The --set overrides read; a bad one is a usage error that stops the batch (as it stops a single projection). */
export function projectSets(opts: Pick<ProjectCommandOptions, 'set'>): OverrideSpec[] {
  try {
    return (opts.set ?? []).map((t) => parseOverride(t));
  } catch (e) {
    if (e instanceof OverrideError) throw new UserError(e.message, EXIT.input);
    throw e;
  }
}

/**
 * One scenario projected as `lcff project` projects it, alone or in a batch
 * (batch/project-one.ts): the year range checked against the scenario's
 * year, the assumptions (--assumptions instead of the scenario's own), the
 * run, and the provenance of the law it ran on (the library extended past
 * its horizon for this run only, the --set values, the time). Bad input is
 * a UserError (exit 2); a RunError is thrown as is, for the caller to name
 * the scenario.
 */
export async function projectScenario(
  lib: Library,
  scenario: Scenario,
  range: { from: FiscalYear; to: FiscalYear },
  sets: OverrideSpec[],
  opts: Pick<ProjectCommandOptions, 'assumptions' | 'fast' | 'set' | 'rules'>,
  warn: (line: string) => void,
): Promise<{ result: ProjectionResult; runs: ProjectionOutput['runs'] }> {
  const fy = scenario.fiscal_year;
  if (range.from !== fy + 1) {
    throw new UserError(`--years: a projection runs year after year from the scenario's ${formatFiscalYear(fy)}, so it starts in ${formatFiscalYear(fy + 1)}; write --years ${formatFiscalYear(fy + 1)}..${formatFiscalYear(Math.max(range.to, fy + 1))}`, EXIT.input);
  }
  if (range.to - fy > MAX_PROJECTED_YEARS) throw new UserError(`--years: a projection reaches at most ${MAX_PROJECTED_YEARS} years after the scenario's ${formatFiscalYear(fy)} (through ${formatFiscalYear(fy + MAX_PROJECTED_YEARS)})`, EXIT.input);
  const assumptions = opts.assumptions !== undefined ? await assumptionsOption(opts.assumptions, fy, scenario, warn) : scenario.assumptions;
  const evaluator = opts.fast ? 'fast' : 'engine';
  let output;
  try {
    output = await runProjection({ lib, scenario, through: range.to, ...(assumptions ? { assumptions } : {}), sets, evaluator });
  } catch (e) {
    if (e instanceof AssumptionsError) throw new UserError(e.diagnostics.map(formatDiagnostic).join('\n'), EXIT.input);
    if (e instanceof OverrideError || e instanceof ProjectionInputError) throw new UserError(e.message, EXIT.input);
    throw e;
  }
  const unconfirmed = output.result.unconfirmed.length;
  const provenance = { ...commandProvenance(lib, opts, { supplied: [], unconfirmed, evaluator }), overrides: (opts.set ?? []).slice() };
  return { result: { provenance, ...output.result }, runs: output.runs };
}

/** `lcff project <paths...>`: one scenario (below), or a batch (several paths, or a folder of scenarios: project-batch.ts). */
export async function projectCommand(paths: string | string[], opts: ProjectCommandOptions & { jobs?: number }): Promise<number> {
  const list = typeof paths === 'string' ? [paths] : paths;
  const batch = await batchScenarios(list);
  return batch ? (await import('./project-batch.js')).projectBatch(batch, opts) : projectOne(list[0], opts);
}

async function projectOne(path: string, opts: ProjectCommandOptions): Promise<number> {
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  if (opts.xlsx !== undefined) checkOutputPath('--xlsx', opts.xlsx);
  const range = yearsOption(opts.years);
  const sets = projectSets(opts);
  const { lib, scenario } = await scenarioInput(path, { ...(opts.rules !== undefined ? { rules: opts.rules } : {}), ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}) });
  let projected;
  try {
    projected = await projectScenario(lib, scenario, range, sets, opts, toStderr);
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  const { result } = projected;
  const wrote: string[] = [];
  if (opts.csv !== undefined) {
    const dir = opts.csv;
    await writeOutput('--csv', dir, async () => {
      wrote.push(...(await writeProjectionCsv(dir, result)));
      await writeFile(join(dir, 'provenance.csv'), provenanceCsv(result.provenance!));
      wrote.push(join(dir, 'provenance.csv'));
    });
  }
  const published = { result: { ...result, provenance: result.provenance! }, scenario, lib, source: path };
  if (opts.html !== undefined) {
    const file = opts.html;
    await writeOutput('--html', file, () => writeFile(file, renderProjectionHtml(published)));
    wrote.push(file);
  }
  if (opts.xlsx !== undefined) {
    const file = opts.xlsx;
    // exceljs is loaded only when a workbook is asked for
    const { projectionWorkbookBytes } = await import('../../report/xlsx/projection.js');
    await writeOutput('--xlsx', file, async () => writeFile(file, await projectionWorkbookBytes(published)));
    wrote.push(file);
  }
  if (wrote.length > 0) {
    (opts.json ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
    if (!opts.json) return EXIT.ok;
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${renderProjection(result, path)}\n${provenanceFooter(result.provenance!)}\n`);
  return EXIT.ok;
}
