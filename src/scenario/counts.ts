/**
 * A charter's declared counts against its own students. A county program
 * charter's enrollment and unduplicated count are its own CALPADS counts,
 * its county-program students included; so its census-day students in the
 * scenario cannot outnumber its enrollment, its unduplicated ones its
 * unduplicated count, and its other ones the rest of its enrollment.
 * Otherwise the adjustments (the charter loses the students credited to
 * the COE) would leave impossible counts: negative, or more unduplicated
 * pupils than pupils, a UPP over 100%. Checked before any run.
 */
import type { Ctx } from './context.js';
import { excerpt } from '../core/safe-text.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { Charter, School, Student } from './model.js';
import type { At } from './place.js';

export interface CharterPlaces {
  enrollment: At;
  unduplicated: At;
  field: string;
}

/** Each charter's census-day students and unduplicated ones, counted as the students are read. */
export class CharterCensus {
  private readonly operatorOf = new Map<string, string>();
  readonly tally = new Map<string, { census: number; unduplicated: number }>();
  constructor(schools: readonly School[]) {
    for (const s of schools) if (s.operator.kind === 'charter') this.operatorOf.set(s.code, s.operator.cds);
  }
  add(st: Student): void {
    const charter = this.operatorOf.get(st.school);
    if (charter === undefined || !st.census_day) return;
    let t = this.tally.get(charter);
    if (!t) this.tally.set(charter, (t = { census: 0, unduplicated: 0 }));
    t.census += 1;
    if (st.unduplicated) t.unduplicated += 1;
  }
}

export function checkCharterCounts(ctx: Ctx, charters: Charter[], census: CharterCensus, places: Map<string, CharterPlaces>): void {
  const tally = census.tally;
  for (const c of charters) {
    const t = tally.get(c.cds);
    const at = places.get(c.cds);
    if (!t || !at) continue;
    const who = `charter ${c.cds} (${excerpt(c.name, 40)})`;
    const others = t.census - t.unduplicated;
    const field = (k: string) => `${at.field}.${k}`;
    if (t.census > c.enrollment) {
      ctx.sink.error(C.countsContradictStudents, `${field('enrollment')}: ${who} declares an enrollment of ${c.enrollment}, but ${t.census} census-day students attend its schools in this scenario; its enrollment includes them`, at.enrollment, { field: field('enrollment') });
    } else if (others > c.enrollment - c.unduplicated) {
      ctx.sink.error(C.countsContradictStudents, `${field('unduplicated')}: ${who} declares ${c.enrollment - c.unduplicated} pupils who are not unduplicated (enrollment ${c.enrollment} − unduplicated ${c.unduplicated}), but ${others} such census-day students attend its schools in this scenario`, at.unduplicated, { field: field('unduplicated') });
    }
    if (t.unduplicated > c.unduplicated) {
      ctx.sink.error(C.countsContradictStudents, `${field('unduplicated')}: ${who} declares an unduplicated count of ${c.unduplicated}, but ${t.unduplicated} unduplicated census-day students attend its schools in this scenario; its count includes them`, at.unduplicated, { field: field('unduplicated') });
    }
  }
}
