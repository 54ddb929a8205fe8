/** `lcff run <scenario>`: a county's data for a fiscal year → who is credited with what, what moves, what is wrong. */
import { formatDiagnostic, hasErrors } from '../../core/diagnostics.js';
import { writeFile } from 'node:fs/promises';
import { explain } from '../../report/explain.js';
import { renderHtml } from '../../report/html.js';
import { writeCsv } from '../../report/csv.js';
import { renderTables } from '../../report/tables.js';
import { runScenario } from '../../run/run.js';
import { RunError } from '../../run/context.js';
import { visible } from '../../core/safe-text.js';
import { loadScenario } from '../../scenario/load.js';
import { vocabulariesOf } from '../../scenario/schema.js';
import { checkedLibrary, libraryWithSets, yearInLibrary, yearOption } from '../library.js';
import { dataDirOption } from '../data-dir.js';
import { EXIT, UserError } from '../errors.js';
import { packageVersion } from '../package-info.js';
import { bundledRules } from '../paths.js';
import { checkOutputPath, writeOutput } from '../write-output.js';
import type { WorkbookInput } from '../../report/xlsx/workbook.js';

/** exceljs is loaded only when a workbook is asked for. */
async function writeXlsx(file: string, input: WorkbookInput): Promise<void> {
  const { writeWorkbook } = await import('../../report/xlsx/workbook.js');
  await writeOutput('--xlsx', file, () => writeWorkbook(file, input));
}

export interface RunCommandOptions {
  year?: string;
  json?: boolean;
  csv?: string;
  html?: string;
  xlsx?: string;
  explain?: string;
  rules?: string;
  fast?: boolean;
  engine?: boolean;
  dataDir?: string;
  set?: string[];
}

/** Above this many students a run without --explain takes the fast path (proven equal to the engine path by differential tests). */
export const FAST_PATH_FROM = 10_000;

export async function runCommand(path: string, opts: RunCommandOptions): Promise<number> {
  if (opts.xlsx !== undefined) checkOutputPath('--xlsx', opts.xlsx);
  if (opts.fast && opts.engine) throw new UserError('--fast and --engine exclude each other');
  // the library first: the scenario's vocabularies (enrollment bases, school kinds) are the library's
  const { lib, supplied } = libraryWithSets(await checkedLibrary(opts.rules), opts.set);
  const year = opts.year !== undefined ? yearInLibrary(lib, yearOption(opts.year)) : undefined;
  const dataDir = opts.dataDir !== undefined ? await dataDirOption(opts.dataDir) : undefined;
  const { scenario, diagnostics } = await loadScenario(path, { vocabularies: vocabulariesOf(lib), ...(year !== undefined ? { year } : {}), ...(dataDir !== undefined ? { dataDir } : {}) });
  if (!scenario || hasErrors(diagnostics)) {
    throw new UserError(diagnostics.map(formatDiagnostic).join('\n') || `${path}: the scenario could not be read`, EXIT.input);
  }
  // warnings never stop a run, and never go unsaid (stderr, so --json stays clean)
  for (const d of diagnostics) process.stderr.write(`${visible(formatDiagnostic(d))}\n`);
  yearInLibrary(lib, scenario.fiscal_year, year !== undefined ? '--year' : `${path}: fiscal_year`);
  const large = scenario.students.length >= FAST_PATH_FROM && !opts.explain && !opts.engine;
  const evaluator = opts.fast || large ? 'fast' : 'engine';
  if (large && !opts.fast) process.stderr.write(`${scenario.students.length} students: using the compiled fast path (same results as json-rules-engine; --engine to force it)\n`);
  let output;
  try {
    output = await runScenario(lib, scenario, { evaluator, userSupplied: supplied });
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  const { result, trace } = output;
  if (opts.xlsx !== undefined) {
    await writeXlsx(opts.xlsx, { result, scenario, lib, source: path, rulesPath: opts.rules ?? bundledRules(), version: packageVersion(), ranAt: new Date(), evaluator });
    // with --json, stdout carries only the JSON
    (opts.json ? process.stderr : process.stdout).write(`wrote ${opts.xlsx}\n`);
    if (!opts.json && !opts.explain && !opts.html && !opts.csv) return EXIT.ok;
  }
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  if (opts.explain) {
    const text = explain(result, trace, opts.explain, lib.register);
    if (!text) throw new UserError(`--explain: "${opts.explain}" is neither a student id nor an LEA code of ${path}`);
    process.stdout.write(text);
    return EXIT.ok;
  }
  if (opts.html) {
    await writeFile(opts.html, renderHtml(result, path));
    process.stdout.write(`wrote ${opts.html}\n`);
    return EXIT.ok;
  }
  if (opts.csv) {
    const files = await writeCsv(opts.csv, result);
    process.stdout.write(`wrote ${files.join(', ')}\n`);
    return EXIT.ok;
  }
  process.stdout.write(renderTables(result, path));
  return EXIT.ok;
}
