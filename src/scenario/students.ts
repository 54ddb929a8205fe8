/**
 * Student records, from the scenario (a YAML list) or a CSV file: one
 * assembly path so both are checked the same way.
 */
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Ctx } from './context.js';
import type { EnrollmentBasis, SourceRef, Student } from './model.js';
import * as v from './values.js';
import type { At } from './values.js';
import type { YNode } from './yaml-reader.js';
import { isScalar, isSeq } from 'yaml';

export const STUDENT_REQUIRED = ['id', 'school', 'grade', 'basis', 'unduplicated', 'census_day', 'ada'] as const;
export const STUDENT_OPTIONAL = ['district_of_residence', 'reported'] as const;

/** What the assembler needs from one record, whatever its format. */
export interface StudentSource {
  source: SourceRef;
  field(name: string): string;
  at(name: string): At;
  /** Text of a scalar field; undefined (already reported) when malformed, or absent. */
  text(name: string): string | undefined;
  bool(name: string): boolean | undefined;
  basis(): Array<{ text: string; at: At; field: string }> | undefined;
  reported(): { transfer_code?: { text: string; at: At; field: string }; district_of_residence?: { text: string; at: At; field: string } } | undefined;
}

/** Splits "wic_602;expelled_48915_a" or "a|b". */
export function splitBasis(text: string): string[] {
  return text.split(/[;|]/).map((s) => s.trim()).filter((s) => s !== '');
}

export function assembleStudent(ctx: Ctx, src: StudentSource): Student | undefined {
  const sink = ctx.sink;
  const textOf = <T>(name: string, check: (s: v.Sink, t: string, f: string, a: At) => T | undefined): T | undefined => {
    const t = src.text(name);
    return t === undefined ? undefined : check(sink, t, src.field(name), src.at(name));
  };
  const id = textOf('id', v.nonEmpty);
  if (id !== undefined) {
    const prior = ctx.studentIds.get(id);
    if (prior) {
      sink.error(C.duplicateStudent, `${src.field('id')}: student id "${id}" is already used at ${prior.file}:${prior.range.start.line}`, src.at('id'), {
        field: src.field('id'),
      });
    } else ctx.studentIds.set(id, src.at('id'));
  }
  const school = textOf('school', v.schoolCode);
  ctx.ref('school', school, src.field('school'), () => src.at('school'));
  const grade = textOf('grade', v.grade);
  const items = src.basis();
  let basis: EnrollmentBasis[] | undefined;
  if (items !== undefined) {
    const parsed = items.map((i) => v.basisItem(sink, i.text, i.field, i.at));
    const good = parsed.filter((p): p is EnrollmentBasis => p !== undefined);
    basis = v.basisList(sink, good, src.field('basis'), src.at('basis'), good.length !== parsed.length);
  }
  const dorText = src.text('district_of_residence');
  const dor = dorText === undefined ? undefined : v.cds(sink, dorText, src.field('district_of_residence'), src.at('district_of_residence'));
  ctx.ref('district', dor, src.field('district_of_residence'), () => src.at('district_of_residence'));
  const dorBad = dorText !== undefined && dor === undefined;
  const unduplicated = src.bool('unduplicated');
  const census = src.bool('census_day');
  const ada = textOf('ada', v.ada);
  const rep = src.reported();
  let reported: Student['reported'];
  let repBad = false;
  if (rep) {
    reported = {};
    if (rep.transfer_code) {
      const t = v.nonEmpty(sink, rep.transfer_code.text, rep.transfer_code.field, rep.transfer_code.at);
      if (t === undefined) repBad = true;
      else reported.transfer_code = t;
    }
    if (rep.district_of_residence) {
      // Only the format is checked: a reported district that is wrong is a finding, not a load error.
      const d = v.cds(sink, rep.district_of_residence.text, rep.district_of_residence.field, rep.district_of_residence.at);
      if (d === undefined) repBad = true;
      else reported.district_of_residence = d;
    }
  }
  if (id === undefined || school === undefined || grade === undefined || basis === undefined || dorBad) return undefined;
  if (unduplicated === undefined || census === undefined || ada === undefined || repBad) return undefined;
  return {
    id,
    school,
    grade,
    basis,
    ...(dor !== undefined ? { district_of_residence: dor } : {}),
    unduplicated,
    census_day: census,
    ada,
    ...(reported !== undefined ? { reported } : {}),
    source: src.source,
  };
}

/** Students written inline in the scenario. */
export function buildInlineStudents(ctx: Ctx, node: YNode, at: At): Student[] | undefined {
  const out: Student[] = [];
  let ok = true;
  for (const it of ctx.r.items(node, 'students', at)) {
    const f = ctx.r.fields(it.node, it.field, it.at, { required: STUDENT_REQUIRED, optional: STUDENT_OPTIONAL });
    if (!f) { ok = false; continue; }
    const src: StudentSource = {
      source: ctx.source(it.at),
      field: (n) => f.field(n),
      at: (n) => f.at(n),
      text: (n) => f.text(n),
      bool: (n) => f.bool(n),
      basis: () => {
        if (!f.has('basis')) return undefined;
        const node = f.node('basis');
        if (isScalar(node) && typeof node.value === 'string') {
          return splitBasis(node.value).map((t) => ({ text: t, at: f.at('basis'), field: f.field('basis') }));
        }
        if (!isSeq(node)) {
          ctx.r.wrongType(node, 'a list of enrollment bases', f.field('basis'), f.at('basis'));
          return undefined;
        }
        const res: Array<{ text: string; at: At; field: string }> = [];
        let bad = false;
        for (const item of ctx.r.items(node, f.field('basis'), f.at('basis'))) {
          const t = ctx.r.text(item.node, item.field, item.at);
          if (t === undefined) bad = true;
          else res.push({ text: t, at: item.at, field: item.field });
        }
        return bad ? undefined : res;
      },
      reported: () => {
        if (!f.has('reported')) return undefined;
        const rf = ctx.r.fields(f.node('reported'), f.field('reported'), f.at('reported'), { required: [], optional: ['transfer_code', 'district_of_residence'] });
        if (!rf) return undefined;
        const pick = (n: string) => {
          const t = rf.text(n);
          return t === undefined ? undefined : { text: t, at: rf.at(n), field: rf.field(n) };
        };
        return { transfer_code: pick('transfer_code'), district_of_residence: pick('district_of_residence') };
      },
    };
    const s = assembleStudent(ctx, src);
    if (!s) { ok = false; continue; }
    out.push(s);
  }
  return ok ? out : undefined;
}
