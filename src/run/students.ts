/**
 * Student-level decisions: funding category and credited LEA, the CALPADS
 * codes the student must carry, and the student-level findings.
 */
import type { Value } from '../compile/values.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import { Dec } from '../runtime/money.js';
import type { School, Student } from '../scenario/model.js';
import { RunError, type NowDecision, type RunContext } from './context.js';
import type { Firing } from '../runtime/decide.js';
import type { StudentClass } from './student-rows.js';
import { ruleTexts, type FindingHead, type FindingHeads } from './student-findings.js';

/** What the student-level decisions say of one student (its findings without their subject, the student's id). */
export interface Classification extends StudentClass {
  /** the heads of the student's findings (student-findings.ts), in its rules' order */
  findings: readonly FindingHead[];
}

/**
 * The students of a run that share everything the run's totals of ADA and
 * counts read of them (school, category, credited LEA, grade, census day,
 * unduplicated): the run's steps total groups, never students, so a run
 * holds as many groups as there are distinct combinations, not one record
 * per student.
 */
export interface StudentGroup {
  school: School;
  category: string;
  creditedTo: string;
  grade: number;
  census_day: boolean;
  unduplicated: boolean;
  /** how many students */
  students: number;
  /** their ADA, summed */
  ada: Dec;
}

/** The students alike in what their CALPADS records say (the FAQ Q13 counts of coded census-day students). */
export interface ReportingGroup {
  school: School;
  census_day: boolean;
  reportedCode?: string;
  /** the district of residence the CALPADS record names: the reported one, else the student's */
  namedDistrict?: string;
  students: number;
}

/** The grades' decimals, made once (decimals are immutable: students share them). */
const GRADES = new Map<number, Dec>();

function gradeDec(grade: number): Dec {
  let d = GRADES.get(grade);
  if (!d) {
    d = new Dec(grade);
    if (GRADES.size < 64) GRADES.set(grade, d);
  }
  return d;
}

/** A school's facts and the COE's, shared by the school's students (no decision changes them). */
const SCHOOL_FACTS = new WeakMap<School, { coeCds: string; school: Record<string, unknown>; coe: Record<string, unknown> }>();

function schoolFacts(school: School, coeCds: string): { school: Record<string, unknown>; coe: Record<string, unknown> } {
  let f = SCHOOL_FACTS.get(school);
  if (f === undefined || f.coeCds !== coeCds) {
    f = {
      coeCds,
      school: Object.freeze({
        code: school.code,
        kind: school.kind,
        operator: school.operator.kind,
        charter: school.operator.kind === 'charter' ? school.operator.cds : undefined,
      }),
      coe: Object.freeze({ cds: coeCds }),
    };
    SCHOOL_FACTS.set(school, f);
  }
  return f;
}

export function studentFacts(s: Student, school: School, coeCds: string): Record<string, unknown> {
  const shared = schoolFacts(school, coeCds);
  return {
    student: {
      id: s.id,
      grade: gradeDec(s.grade),
      basis: s.basis,
      ada: s.ada,
      census_day: s.census_day,
      unduplicated: s.unduplicated,
      district_of_residence: s.district_of_residence,
      reported: { transfer_code: s.reported?.transfer_code, district_of_residence: s.reported?.district_of_residence },
    },
    school: shared.school,
    coe: shared.coe,
  };
}

/**
 * The three student-level decisions for one student, in order (funding
 * category and credited LEA, expected CALPADS codes, findings): each step
 * below takes the firings of one and sets the facts the next one reads.
 * `classifyStudent` awaits any evaluator; `classifyStudentNow` asks the
 * kernel at once (no promise, no generator per student).
 */
function category(ctx: RunContext, s: Student, facts: Record<string, unknown>, fc: Firing | undefined): Firing {
  if (!fc) throw new RunError('LCFF-F001', visible(`no rule of decision funding_category classifies student ${s.id} (${s.source.file}:${s.source.line}) in ${formatFiscalYear(ctx.year)}`));
  (facts.student as Record<string, unknown>).category = String(fc.outputs.category);
  return fc;
}

function expectedCodes(heads: FindingHeads, facts: Record<string, unknown>, codes: Firing | undefined): readonly string[] {
  const texts = codes ? heads.codes(codes.outputs.codes as Value[]) : EMPTY;
  (facts.student as Record<string, unknown>).expected_codes = texts;
  return texts;
}

const EMPTY: readonly string[] = Object.freeze([]);
const NO_FINDINGS: readonly FindingHead[] = Object.freeze([]);

/** The classification; its findings as their heads. */
function classification(heads: FindingHeads, fc: Firing, codes: readonly string[], firings: Firing[]): Classification {
  let findings = NO_FINDINGS;
  if (firings.length > 0) {
    const made: FindingHead[] = [];
    for (let k = 0; k < firings.length; k++) made.push(heads.head(firings[k]));
    findings = made;
  }
  const { rule, cite } = ruleTexts('funding_category', fc.rule);
  return { category: String(fc.outputs.category), credited_to: String(fc.outputs.credited_to), rule, cite, expected_transfer_codes: codes, findings };
}

export async function classifyStudent(ctx: RunContext, heads: FindingHeads, s: Student, school: School, coeCds: string): Promise<Classification> {
  const facts = studentFacts(s, school, coeCds);
  const subject = `student ${s.id}`;
  const fc = category(ctx, s, facts, (await ctx.decide('funding_category', subject, facts))[0]);
  const codes = expectedCodes(heads, facts, (await ctx.decide('expected_transfer_codes', subject, facts))[0]);
  return classification(heads, fc, codes, await ctx.decide('student_findings', subject, facts));
}

/** The kernel's student decisions of a run, resolved once (context.ts `NowDecision`). */
export interface StudentDecisionsNow {
  heads: FindingHeads;
  funding: NowDecision;
  codes: NowDecision;
  findings: NowDecision;
}

export function studentDecisionsNow(ctx: RunContext, heads: FindingHeads): StudentDecisionsNow {
  return { heads, funding: ctx.now('funding_category'), codes: ctx.now('expected_transfer_codes'), findings: ctx.now('student_findings') };
}

/** `classifyStudent` with the kernel (ctx.evaluator "kernel"): synchronous, no promise per decision. */
export function classifyStudentNow(ctx: RunContext, d: StudentDecisionsNow, s: Student, school: School, coeCds: string): Classification {
  const facts = studentFacts(s, school, coeCds);
  const fc = category(ctx, s, facts, d.funding.decide(facts, s.id)[0]);
  const codes = expectedCodes(d.heads, facts, d.codes.decide(facts, s.id)[0]);
  return classification(d.heads, fc, codes, d.findings.decide(facts, s.id));
}
