/**
 * Student-level decisions: funding category and credited LEA, the CALPADS
 * codes the student must carry, and the student-level findings.
 */
import { valueText, type Value } from '../compile/values.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { visible } from '../core/safe-text.js';
import { Dec, fixed } from '../runtime/money.js';
import type { School, Student } from '../scenario/model.js';
import { RunError, type RunContext } from './context.js';
import type { Firing } from '../runtime/decide.js';
import type { CompiledRule } from '../compile/program.js';
import type { FindingResult } from './result.js';

/** What the student-level decisions say of one student (its findings without their subject, the student's id). */
export interface Classification {
  category: string;
  creditedTo: string;
  expectedCodes: string[];
  rule: string;
  cite: string;
  findings: StudentFinding[];
}

/**
 * A student finding without its subject, with the parts its text is made of
 * (codes, the rule's texts, the message's pieces): findings alike are
 * recognised by their parts, never by hashing the message built per student.
 */
export type StudentFinding = Omit<FindingResult, 'subject'> & { parts: ReadonlyArray<string | undefined> };

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

export function studentFacts(s: Student, school: School, coeCds: string): Record<string, unknown> {
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
    school: {
      code: school.code,
      kind: school.kind,
      operator: school.operator.kind,
      charter: school.operator.kind === 'charter' ? school.operator.cds : undefined,
    },
    coe: { cds: coeCds },
  };
}

/** A decision a classification asks for: its name, the subject and the facts. */
type Ask = [decision: string, subject: string, facts: Record<string, unknown>];

/**
 * The three student-level decisions for one student (funding category and
 * credited LEA, expected CALPADS codes, findings), as steps that ask for
 * each decision: `classifyStudent` answers them awaiting any evaluator,
 * `classifyStudentNow` at once with the kernel, with the same steps.
 */
function* classificationSteps(ctx: RunContext, s: Student, school: School, coeCds: string): Generator<Ask, Classification, Firing[]> {
  const facts = studentFacts(s, school, coeCds);
  const subject = `student ${s.id}`;
  const [fc] = yield ['funding_category', subject, facts];
  if (!fc) throw new RunError('LCFF-F001', visible(`no rule of decision funding_category classifies student ${s.id} (${s.source.file}:${s.source.line}) in ${formatFiscalYear(ctx.year)}`));
  const category = String(fc.outputs.category);
  const creditedTo = String(fc.outputs.credited_to);
  (facts.student as Record<string, unknown>).category = category;
  const [codes] = yield ['expected_transfer_codes', subject, facts];
  const expectedCodes = codes ? (codes.outputs.codes as Value[]).map((v) => String(v)) : [];
  (facts.student as Record<string, unknown>).expected_codes = expectedCodes;
  const findings: Classification['findings'] = [];
  for (const f of yield ['student_findings', subject, facts]) {
    const field = f.outputs.senr_field instanceof Dec ? fieldText(f.outputs.senr_field) : valueText(f.outputs.senr_field);
    const code = String(f.outputs.code);
    const severity = String(f.outputs.level) as FindingResult['severity'];
    const said = String(f.outputs.message);
    const reportedCode = s.reported?.transfer_code;
    const reportedResidence = s.reported?.district_of_residence;
    const texts = ruleTexts('student_findings', f.rule);
    findings.push({
      code,
      severity,
      message: `${said} (SENR field ${field}; reported code ${reportedCode ?? 'none'}, residence ${reportedResidence ?? 'none'}; expected code ${expectedCodes.length ? expectedCodes.join('/') : 'none'})`,
      ...texts,
      // every piece the message is made of (the same parts make the same text)
      parts: [code, severity, texts.rule, texts.cite, said, field, reportedCode, reportedResidence, ...expectedCodes],
    });
  }
  const { rule, cite } = ruleTexts('funding_category', fc.rule);
  return { category, creditedTo, expectedCodes, rule, cite, findings };
}

export async function classifyStudent(ctx: RunContext, s: Student, school: School, coeCds: string): Promise<Classification> {
  const steps = classificationSteps(ctx, s, school, coeCds);
  let step = steps.next();
  while (!step.done) step = steps.next(await ctx.decide(...step.value));
  return step.value;
}

/** `classifyStudent` with the kernel (ctx.evaluator "kernel"): synchronous, no promise per decision. */
export function classifyStudentNow(ctx: RunContext, s: Student, school: School, coeCds: string): Classification {
  const steps = classificationSteps(ctx, s, school, coeCds);
  let step = steps.next();
  while (!step.done) step = steps.next(ctx.decideNow(...step.value));
  return step.value;
}
