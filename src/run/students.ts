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
import type { FindingResult, StudentResult } from './result.js';

export interface ClassifiedStudent {
  student: Student;
  school: School;
  category: string;
  creditedTo: string;
  expectedCodes: string[];
  result: StudentResult;
}

export function studentFacts(s: Student, school: School, coeCds: string): Record<string, unknown> {
  return {
    student: {
      id: s.id,
      grade: new Dec(s.grade),
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

export async function classifyStudents(ctx: RunContext, findings: FindingResult[]): Promise<ClassifiedStudent[]> {
  const schools = new Map(ctx.scenario.schools.map((s) => [s.code, s]));
  const out: ClassifiedStudent[] = [];
  const students = [...ctx.scenario.students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of students) {
    const school = schools.get(s.school);
    if (!school) throw new RunError('LCFF-F003', visible(`student ${s.id} (${s.source.file}:${s.source.line}) attends unknown school ${s.school}`));
    const facts = studentFacts(s, school, ctx.scenario.coe.cds);
    const subject = `student ${s.id}`;
    const [fc] = await ctx.decide('funding_category', subject, facts);
    if (!fc) throw new RunError('LCFF-F001', visible(`no rule of decision funding_category classifies student ${s.id} (${s.source.file}:${s.source.line}) in ${formatFiscalYear(ctx.year)}`));
    const category = String(fc.outputs.category);
    const creditedTo = String(fc.outputs.credited_to);
    (facts.student as Record<string, unknown>).category = category;
    const [codes] = await ctx.decide('expected_transfer_codes', subject, facts);
    const expectedCodes = codes ? (codes.outputs.codes as Value[]).map((v) => String(v)) : [];
    (facts.student as Record<string, unknown>).expected_codes = expectedCodes;
    for (const f of await ctx.decide('student_findings', subject, facts)) {
      const field = f.outputs.senr_field instanceof Dec ? fixed(f.outputs.senr_field, 2) : valueText(f.outputs.senr_field);
      findings.push({
        code: String(f.outputs.code),
        severity: String(f.outputs.level) as FindingResult['severity'],
        subject: s.id,
        message: `${String(f.outputs.message)} (SENR field ${field}; reported code ${s.reported?.transfer_code ?? 'none'}, residence ${s.reported?.district_of_residence ?? 'none'}; expected code ${expectedCodes.length ? expectedCodes.join('/') : 'none'})`,
        rule: `student_findings.${f.rule.name}`,
        cite: f.rule.cites.join('; '),
      });
    }
    out.push({
      student: s,
      school,
      category,
      creditedTo,
      expectedCodes,
      result: {
        id: s.id,
        category,
        credited_to: creditedTo,
        rule: `funding_category.${fc.rule.name}`,
        cite: fc.rule.cites.join('; '),
        expected_transfer_codes: expectedCodes,
        census_day: s.census_day,
        ada: fixed(s.ada, 2),
      },
    });
  }
  return out;
}
