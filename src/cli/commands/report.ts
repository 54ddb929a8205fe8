/** `lcff report <name> <scenario>`: a CDE-shaped report of a scenario's run, in the terminal or as CSV (--csv <file>). */
import { writeFile } from 'node:fs/promises';
import { excerpt } from '../../core/safe-text.js';
import { compileProgram } from '../../compile/program.js';
import { CDE_REPORTS, cdeInput, cdeReport, isCdeReportName } from '../../report/cde/index.js';
import { renderReportCsv, renderReportText } from '../../report/cde/render.js';
import { RunError } from '../../run/context.js';
import { runScenario } from '../../run/run.js';
import { EXIT, UserError } from '../errors.js';
import { scenarioInput } from '../scenario-input.js';
import { checkOutputPath, writeOutput } from '../write-output.js';

export const REPORT_NAMES = Object.keys(CDE_REPORTS);

export interface ReportCommandOptions {
  year?: string;
  csv?: string;
  rules?: string;
}

export async function reportCommand(name: string, path: string, opts: ReportCommandOptions): Promise<number> {
  if (!isCdeReportName(name)) throw new UserError(`lcff report: unknown report ${excerpt(name)}; the reports are ${REPORT_NAMES.join(', ')}`, EXIT.input);
  if (opts.csv !== undefined) checkOutputPath('--csv', opts.csv);
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
  if (opts.csv !== undefined) {
    const file = opts.csv;
    await writeOutput('--csv', file, () => writeFile(file, renderReportCsv(report)));
    process.stdout.write(`wrote ${file}\n`);
    return EXIT.ok;
  }
  process.stdout.write(renderReportText(report));
  return EXIT.ok;
}
