/** `lcff run <scenario>`: a county's data for a fiscal year → who is credited with what, what moves, what is wrong. Several scenarios: run-batch.ts. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { compileProgram } from '../../compile/program.js';
import { excerpt } from '../../core/safe-text.js';
import { outsideHorizon } from '../../params/manifest.js';
import { TextOut } from '../../report/text-out.js';
import { finishRun, materialize, runScenarioStreamed, type StreamedRun } from '../../run/run.js';
import { RunContext, RunError, type EvaluatorKind } from '../../run/context.js';
import type { PublishedResult, StudentResult } from '../../run/result.js';
import { StudentPass } from '../../run/student-pass.js';
import { Progress } from '../progress.js';
import { EXIT, UserError } from '../errors.js';
import { scenarioInput, type StreamStudents } from '../scenario-input.js';
import { commandProvenance } from '../provenance.js';
import { checkOutputFolder, checkOutputPath, writeOutput } from '../write-output.js';
import { failOnExit } from '../fail-on.js';
import type { WorkbookInput } from '../../report/xlsx/workbook.js';
import { FAST_PATH_FROM } from '../evaluator-choice.js';
import { batchScenarios } from '../batch/inputs.js';

/**
 * Each output's writer is loaded when that output is asked for (a run that
 * prints JSON loads no table, page, CSV or workbook writer), and the batch
 * runner only for a batch: modules loaded are start-up time of every run.
 * exceljs is loaded only when a workbook is asked for.
 */
async function writeXlsx(file: string, input: WorkbookInput): Promise<void> {
  const { writeWorkbook } = await import('../../report/xlsx/workbook.js');
  await writeOutput('--xlsx', file, () => writeWorkbook(file, input));
}

