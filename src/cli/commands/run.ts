/** `lcff run <scenario>`: a county's data for a fiscal year → who is credited with what, what moves, what is wrong. */
import { writeFile } from 'node:fs/promises';
import { explain } from '../../report/explain.js';
import { renderHtml } from '../../report/html.js';
import { writeCsv } from '../../report/csv.js';
import { renderTables } from '../../report/tables.js';
import { runScenario } from '../../run/run.js';
import { RunError, type EvaluatorKind } from '../../run/context.js';
import { EXIT, UserError } from '../errors.js';
import { scenarioInput } from '../scenario-input.js';
import { packageVersion } from '../package-info.js';
import { bundledRules } from '../paths.js';
import { checkOutputFolder, checkOutputPath, writeOutput } from '../write-output.js';
import { failOnExit } from '../fail-on.js';
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
  failOn?: 'error' | 'warning';
  set?: string[];
}

/** Above this many students a run without --explain takes the compiled kernel (proven equal to the engine path by differential tests). */
export const FAST_PATH_FROM = 10_000;

export async function runCommand(path: string, opts: RunCommandOptions): Promise<number> {
  if (opts.xlsx !== undefined) checkOutputPath('--xlsx', opts.xlsx);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  if (opts.fast && opts.engine) throw new UserError('--fast and --engine exclude each other');
  const { lib, scenario, supplied } = await scenarioInput(path, opts);
  const large = scenario.students.length >= FAST_PATH_FROM && !opts.explain && !opts.engine;
  // the compiled fast path is the generated kernel (src/compile/kernel): measured faster than the closures, with the same results
  const evaluator: EvaluatorKind = opts.fast || large ? 'kernel' : 'engine';
  if (large && !opts.fast) process.stderr.write(`${scenario.students.length} students: using the compiled fast path (the generated kernel; same results as json-rules-engine; --engine to force it)\n`);
  let output;
  try {
    output = await runScenario(lib, scenario, { evaluator, userSupplied: supplied });
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  const code = await printRun(path, opts, output, { scenario, lib, evaluator });
  return code === EXIT.ok ? failOnExit(output.result.findings, opts.failOn) : code;
}

/**
 * Writes every file asked for (--xlsx, --html, --csv: all of them, with
 * --json too), then prints one thing on stdout: the JSON, the explanation or
 * the tables. With --json, stdout carries only the JSON; "wrote …" lines go
 * to stderr.
 */
async function printRun(path: string, opts: RunCommandOptions, output: Awaited<ReturnType<typeof runScenario>>, ctx: { scenario: WorkbookInput['scenario']; lib: WorkbookInput['lib']; evaluator: EvaluatorKind }): Promise<number> {
  const { result, trace } = output;
  const { scenario, lib, evaluator } = ctx;
  const report = { result, scenario, lib, source: path, rulesPath: opts.rules ?? bundledRules(), version: packageVersion(), ranAt: new Date(), evaluator } as const;
  const wrote: string[] = [];
  if (opts.xlsx !== undefined) {
    await writeXlsx(opts.xlsx, report);
    wrote.push(opts.xlsx);
  }
  if (opts.html !== undefined) {
    const html = opts.html;
    await writeOutput('--html', html, () => writeFile(html, renderHtml(report)));
    wrote.push(html);
  }
  if (opts.csv !== undefined) {
    const dir = opts.csv;
    await writeOutput('--csv', dir, async () => {
      wrote.push(...(await writeCsv(dir, result)));
    });
  }
  if (wrote.length > 0) (opts.json ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
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
  if (wrote.length > 0) return EXIT.ok;
  process.stdout.write(renderTables(result, path));
  return EXIT.ok;
}
