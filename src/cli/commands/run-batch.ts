/**
 * `lcff run <many scenarios or a folder of scenarios>`: runs each scenario as
 * `lcff run <scenario>` would, keeps going past a scenario that fails, and
 * adds a summary across them (src/batch/summary.ts). Outputs: the summary
 * tables (default), `--json` (the batch document, schemas/batch.schema.json),
 * `--csv <dir>` (summary files and one folder of tables per scenario).
 * stderr carries each scenario's warnings and errors, in input order. The
 * exit code is the worst of the scenarios' (3 fatal, 2 bad input, 1 --fail-on,
 * 0), as README "Exit codes" says.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { visible } from '../../core/safe-text.js';
import type { ScenarioOutcome } from '../../batch/outcome.js';
import { BatchSummaryBuilder } from '../../batch/summary.js';
import { batchCsvTables, scenarioFolderName } from '../../report/batch-csv.js';
import { BatchJsonWriter } from '../../report/batch-json.js';
import { renderBatch } from '../../report/batch-tables.js';
import { writeCsv } from '../../report/csv.js';
import { provenanceFooter } from '../../report/provenance.js';
import { userSuppliedLine } from '../../report/user-supplied.js';
import type { Provenance } from '../../run/result.js';
import { UserError } from '../errors.js';
import { DEFAULT_JOBS } from '../jobs-option.js';
export { DEFAULT_JOBS, jobsOption } from '../jobs-option.js';
import { checkOutputFolder, writeOutput } from '../write-output.js';
import { runScenarios } from '../batch/pool.js';
import type { BatchRunOptions } from '../batch/run-one.js';
import type { RunCommandOptions } from './run.js';

/** Options that make one scenario's report; a batch refuses them rather than pick one scenario. */
const SINGLE_ONLY = [['explain', '--explain'], ['html', '--html'], ['xlsx', '--xlsx']] as const;

export async function runBatch(paths: string[], opts: RunCommandOptions): Promise<number> {
  for (const [key, flag] of SINGLE_ONLY) {
    if (opts[key] !== undefined) throw new UserError(`${flag} reports one scenario; with ${paths.length} scenarios use the summary, --json or --csv <dir> (or run the scenario alone)`);
  }
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  if (opts.fast && opts.engine) throw new UserError('--fast and --engine exclude each other');
  const jobs = opts.jobs ?? DEFAULT_JOBS;

  const summary = new BatchSummaryBuilder();
  const json = opts.json ? new BatchJsonWriter((t) => process.stdout.write(t)) : undefined;
  const csv = opts.csv;
  const folders = new Map<number, string>();
  let supplied: string | undefined;
  let provenance: Provenance | undefined;

  const take = async (o: ScenarioOutcome): Promise<void> => {
    for (const w of o.warnings) process.stderr.write(`${w}\n`);
    if (o.error !== undefined) process.stderr.write(`${visible(o.status === 'findings' ? `${o.scenario}: ${o.error}` : o.error, true)}\n`);
    const row = summary.add(o);
    if (o.result) {
      supplied ??= userSuppliedLine(o.result.user_supplied);
      provenance ??= o.result.provenance;
      if (csv !== undefined) {
        const folder = scenarioFolderName(row.index, paths.length, o.scenario);
        await writeOutput('--csv', csv, async () => void (await writeCsv(join(csv, folder), o.result!)));
        folders.set(row.index, folder);
      }
    }
    json?.run(o.result ? { scenario: o.scenario, result: o.result } : { scenario: o.scenario, error: { status: o.status, message: o.error ?? o.status } });
  };
  await runScenarios(paths, { kind: 'run', opts: scenarioOptions(opts) }, jobs, take);

  const built = summary.build();
  const wrote: string[] = [];
  if (csv !== undefined) {
    await writeOutput('--csv', csv, async () => {
      await mkdir(csv, { recursive: true });
      for (const [name, text] of Object.entries(batchCsvTables(built, folders))) {
        await writeFile(join(csv, name), text);
        wrote.push(join(csv, name));
      }
    });
    wrote.push(`${folders.size} scenario folder${folders.size === 1 ? '' : 's'} of tables in ${csv}`);
  }
  if (wrote.length > 0) (opts.json ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
  if (json) json.end(built);
  else if (wrote.length === 0) process.stdout.write(`${renderBatch(built, supplied)}${provenance ? `\n${provenanceFooter({ ...provenance, evaluator: undefined, unconfirmed: built.totals.reduce((n, y) => n + y.unconfirmed.length, 0) })}\n` : ''}`);
  return built.exit_code;
}

/** The options every scenario runs with (all but the outputs), as plain data for the workers. */
function scenarioOptions(opts: RunCommandOptions): BatchRunOptions {
  const { json: _json, csv: _csv, html: _html, xlsx: _xlsx, explain: _explain, jobs: _jobs, ...each } = opts;
  return each;
}
