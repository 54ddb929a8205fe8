/**
 * The student stage of a run, one student at a time: decide (category,
 * credited LEA, expected codes, findings), keep the student's compact entry
 * (student-rows.ts), and add it to its group (students.ts `StudentGroup`).
 * A CSV of any size streams through `add` while it is read; a scenario's
 * list goes through the same door.
 *
 * A fatal error of one student (no rule classifies it, a rule fails) is
 * kept and thrown by `finish`, for the student a run in id order would have
 * stopped at (the smallest id), so the error does not depend on the order
 * of the rows.
 */
import { visible } from '../core/safe-text.js';
import { Dec, fixed, ZERO } from '../runtime/money.js';
import type { School, Student } from '../scenario/model.js';
import { RunError, type RunContext } from './context.js';
import { SEVERITIES } from './result.js';
import { FindingRows, keyOf, StudentRows } from './student-rows.js';

import { classifyStudent, type ReportingGroup, type StudentGroup } from './students.js';

/** The largest sum of hundredths kept as a number: exact integers up to 2^53. */
const CENTS_BOUND = 2 ** 52;
/** How many distinct ADA decimals keep their text. */
const REMEMBERED_ADA = 4096;

export interface StudentTotals {
  groups: StudentGroup[];
  reporting: ReportingGroup[];
  rows: StudentRows;
  findings: FindingRows;
}

export interface StudentPassOptions {
  /**
   * From this many students on, the fast path decides (proven equal to the
   * engine path): the first students are held (at most this many) until the
   * count is reached or the input ends. Without it, `ctx.evaluator` decides
   * every student.
   */
  fastFrom?: number;
  /** Called once when the run has switched to the fast path. */
  onFast?: () => void;
}

export class StudentPass {
  private readonly schools: Map<string, School>;
  /** each group, with its ADA as whole hundredths while they stay exact (`extra` takes the rest) */
  private readonly groups = new Map<string, { group: StudentGroup; cents: number; extra: Dec }>();
  private readonly reporting = new Map<string, ReportingGroup>();
  readonly rows = new StudentRows();
  readonly findings = new FindingRows(this.rows, SEVERITIES);
  private failure?: { id: string; error: RunError };
  private held: Student[] | undefined;
  private readonly adaTexts = new Map<Dec, string>();

  constructor(
    private readonly ctx: RunContext,
    schools: readonly School[],
    private readonly coeCds: string,
    private readonly opts: StudentPassOptions = {},
  ) {
    this.schools = new Map(schools.map((s) => [s.code, s]));
    this.held = opts.fastFrom !== undefined && ctx.evaluator === 'engine' ? [] : undefined;
  }

  /** Students decided so far (held ones not counted). */
  get count(): number {
    return this.rows.length;
  }

  async add(s: Student): Promise<void> {
    if (this.held) {
      this.held.push(s);
      if (this.held.length < this.opts.fastFrom!) return;
      this.ctx.evaluator = 'kernel'; // the compiled fast path: the generated kernel (src/compile/kernel)
      this.opts.onFast?.();
      await this.release();
      return;
    }
    await this.decide(s);
  }

  private async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    for (const s of held) await this.decide(s);
  }

  private async decide(s: Student): Promise<void> {
    const school = this.schools.get(s.school);
    try {
      if (!school) throw new RunError('LCFF-F003', visible(`student ${s.id} (${s.source.file}:${s.source.line}) attends unknown school ${s.school}`));
      const c = await classifyStudent(this.ctx, s, school, this.coeCds);
      const { index, cents } = this.rows.add(s.id, { category: c.category, credited_to: c.creditedTo, rule: c.rule, cite: c.cite, expected_transfer_codes: c.expectedCodes }, s.census_day, this.adaText(s.ada));
      for (const f of c.findings) this.findings.addStudent(index, f);
      this.group(s, school, c.category, c.creditedTo, cents);
    } catch (e) {
      if (!(e instanceof RunError)) throw e;
      if (!this.failure || s.id < this.failure.id) this.failure = { id: s.id, error: e };
    }
  }

  /** `fixed(ada, 2)`, remembered for the ADA values students share (a CSV's reader shares one decimal per distinct text). */
  private adaText(ada: Dec): string {
    let t = this.adaTexts.get(ada);
    if (t === undefined) {
      t = fixed(ada, 2);
      if (this.adaTexts.size < REMEMBERED_ADA) this.adaTexts.set(ada, t);
    }
    return t;
  }

  private group(s: Student, school: School, category: string, creditedTo: string, cents: number): void {
    const reportedCode = s.reported?.transfer_code;
    const namedDistrict = s.reported?.district_of_residence ?? s.district_of_residence;
    const rkey = keyOf([school.code, s.census_day, reportedCode, namedDistrict]);
    let r = this.reporting.get(rkey);
    if (!r) this.reporting.set(rkey, (r = { school, census_day: s.census_day, reportedCode, namedDistrict, students: 0 }));
    r.students += 1;
    const key = keyOf([school.code, category, creditedTo, s.grade, s.census_day, s.unduplicated]);
    let g = this.groups.get(key);
    if (!g) {
      g = { group: { school, category, creditedTo, grade: s.grade, census_day: s.census_day, unduplicated: s.unduplicated, students: 0, ada: ZERO }, cents: 0, extra: ZERO };
      this.groups.set(key, g);
    }
    g.group.students += 1;
    // ADA as integer hundredths (exact below 2^53), Dec for what is not a plain two-decimal text or would pass that bound
    if (Number.isNaN(cents) || g.cents + cents > CENTS_BOUND) g.extra = g.extra.plus(s.ada);
    else g.cents += cents;
  }

  /** Decides the students still held (fewer than `fastFrom`: the engine path), and throws a student's fatal error. */
  async finish(): Promise<StudentTotals> {
    await this.release();
    if (this.failure) throw this.failure.error;
    const groups = [...this.groups.values()].map(({ group, cents, extra }) => ({ ...group, ada: extra.plus(new Dec(cents).div(100)) }));
    return { groups, reporting: [...this.reporting.values()], rows: this.rows, findings: this.findings };
  }
}
