/**
 * `lcff compare <many scenarios or a folder of scenarios>`: compares each
 * scenario as `lcff compare <scenario>` would (the same sides), keeps going
 * past a scenario that fails, and adds a summary across them
 * (src/batch/compare-summary.ts). Outputs: the summary tables (default),
 * `--json` (schemas/compare-batch.schema.json), `--csv <dir>` (summary files
 * and per scenario a folder with what the single comparison's --csv writes).
 * Scenarios run on worker threads with --jobs, as `lcff run`'s batch. The
 * exit code is the worst of the scenarios' (3 fatal, 2 bad input, 0).
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CompareSummaryBuilder } from '../../batch/compare-summary.js';
import type { CompareBatchSummary } from '../../batch/compare-contract.js';
import { againstLibrary, AgainstError } from '../../compare/against.js';
import { compareCsv, compareProvenanceCsv, sidesProvenance } from '../../compare/render.js';
import { renderCompareBatch } from '../../report/compare-batch-tables.js';
import { compareBatchCsvTables } from '../../report/compare-batch-csv.js';
import { provenanceFileFor } from '../../report/provenance.js';
import { EXIT, UserError } from '../errors.js';
import { DEFAULT_JOBS } from '../jobs-option.js';
import { bundledRules } from '../paths.js';
import { checkOutputFolder } from '../write-output.js';
import type { CompareEachOptions } from '../batch/compare-one.js';
import { driveBatch } from '../batch/drive.js';
import type { CompareOptions } from './compare.js';

export type CompareBatchOptions = CompareOptions & { jobs?: number };

/** The file of a scenario's folder that holds its changed figures, as `lcff compare <scenario> --csv <file>` writes it (its provenance beside it). */
export const COMPARE_CSV_FILE = 'compare.csv';

export async function compareBatch(paths: string[], opts: CompareBatchOptions): Promise<number> {
  const sets = opts.set ?? [];
  if (opts.reform === undefined && sets.length === 0 && opts.against === undefined) {
    throw new UserError('lcff compare: nothing to compare; give --reform <folder>, --set <parameter@year=value> or --against <folder or git revision>', EXIT.input);
  }
  if (opts.html !== undefined) throw new UserError(`--html shows one comparison; with ${paths.length} scenarios use the summary, --json or --csv <dir> (or compare the scenario alone)`);
  if (opts.csv !== undefined) checkOutputFolder('--csv', opts.csv);
  let against;
  try {
    against = opts.against !== undefined ? await againstLibrary(opts.against, opts.rules ?? bundledRules()) : undefined;
  } catch (e) {
    if (e instanceof AgainstError) throw new UserError(e.message, EXIT.input);
    throw e;
  }
  const { json: _json, csv: _csv, html: _html, jobs, ...rest } = opts;
  const each: CompareEachOptions = { ...rest, ...(against ? { againstSide: { rules: against.rules, label: against.label } } : {}) };
  try {
    return await driveBatch(paths, { kind: 'compare', opts: each }, jobs ?? DEFAULT_JOBS, opts, {
      summary: new CompareSummaryBuilder(),
      writeFolder: async (dir, result) => {
        await mkdir(dir, { recursive: true });
        const file = join(dir, COMPARE_CSV_FILE);
        await writeFile(file, compareCsv(result));
        await writeFile(provenanceFileFor(file), compareProvenanceCsv(result));
      },
      tables: (s: CompareBatchSummary, folders) => compareBatchCsvTables(s, folders),
      render: (s: CompareBatchSummary, first) => `${renderCompareBatch(s, first)}${first ? sidesProvenance(first) : ''}`,
    });
  } finally {
    await against?.dispose();
  }
}
