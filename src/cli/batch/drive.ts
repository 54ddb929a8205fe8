/**
 * The outputs of a batch of `lcff compare` or `lcff project` (as
 * src/cli/commands/run-batch.ts does for `lcff run`): each scenario's
 * warnings and error on stderr in input order, its entry in the JSON
 * document as it arrives, its folder of single-scenario CSV files; then the
 * summary — the document's last member (--json), the summary CSV files
 * (--csv <dir>), or the terminal tables. Returns the exit code: the worst of
 * the scenarios'.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutcomeBase } from '../../batch/outcome.js';
import { visible } from '../../core/safe-text.js';
import { scenarioFolderName } from '../../report/batch-csv.js';
import { BatchJsonWriter } from '../../report/batch-json.js';
import { writeOutput } from '../write-output.js';
import { runScenarios } from './pool.js';
import type { BatchTask, OutcomeOf } from './task.js';

export interface BatchOutputs<O extends OutcomeBase & { result?: unknown }, S extends { exit_code: number }> {
  summary: { add(o: O): { index: number }; build(): S };
  /** Writes the files the single-scenario command's --csv writes, into the scenario's folder. */
  writeFolder(dir: string, result: NonNullable<O['result']>): Promise<void>;
  /** The summary CSV files, by name; `folders` names each scenario's folder (absent when it did not run). */
  tables(summary: S, folders: ReadonlyMap<number, string>): Record<string, string>;
  /** The terminal summary; `first`: the first scenario that ran (its provenance closes the summary). */
  render(summary: S, first: NonNullable<O['result']> | undefined): string;
}

export async function driveBatch<T extends BatchTask, S extends { exit_code: number }>(
  paths: readonly string[],
  task: T,
  jobs: number,
  opts: { json?: boolean; csv?: string },
  out: BatchOutputs<OutcomeOf[T['kind']], S>,
): Promise<number> {
  type O = OutcomeOf[T['kind']];
  const json = opts.json ? new BatchJsonWriter<unknown, S>((t) => process.stdout.write(t)) : undefined;
  const csv = opts.csv;
  const folders = new Map<number, string>();
  let first: NonNullable<O['result']> | undefined;
  const take = async (o: O): Promise<void> => {
    for (const w of o.warnings) process.stderr.write(`${w}\n`);
    // an error that does not name its scenario (an option that does not fit it, e.g. --years) is named with it on stderr
    if (o.error !== undefined) process.stderr.write(`${visible(o.error.includes(o.scenario) ? o.error : `${o.scenario}: ${o.error}`, true)}\n`);
    const row = out.summary.add(o);
    const result = o.result as NonNullable<O['result']> | undefined;
    if (result !== undefined) {
      first ??= result;
      if (csv !== undefined) {
        const folder = scenarioFolderName(row.index, paths.length, o.scenario);
        await writeOutput('--csv', csv, () => out.writeFolder(join(csv, folder), result));
        folders.set(row.index, folder);
      }
    }
    json?.run(result !== undefined ? { scenario: o.scenario, result } : { scenario: o.scenario, error: { status: o.status, message: o.error ?? o.status } });
  };
  await runScenarios(paths, task, jobs, take);

  const built = out.summary.build();
  const wrote: string[] = [];
  if (csv !== undefined) {
    await writeOutput('--csv', csv, async () => {
      await mkdir(csv, { recursive: true });
      for (const [name, text] of Object.entries(out.tables(built, folders))) {
        await writeFile(join(csv, name), text);
        wrote.push(join(csv, name));
      }
    });
    wrote.push(`${folders.size} scenario folder${folders.size === 1 ? '' : 's'} in ${csv}`);
  }
  if (wrote.length > 0) (opts.json ? process.stderr : process.stdout).write(`wrote ${wrote.join(', ')}\n`);
  if (json) json.end(built);
  else if (wrote.length === 0) process.stdout.write(out.render(built, first));
  return built.exit_code;
}
