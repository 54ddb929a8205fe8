/**
 * Runs one scenario through the rule library compiled for its fiscal year:
 * who is credited with what, what transfers, what must be reported, what is
 * inconsistent — deterministic, with a trace to the statute.
 */
import { formatFiscalYear } from '../core/fiscal-year.js';
import { compileProgram, type Program } from '../compile/program.js';
import type { Library } from '../semantics/library.js';
import type { Scenario } from '../scenario/model.js';
import type { UserSupplied } from '../params/index.js';
import { computeAeg } from './aeg.js';
import { agreementChecks } from './agreements.js';
import { calpadsFields } from './calpads.js';
import { aggregateChecks } from './checks.js';
import { computeCoeEntitlement } from './coe-entitlement.js';
import { checkConservation } from './conservation.js';
import { RunContext, type EvaluatorKind, type TraceEntry } from './context.js';
import { priorYearAdjustments } from './corrections.js';
import { computeUpp, leaResult, tallyLeas } from './leas.js';
import { SEVERITIES, type FindingResult, type RunResult } from './result.js';
import { categorySummary } from './categories.js';
import { classifyStudents } from './students.js';
import { computeTransfers, districtRates } from './transfers.js';

export interface RunOptions {
  evaluator?: EvaluatorKind;
  program?: Program;
  /** Values supplied for this run in place of the library's (already applied to `lib`): listed in the result. */
  userSupplied?: readonly UserSupplied[];
}

export interface RunOutput {
  result: RunResult;
  trace: TraceEntry[];
}

const severityRank = (s: FindingResult['severity']): number => SEVERITIES.indexOf(s);

export async function runScenario(lib: Library, scenario: Scenario, opts: RunOptions = {}): Promise<RunOutput> {
  const program = opts.program ?? compileProgram(lib, scenario.fiscal_year);
  const ctx = new RunContext(program, scenario, opts.evaluator ?? 'engine');
  const findings: FindingResult[] = [];
  const students = await classifyStudents(ctx, findings);
  const leas = tallyLeas(ctx, students);
  const window = await computeUpp(ctx, leas, findings);
  const { transfers, accounting } = await computeTransfers(ctx, students, leas);
  await agreementChecks(ctx, leas, transfers, findings);
  await aggregateChecks(ctx, students, findings);
  const coe = leas.get(scenario.coe.cds)!;
  const aeg = await computeAeg(ctx, students, coe);
  const coeEntitlement = await computeCoeEntitlement(ctx, aeg, findings);
  const adjustments = await priorYearAdjustments(ctx);
  const calpads = await calpadsFields(ctx);
  const conservation = checkConservation(students, leas, transfers);
  const kindOrder = { coe: 0, district: 1, charter: 2 };
  const leaResults = [];
  for (const l of [...leas.values()].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.cds < b.cds ? -1 : 1))) {
    leaResults.push(l.kind === 'district' ? { ...leaResult(l, window), rates: await districtRates(ctx, l) } : leaResult(l, window));
  }
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || cmp(a.subject, b.subject) || cmp(a.code, b.code));
  const result: RunResult = {
    fiscal_year: formatFiscalYear(scenario.fiscal_year),
    county: { code: scenario.county.code, name: scenario.county.name },
    calpads,
    categories: categorySummary(lib, students),
    students: students.map((s) => s.result),
    leas: leaResults,
    transfers,
    findings,
    accounting,
    aeg,
    coe_entitlement: coeEntitlement,
    prior_year_adjustments: adjustments,
    unconfirmed: [...ctx.unconfirmed].sort(),
    user_supplied: (opts.userSupplied ?? []).map((u) => ({ parameter: u.parameter, ...(u.member !== undefined ? { member: u.member } : {}), year: u.year, value: u.value, replaced: u.replaced })),
    conservation,
  };
  return { result, trace: ctx.trace };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
