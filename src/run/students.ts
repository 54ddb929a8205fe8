/**
 * Student-level decisions: funding category and credited LEA, the CALPADS
 * codes the student must carry, and the student-level findings.
 */
import { valueText, type Value } from '../compile/values.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import { Dec, fixed } from '../runtime/money.js';
import type { School, Student } from '../scenario/model.js';
import { RunError, type NowDecision, type RunContext } from './context.js';
import type { Firing } from '../runtime/decide.js';
import type { CompiledRule } from '../compile/program.js';
import type { FindingResult } from './result.js';
import type { StudentClass } from './student-rows.js';

/** What the student-level decisions say of one student (its findings without their subject, the student's id). */
export interface Classification extends StudentClass {
  findings: StudentFinding[];
}

/**
 * A student finding, as the parts its text is made of: code, severity, the
 * rule's name and citation, the rule's message, the SENR field, the reported
 * code and residence, then the expected codes (`studentFindingText` makes the
 * finding). Findings alike are recognised by their parts, and a text is made
 * once per distinct finding, never per student.
 */
export type StudentFinding = ReadonlyArray<string | undefined>;

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

/** `fixed(d, 2)` of a decision's decimal output, remembered per decimal (a rule's constant is one decimal for every student). */
const FIELD_TEXTS = new WeakMap<Dec, string>();

function fieldText(d: Dec): string {
  let t = FIELD_TEXTS.get(d);
  if (t === undefined) FIELD_TEXTS.set(d, (t = fixed(d, 2)));
  return t;
}

/** A rule's `decision.name` and its citations joined, made once per rule (built per student, every student's texts would be new strings to hash and compare). */
const RULE_TEXTS = new WeakMap<CompiledRule, { rule: string; cite: string }>();

function ruleTexts(prefix: string, rule: CompiledRule): { rule: string; cite: string } {
  let t = RULE_TEXTS.get(rule);
  if (t === undefined) RULE_TEXTS.set(rule, (t = { rule: `${prefix}.${rule.name}`, cite: rule.cites.join('; ') }));
  return t;
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

/** A decision's list of codes as texts, made once per list (a rule's constant list is one frozen list for every student). */
const CODE_TEXTS = new WeakMap<readonly Value[], string[]>();

function expectedCodes(facts: Record<string, unknown>, codes: Firing | undefined): string[] {
  let texts: string[] = [];
  if (codes) {
    const list = codes.outputs.codes as Value[];
    const known = Object.isFrozen(list) ? CODE_TEXTS.get(list) : undefined;
    if (known) texts = known;
    else {
      texts = list.map((v) => String(v));
      if (Object.isFrozen(list)) CODE_TEXTS.set(list, Object.freeze(texts) as string[]);
    }
  }
  (facts.student as Record<string, unknown>).expected_codes = texts;
  return texts;
}

/** The classification, with each finding as the parts its text is made of (`studentFindingText`). */
function classification(s: Student, fc: Firing, codes: string[], firings: Firing[]): Classification {
  const findings: StudentFinding[] = [];
  for (const f of firings) {
    const field = f.outputs.senr_field instanceof Dec ? fieldText(f.outputs.senr_field) : valueText(f.outputs.senr_field);
    const texts = ruleTexts('student_findings', f.rule);
    // every piece the message is made of (the same parts make the same text)
    const parts = [String(f.outputs.code), String(f.outputs.level), texts.rule, texts.cite, String(f.outputs.message), field, s.reported?.transfer_code, s.reported?.district_of_residence];
    for (let k = 0; k < codes.length; k++) parts.push(codes[k]);
    findings.push(parts);
  }
  const { rule, cite } = ruleTexts('funding_category', fc.rule);
  return { category: String(fc.outputs.category), credited_to: String(fc.outputs.credited_to), rule, cite, expected_transfer_codes: codes, findings };
}

/** A student finding's text, from its parts. */
export function studentFindingText(parts: StudentFinding): Omit<FindingResult, 'subject'> {
  const [code, severity, rule, cite, said, field, reportedCode, reportedResidence] = parts;
  const codes = parts.slice(8);
  return {
    code: code!,
    severity: severity as FindingResult['severity'],
    message: `${said} (SENR field ${field}; reported code ${reportedCode ?? 'none'}, residence ${reportedResidence ?? 'none'}; expected code ${codes.length ? codes.join('/') : 'none'})`,
    rule: rule!,
    cite: cite!,
  };
}

export async function classifyStudent(ctx: RunContext, s: Student, school: School, coeCds: string): Promise<Classification> {
  const facts = studentFacts(s, school, coeCds);
  const subject = `student ${s.id}`;
  const fc = category(ctx, s, facts, (await ctx.decide('funding_category', subject, facts))[0]);
  const codes = expectedCodes(facts, (await ctx.decide('expected_transfer_codes', subject, facts))[0]);
  return classification(s, fc, codes, await ctx.decide('student_findings', subject, facts));
}

/** The kernel's student decisions of a run, resolved once (context.ts `NowDecision`). */
export interface StudentDecisionsNow {
  funding: NowDecision;
  codes: NowDecision;
  findings: NowDecision;
}

export function studentDecisionsNow(ctx: RunContext): StudentDecisionsNow {
  return { funding: ctx.now('funding_category'), codes: ctx.now('expected_transfer_codes'), findings: ctx.now('student_findings') };
}

/** `classifyStudent` with the kernel (ctx.evaluator "kernel"): synchronous, no promise per decision. */
export function classifyStudentNow(ctx: RunContext, d: StudentDecisionsNow, s: Student, school: School, coeCds: string): Classification {
  const facts = studentFacts(s, school, coeCds);
  const fc = category(ctx, s, facts, d.funding.decide(facts, s.id)[0]);
  const codes = expectedCodes(facts, d.codes.decide(facts, s.id)[0]);
  return classification(s, fc, codes, d.findings.decide(facts, s.id));
}
