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
import type { RunResult } from './result.js';
import { categorySummary } from './categories.js';
import { StudentPass, type StudentPassOptions, type StudentTotals } from './student-pass.js';
import type { FindingRows } from './finding-rows.js';
import type { StudentRows } from './student-rows.js';
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

/**
 * A run's result with its two long lists (students, findings) as sequences
 * that build each entry when iterated, in the result's order: what the
 * streamed writers (JSON, NDJSON, CSV, the terminal report) read. Its keys
 * are the result's, in the result's order.
 */
export type StreamedResult = Omit<RunResult, 'students' | 'findings'> & { students: StudentRows; findings: FindingRows };

export interface StreamedRun {
  result: StreamedResult;
  trace: TraceEntry[];
}

/** The whole result in memory (small scenarios, the workbook, --explain, tests). */
export function materialize(r: StreamedResult): RunResult {
  return { ...r, students: [...r.students], findings: [...r.findings] };
}

export async function runScenario(lib: Library, scenario: Scenario, opts: RunOptions = {}): Promise<RunOutput> {
  const { result, trace } = await runScenarioStreamed(lib, scenario, opts);
  return { result: materialize(result), trace };
}

/** A run of a scenario whose students are in memory, its result's long lists left as sequences (for the streamed writers). */
export async function runScenarioStreamed(lib: Library, scenario: Scenario, opts: RunOptions & StudentPassOptions = {}): Promise<StreamedRun> {
  const program = opts.program ?? compileProgram(lib, scenario.fiscal_year);
  const ctx = new RunContext(program, scenario, opts.evaluator ?? 'engine');
  const pass = new StudentPass(ctx, scenario.schools, scenario.coe.cds, opts);
  for (const s of [...scenario.students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) await pass.add(s);
  return finishRun(lib, ctx, await pass.finish(), opts);
}

/** Everything after the student stage: LEAs, UPP, transfers, checks, AEG, the COE's entitlement, conservation. */
export async function finishRun(lib: Library, ctx: RunContext, students: StudentTotals, opts: RunOptions = {}): Promise<StreamedRun> {
  const scenario = ctx.scenario;
  const { groups, findings } = students;
  const leas = tallyLeas(ctx, groups);
  const window = await computeUpp(ctx, leas, findings);
  const { transfers, accounting } = await computeTransfers(ctx, groups, leas);
  await agreementChecks(ctx, leas, transfers, findings);
  await aggregateChecks(ctx, groups, students.reporting, findings);
  const coe = leas.get(scenario.coe.cds)!;
  const aeg = await computeAeg(ctx, groups, coe);
  const coeEntitlement = await computeCoeEntitlement(ctx, aeg, findings);
  const adjustments = await priorYearAdjustments(ctx);
  const calpads = await calpadsFields(ctx);
  const conservation = checkConservation(students, leas, transfers);
  const kindOrder = { coe: 0, district: 1, charter: 2 };
  const leaResults = [];
  for (const l of [...leas.values()].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.cds < b.cds ? -1 : 1))) {
    leaResults.push(l.kind === 'district' ? { ...leaResult(l, window), rates: await districtRates(ctx, l) } : leaResult(l, window));
  }
  const result: StreamedResult = {
    fiscal_year: formatFiscalYear(scenario.fiscal_year),
    county: { code: scenario.county.code, name: scenario.county.name },
    calpads,
    categories: categorySummary(lib, groups),
    students: students.rows,
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
