/**
 * `lcff project <many scenarios or a folder of scenarios> --years …`: projects
 * each scenario as `lcff project <scenario>` would (the same years,
 * assumptions and overrides), keeps going past a scenario that fails, and
 * adds a summary across them (src/batch/project-summary.ts). Outputs: the
 * summary tables (default), `--json` (schemas/project-batch.schema.json),
 * `--csv <dir>` (summary files and per scenario a folder with what the
 * single projection's --csv writes). Scenarios run on worker threads with
 * --jobs. The exit code is the worst of the scenarios' (3, 2, 0).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectBatchSummary } from '../../batch/project-contract.js';
import { ProjectSummaryBuilder } from '../../batch/project-summary.js';
import { provenanceCsv } from '../../report/csv.js';
import { projectBatchCsvTables } from '../../report/project-batch-csv.js';
import { renderProjectBatch } from '../../report/project-batch-tables.js';
import { writeProjectionCsv } from '../../report/projection-csv.js';
import { provenanceFooter } from '../../report/provenance.js';
import { UserError } from '../errors.js';
import { DEFAULT_JOBS } from '../jobs-option.js';
import { checkOutputFolder } from '../write-output.js';
import type { ProjectEachOptions } from '../batch/project-one.js';
import { driveBatch } from '../batch/drive.js';
import { projectSets, yearsOption, type ProjectCommandOptions } from './project.js';

export async function projectBatch(paths: string[], opts: ProjectCommandOptions & { jobs?: number }): Promise<number> {
  // what does not depend on a scenario is checked once: a bad option stops the batch (exit 2)
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  for (const [flag, value] of [['--html', opts.html], ['--xlsx', opts.xlsx]] as const) {
    if (value !== undefined) throw new UserError(`${flag} shows one projection; with ${paths.length} scenarios use the summary, --json or --csv <dir> (or project the scenario alone)`);
  }
  yearsOption(opts.years);
  projectSets(opts);
  const { json: _json, csv: _csv, html: _html, xlsx: _xlsx, jobs, ...each } = opts;
  return driveBatch(paths, { kind: 'project', opts: each satisfies ProjectEachOptions }, jobs ?? DEFAULT_JOBS, opts, {
    summary: new ProjectSummaryBuilder(),
    writeFolder: async (dir, result) => {
      await writeProjectionCsv(dir, result);
      await writeFile(join(dir, 'provenance.csv'), provenanceCsv(result.provenance!));
    },
    tables: (s: ProjectBatchSummary, folders) => projectBatchCsvTables(s, folders),
    render: (s: ProjectBatchSummary, first) => `${renderProjectBatch(s)}${first ? `\n${provenanceFooter(first.provenance!)}\n` : ''}`,
  });
}
