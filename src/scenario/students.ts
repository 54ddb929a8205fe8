/**
 * Student records, from the scenario (a list) or a CSV file: the same schema
 * definition checks both, and one conversion turns either into a Student.
 */
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import type { Student } from './model.js';
import { isObj, type Rec } from './place.js';
import * as v from './values.js';

/**
 * Splits "wic_602;expelled_48915_a" or "a|b". An empty item stays (once), so
 * "wic_602;;" is reported as an empty basis, never read as one basis.
 */
export function splitBasis(text: string): string[] {
  const items = text.split(/[;|]/).map((s) => s.trim());
  const firstEmpty = items.indexOf('');
  return items.filter((s, i) => s !== '' || i === firstEmpty);
}

/**
 * The one shorthand of a student record, applied before validation: a basis
 * written as one text is the list of its items.
 */
export function expandStudent(student: unknown): void {
  if (isObj(student) && typeof student.basis === 'string') student.basis = student.basis.trim() === '' ? [] : splitBasis(student.basis);
}

export function assembleStudent(ctx: Ctx, rec: Rec): Student | undefined {
  const sink = ctx.sink;
  const id = v.text(rec, 'id');
  if (id !== undefined) {
    const prior = ctx.studentIds.lineOf(id);
    if (prior !== undefined) {
      sink.error(C.duplicateStudent, `${rec.field('id')}: student id ${rec.place.show(['id'], id)} is already used at ${rec.place.file}:${prior}`, rec.at('id'), { field: rec.field('id') });
    } else ctx.studentIds.add(id, rec.place.source().line);
  }
  const school = v.text(rec, 'school');
  ctx.refNow('school', school, rec.place, 'school');
  const grade = v.grade(rec, 'grade');
  const bases = rec.items('basis').map((it) => (typeof it.value === 'string' && !it.place.failed([]) ? it.value.trim() : undefined));
  const basis = bases.length > 0 && bases.every((b) => b !== undefined) ? (bases as string[]) : undefined;
  const dor = v.text(rec, 'district_of_residence');
  ctx.refNow('district', dor, rec.place, 'district_of_residence');
  const unduplicated = rec.bool('unduplicated');
  const census = rec.bool('census_day');
  const ada = v.ada(sink, rec, 'ada');
  const rep = rec.rec('reported');
  const transferCode = rep && v.text(rep, 'transfer_code');
  // only the format of a reported district is checked: a wrong one is a finding of the rules, not a load error
  const reportedDistrict = rep && v.text(rep, 'district_of_residence');
  if (id === undefined || school === undefined || grade === undefined || basis === undefined || (rec.has('district_of_residence') && dor === undefined)) return undefined;
  if (unduplicated === undefined || census === undefined || ada === undefined || (rec.has('reported') && !rep)) return undefined;
  if (rep && ((rep.has('transfer_code') && transferCode === undefined) || (rep.has('district_of_residence') && reportedDistrict === undefined))) return undefined;
  return {
    id,
    school,
    grade,
    basis,
    ...(dor !== undefined ? { district_of_residence: dor } : {}),
    unduplicated,
    census_day: census,
    ada,
    ...(rep
      ? { reported: { ...(transferCode !== undefined ? { transfer_code: transferCode } : {}), ...(reportedDistrict !== undefined ? { district_of_residence: reportedDistrict } : {}) } }
      : {}),
    source: rec.place.source(),
  };
}

/** Students written in the scenario. */
export function buildInlineStudents(ctx: Ctx, root: Rec): Student[] | undefined {
  const out: Student[] = [];
  let ok = true;
  for (const rec of root.records('students')) {
    const s = assembleStudent(ctx, rec);
    if (s) out.push(s);
    else ok = false;
  }
  return ok ? out : undefined;
}
