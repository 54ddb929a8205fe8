/** `lcff run <scenario>`: a county's data for a fiscal year → who is credited with what, what moves, what is wrong. Several scenarios: run-batch.ts. */
import { writeFile } from 'node:fs/promises';
import { explain } from '../../report/explain.js';
import { renderHtml } from '../../report/html.js';
import { writeCsv } from '../../report/csv.js';
import { renderTables } from '../../report/tables.js';
import { runScenario } from '../../run/run.js';
import { RunError, type TraceEntry } from '../../run/context.js';
import type { PublishedResult } from '../../run/result.js';
import { EXIT, UserError } from '../errors.js';
import { scenarioInput } from '../scenario-input.js';
import { commandProvenance } from '../provenance.js';
import { checkOutputFolder, checkOutputPath, writeOutput } from '../write-output.js';
import { failOnExit } from '../fail-on.js';
import type { WorkbookInput } from '../../report/xlsx/workbook.js';
import { evaluatorFor } from '../evaluator-choice.js';
import { batchScenarios } from '../batch/inputs.js';
import { runBatch } from './run-batch.js';

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
  columns?: string;
  failOn?: 'error' | 'warning';
  set?: string[];
  /** batch runs: scenarios run at once on worker threads (default DEFAULT_JOBS) */
  jobs?: number;
  reform?: string;
}

export { FAST_PATH_FROM } from '../evaluator-choice.js';

/** `lcff run <paths...>`: one scenario (the reports below), or a batch (several paths, or a folder of scenarios: run-batch.ts). */
export async function runCommand(paths: string | string[], opts: RunCommandOptions): Promise<number> {
  const list = typeof paths === 'string' ? [paths] : paths;
  const batch = await batchScenarios(list);
  return batch ? runBatch(batch, opts) : runSingle(list[0], opts);
}

async function runSingle(path: string, opts: RunCommandOptions): Promise<number> {
  if (opts.xlsx !== undefined) checkOutputPath('--xlsx', opts.xlsx);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  if (opts.fast && opts.engine) throw new UserError('--fast and --engine exclude each other');
  const { lib, scenario, supplied } = await scenarioInput(path, opts);
  const evaluator = evaluatorFor(scenario, opts);
  if (evaluator !== 'engine' && !opts.fast) process.stderr.write(`${scenario.students.length} students: using the compiled fast path (same results as json-rules-engine; --engine to force it)\n`);
  let output;
  try {
    output = await runScenario(lib, scenario, { evaluator, userSupplied: supplied });
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  const provenance = commandProvenance(lib, opts, { supplied, unconfirmed: output.result.unconfirmed.length, evaluator });
  const published: PublishedResult = { provenance, ...output.result };
  const code = await printRun(path, opts, { result: published, trace: output.trace }, { scenario, lib });
  return code === EXIT.ok ? failOnExit(output.result.findings, opts.failOn) : code;
}

/**
 * Writes every file asked for (--xlsx, --html, --csv: all of them, with
 * --json too), then prints one thing on stdout: the JSON, the explanation or
 * the tables. With --json, stdout carries only the JSON; "wrote …" lines go
 * to stderr.
 */
async function printRun(path: string, opts: RunCommandOptions, output: { result: PublishedResult; trace: TraceEntry[] }, ctx: { scenario: WorkbookInput['scenario']; lib: WorkbookInput['lib'] }): Promise<number> {
  const { result, trace } = output;
  const { scenario, lib } = ctx;
  const report: WorkbookInput = { result, scenario, lib, source: path };
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