export interface RunCommandOptions {
  year?: string;
  json?: boolean;
  ndjson?: string;
  csv?: string;
  html?: string;
  xlsx?: string;
  explain?: string;
  findings?: string;
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

/** `--findings <n|all>`: how many findings of each code the terminal report lists (undefined: the report's default, FINDINGS_SHOWN). */
function findingsOption(text: string | undefined): number | 'all' | undefined {
  if (text === undefined) return undefined;
  if (text.trim().toLowerCase() === 'all') return 'all';
  if (/^\d{1,9}$/.test(text.trim())) return Number(text.trim());
  throw new UserError(`--findings: expected a number of findings per code or "all"; got ${excerpt(text, 40)}`);
}

/** `lcff run <paths...>`: one scenario (the reports below), or a batch (several paths, or a folder of scenarios: run-batch.ts). */
export async function runCommand(paths: string | string[], opts: RunCommandOptions): Promise<number> {
  const list = typeof paths === 'string' ? [paths] : paths;
  const batch = await batchScenarios(list);
  if (!batch) return runSingle(list[0], opts);
  const { runBatch } = await import('./run-batch.js');
  return runBatch(batch, opts);
}

async function runSingle(path: string, opts: RunCommandOptions): Promise<number> {
  if (opts.xlsx !== undefined) checkOutputPath('--xlsx', opts.xlsx);
  if (opts.html !== undefined) checkOutputPath('--html', opts.html);
  if (opts.ndjson !== undefined && opts.ndjson !== '-') checkOutputPath('--ndjson', opts.ndjson);
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  if (opts.fast && opts.engine) throw new UserError('--fast and --engine exclude each other');
  if (opts.ndjson === '-' && opts.json) throw new UserError('--json and --ndjson - both write to standard output: give --ndjson a file');
  const findings = findingsOption(opts.findings);
  // the compiled fast path is the generated kernel (src/compile/kernel): the same results as json-rules-engine (differential tests)
  const evaluator: EvaluatorKind = opts.fast ? 'kernel' : 'engine';
  let switched = false;
  const stage = { ...(opts.fast || opts.engine || opts.explain ? {} : { fastFrom: FAST_PATH_FROM }), onFast: () => (switched = true) };
  // the workbook lists every student's input and --explain needs the trace: those runs keep the scenario's students in memory
  const inMemory = opts.xlsx !== undefined || opts.explain !== undefined;
  let streamed: { ctx: RunContext; pass: StudentPass; progress: Progress } | undefined;
  const stream: StreamStudents = (lib, head) => {
    if (outsideHorizon(lib.horizon, head.fiscal_year)) return undefined; // refused after the load, with its message
    const ctx = new RunContext(compileProgram(lib, head.fiscal_year), undefined, evaluator);
    ctx.keepTrace = false;
    const pass = new StudentPass(ctx, head.schools, head.coe, stage);
    const progress = new Progress(process.stderr, head.csvBytes !== undefined ? { totalBytes: head.csvBytes } : {});
    streamed = { ctx, pass, progress };
    return { onStudent: (s) => pass.add(s), onProgress: (rows, bytes) => progress.update(rows, bytes) };
  };
  let input: Awaited<ReturnType<typeof scenarioInput>>;
  try {
    input = await scenarioInput(path, opts, inMemory ? undefined : stream);
  } finally {
    (streamed as { progress: Progress } | undefined)?.progress.done();
  }
  const { lib, scenario, supplied } = input;
  let run: StreamedRun;
  try {
    if (streamed) {
      const { ctx, pass } = streamed;
      run = await finishRun(lib, ctx.bind(scenario), await pass.finish(), { userSupplied: supplied });
    } else run = await runScenarioStreamed(lib, scenario, { evaluator, userSupplied: supplied, ...stage });
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  if (switched) process.stderr.write(`${run.result.students.length} students: using the compiled fast path (same results as json-rules-engine; --engine to force it)\n`);
  const used: EvaluatorKind = switched ? 'kernel' : evaluator;
  const provenance = commandProvenance(lib, opts, { supplied, unconfirmed: run.result.unconfirmed.length, evaluator: used });
  const published = { result: { provenance, ...run.result }, trace: run.trace };
  const code = await printRun(path, opts, published, { scenario, lib, findings });
  return code === EXIT.ok ? failOnExit(run.result.findings, opts.failOn) : code;
}

/** Writes NDJSON to a file, or to standard output for "-". */
async function writeNdjsonTo(target: string, students: Iterable<StudentResult>): Promise<void> {
  const { writeNdjson } = await import('../../report/ndjson.js');
  if (target === '-') {
    const { toStdout } = await import('../stdout-file.js');
    return toStdout((stream) => writeNdjson(new TextOut(stream), students));
  }
  const file = createWriteStream(target);
  const opened = once(file, 'open');
  await opened;
  await writeNdjson(new TextOut(file), students);
  file.end();
  await finished(file);
}

/**
 * Writes every file asked for (--xlsx, --html, --csv, --ndjson: all of
 * them, with --json too), then prints one thing on stdout: the JSON, the
 * NDJSON (--ndjson -), the explanation or the tables. When stdout carries
 * JSON or NDJSON, "wrote …" lines go to stderr.
 */
async function printRun(path: string, opts: RunCommandOptions, run: StreamedRun & { result: { provenance: PublishedResult['provenance'] } }, ctx: { scenario: WorkbookInput['scenario']; lib: WorkbookInput['lib']; findings: number | 'all' | undefined }): Promise<number> {
  const { result, trace } = run;
  const { scenario, lib } = ctx;
  let full: PublishedResult | undefined;
  const whole = (): PublishedResult => (full ??= { ...materialize(result), provenance: result.provenance });
  const report = (): WorkbookInput => ({ result: whole(), scenario, lib, source: path });
  const wrote: string[] = [];
  if (opts.xlsx !== undefined) {
    await writeXlsx(opts.xlsx, report());
    wrote.push(opts.xlsx);
  }
  if (opts.html !== undefined) {
    const html = opts.html;
    const { renderHtml } = await import('../../report/html.js');
    await writeOutput('--html', html, () => writeFile(html, renderHtml(report())));
    wrote.push(html);
  }
  if (opts.csv !== undefined) {
    const dir = opts.csv;
    const { writeCsv } = await import('../../report/csv.js');
    await writeOutput('--csv', dir, async () => {
      wrote.push(...(await writeCsv(dir, result)));
    });
  }
  const ndjson = opts.ndjson;
  if (ndjson !== undefined && ndjson !== '-') {
    await writeOutput('--ndjson', ndjson, () => writeNdjsonTo(ndjson, result.students));
    wrote.push(ndjson);
  }
  const dataOnStdout = opts.json || ndjson === '-';
  if (wrote.length > 0) (dataOnStdout ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
  if (opts.json) {
    const { writeJson } = await import('../../report/json-stream.js');
    const { toStdout } = await import('../stdout-file.js');
    await toStdout((stream) => writeJson(new TextOut(stream), result));
    return EXIT.ok;
  }
  if (ndjson === '-') {
    await writeNdjsonTo('-', result.students);
    return EXIT.ok;
  }
  if (opts.explain) {
    const { explain } = await import('../../report/explain.js');
    const text = explain(whole(), trace, opts.explain, lib.register);
    if (!text) throw new UserError(`--explain: "${opts.explain}" is neither a student id nor an LEA code of ${path}`);
    process.stdout.write(text);
    return EXIT.ok;
  }
  if (wrote.length > 0) return EXIT.ok;
  const { writeTables } = await import('../../report/tables.js');
  await writeTables(new TextOut(process.stdout), result, path, { findings: ctx.findings });
  return EXIT.ok;
}
