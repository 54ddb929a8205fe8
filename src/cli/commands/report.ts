/**
 * `lcff report <name> <scenario>`: a CDE-shaped report of a scenario's run,
 * in the terminal (with the provenance lines at the end) or as CSV
 * (--csv <file>, with the provenance beside it in <file stem>.provenance.csv:
 * the report's CSV stays a plain table).
 */
import { writeFile } from 'node:fs/promises';
import { excerpt } from '../../core/safe-text.js';
import { compileProgram } from '../../compile/program.js';
import { cdeInput, cdeReport, isCdeReportName } from '../../report/cde/index.js';
import { renderReportCsv, renderReportText } from '../../report/cde/render.js';
import { RunError } from '../../run/context.js';
import { runScenario } from '../../run/run.js';
import { EXIT, UserError } from '../errors.js';
import { scenarioInput, type ScenarioInputOptions } from '../scenario-input.js';
import { checkOutputPath, writeOutput } from '../write-output.js';
import { commandProvenance } from '../provenance.js';
import { provenanceCsv } from '../../report/csv.js';
import { provenanceFileFor, provenanceFooter } from '../../report/provenance.js';

import { REPORT_NAMES } from '../../report/cde/names.js';

export interface ReportCommandOptions extends ScenarioInputOptions {
  csv?: string;
}

export async function reportCommand(name: string, path: string, opts: ReportCommandOptions): Promise<number> {
  if (!isCdeReportName(name)) throw new UserError(`lcff report: unknown report ${excerpt(name)}; the reports are ${REPORT_NAMES.join(', ')}`, EXIT.input);
  if (opts.csv !== undefined) {
    checkOutputPath('--csv', opts.csv);
    checkOutputPath('--csv', provenanceFileFor(opts.csv));
  }
  const { lib, scenario } = await scenarioInput(path, opts);
  const program = compileProgram(lib, scenario.fiscal_year);
  let result;
  try {
    result = (await runScenario(lib, scenario, { program, evaluator: 'kernel' })).result;
  } catch (e) {
    if (e instanceof RunError) throw new UserError(`${path}: ${e.code} ${e.message}`, EXIT.fatal);
    throw e;
  }
  const report = cdeReport(name, cdeInput(result, scenario, lib, program));
  const provenance = commandProvenance(lib, opts, { supplied: [], unconfirmed: result.unconfirmed.length, evaluator: 'kernel' });
  if (opts.csv !== undefined) {
    const file = opts.csv;
    const beside = provenanceFileFor(file);
    await writeOutput('--csv', file, () => writeFile(file, renderReportCsv(report)));
    await writeOutput('--csv', beside, () => writeFile(beside, provenanceCsv(provenance)));
    process.stdout.write(`wrote ${file}, ${beside}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${renderReportText(report)}\n${provenanceFooter(provenance)}\n`);
  return EXIT.ok;
}
