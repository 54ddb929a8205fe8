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
import { SEVERITIES } from './severity.js';
import { FindingRows } from './finding-rows.js';
import { Interned, keyOf, StudentRows } from './student-rows.js';

import { findingText, FindingHeads, type FindingHead, type FindingParts } from './student-findings.js';
import { classifyStudent, classifyStudentNow, studentDecisionsNow, type Classification, type ReportingGroup, type StudentDecisionsNow, type StudentGroup } from './students.js';

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

/** A group and its ADA: whole hundredths while they stay exact, `extra` the rest. */
interface GroupTotal {
  group: StudentGroup;
  cents: number;
  extra: Dec;
}

export class StudentPass {
  /** each school by its code, with its index */
  private readonly schools: Map<string, { school: School; index: number }>;
  /** each group in the order found, with its ADA as whole hundredths while they stay exact (`extra` takes the rest) */
  private readonly groups: GroupTotal[] = [];
  /** the groups of integer grades -1..30 by their number (see `group`), the others by a key of their values */
  private readonly bySlot: Array<GroupTotal | undefined> = [];
  private readonly byKey = new Map<string, GroupTotal>();
  /** reporting groups by school index × 2 + census day, reported code, named district */
  private readonly reporting: Array<Map<string | undefined, Map<string | undefined, ReportingGroup>> | undefined> = [];
  private readonly reportingList: ReportingGroup[] = [];
  /** a classification's index → the index of its category and credited LEA */
  private readonly classPairs: number[] = [];
  private readonly pairs = new Interned<number>();
  readonly rows = new StudentRows();
  readonly findings = new FindingRows(this.rows, SEVERITIES);
  private failure?: { id: string; error: RunError };
  private held: Student[] | undefined;
  private readonly adaTexts = new Map<Dec, { text: string; cents: number }>();
  /** the run's finding heads and code lists, each distinct one an object (student-findings.ts) */
  private readonly heads = new FindingHeads();
  private readonly findingKey: FindingParts = [undefined as unknown as FindingHead, undefined, undefined, []];
  /** the kernel's student decisions, resolved at the first student the kernel decides */
  private now?: StudentDecisionsNow;

  constructor(
    private readonly ctx: RunContext,
    schools: readonly School[],
    private readonly coeCds: string,
    private readonly opts: StudentPassOptions = {},
  ) {
    this.schools = new Map();
    // a code given twice names its last school, at its first place (as a Map built of the list)
    for (const school of schools) this.schools.set(school.code, { school, index: this.schools.get(school.code)?.index ?? this.schools.size });
    this.held = opts.fastFrom !== undefined && ctx.evaluator === 'engine' ? [] : undefined;
  }

  /** Students decided so far (held ones not counted). */
  get count(): number {
    return this.rows.length;
  }

  /** Takes a student: a promise only when its decisions are awaited (the engine path); with the kernel, decided at once. */
  add(s: Student): void | Promise<void> {
    if (this.held) {
      this.held.push(s);
      if (this.held.length < this.opts.fastFrom!) return;
      this.ctx.evaluator = 'kernel'; // the compiled fast path: the generated kernel (src/compile/kernel)
      this.opts.onFast?.();
      return this.release();
    }
    return this.decide(s);
  }

  private async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    for (const s of held) await this.decide(s);
  }

  private decide(s: Student): void | Promise<void> {
    const at = this.schools.get(s.school);
    if (!at) return this.fail(s, new RunError('LCFF-F003', visible(`student ${s.id} (${s.source.file}:${s.source.line}) attends unknown school ${s.school}`)));
    const school = at.school;
    if (this.ctx.evaluator === 'kernel') {
      let c: Classification;
      try {
        c = classifyStudentNow(this.ctx, (this.now ??= studentDecisionsNow(this.ctx, this.heads)), s, school, this.coeCds);
      } catch (e) {
        return this.fail(s, e);
      }
      return this.take(s, school, at.index, c);
    }
    return classifyStudent(this.ctx, this.heads, s, school, this.coeCds).then(
      (c) => this.take(s, school, at.index, c),
      (e: unknown) => this.fail(s, e),
    );
  }

  /** Keeps a student's fatal error (the smallest id's is thrown by `finish`); any other error is thrown as it is. */
  private fail(s: Student, e: unknown): void {
    if (!(e instanceof RunError)) throw e;
    if (!this.failure || s.id < this.failure.id) this.failure = { id: s.id, error: e };
  }

  private take(s: Student, school: School, schoolIndex: number, c: Classification): void {
    const classIndex = this.rows.classOf(c);
    const ada = this.adaOf(s.ada);
    const index = this.rows.add(s.id, classIndex, s.census_day, ada.cents, ada.text);
    const heads = c.findings;
    if (heads.length > 0) {
      // one key array for every finding: the rows take its parts, never the array
      const key = this.findingKey;
      key[1] = s.reported?.transfer_code;
      key[2] = s.reported?.district_of_residence;
      key[3] = c.expected_transfer_codes;
      for (let k = 0; k < heads.length; k++) {
        key[0] = heads[k];
        this.findings.addStudentParts(index, key, findingText);
      }
    }
    this.group(s, school, schoolIndex, classIndex, c.category, c.credited_to, ada.cents);
  }

  /** `fixed(ada, 2)` and its hundredths (StudentRows.centsOf), remembered for the ADA values students share (a CSV's reader shares one decimal per distinct text). */
  private adaOf(ada: Dec): { text: string; cents: number } {
    let a = this.adaTexts.get(ada);
    if (a === undefined) {
      const text = fixed(ada, 2);
      a = { text, cents: StudentRows.centsOf(text) };
      if (this.adaTexts.size < REMEMBERED_ADA) this.adaTexts.set(ada, a);
    }
    return a;
  }

  /**
   * Adds a student to its reporting group and its group. Groups are found
   * by small numbers (the school's index, the classification's category and
   * credited LEA, grade and flags) and by the reported texts themselves in
   * nested maps: the same groups, in the same order, as keys built of their
   * values, without a key text per student.
   */
  private group(s: Student, school: School, schoolIndex: number, classIndex: number, category: string, creditedTo: string, cents: number): void {
    const census = s.census_day;
    const reportedCode = s.reported?.transfer_code;
    const namedDistrict = s.reported?.district_of_residence ?? s.district_of_residence;
    const at = schoolIndex * 2 + (census ? 1 : 0);
    let byCode = this.reporting[at];
    if (byCode === undefined) this.reporting[at] = byCode = new Map();
    let byDistrict = byCode.get(reportedCode);
    if (byDistrict === undefined) byCode.set(reportedCode, (byDistrict = new Map()));
    let r = byDistrict.get(namedDistrict);
    if (!r) {
      byDistrict.set(namedDistrict, (r = { school, census_day: census, reportedCode, namedDistrict, students: 0 }));
      this.reportingList.push(r);
    }
    r.students += 1;
    const pair = (this.classPairs[classIndex] ??= this.pairs.of(keyOf([category, creditedTo]), () => 0));
    const grade = s.grade;
    let g: GroupTotal | undefined;
    if (grade >= -1 && grade <= 30 && Number.isInteger(grade)) {
      const slot = ((pair * this.schools.size + schoolIndex) * 32 + grade + 1) * 4 + (census ? 2 : 0) + (s.unduplicated ? 1 : 0);
      g = this.bySlot[slot];
      if (g === undefined) this.bySlot[slot] = g = this.newGroup(s, school, category, creditedTo);
    } else {
      const key = keyOf([school.code, category, creditedTo, grade, census, s.unduplicated]);
      g = this.byKey.get(key);
      if (g === undefined) this.byKey.set(key, (g = this.newGroup(s, school, category, creditedTo)));
    }
    g.group.students += 1;
    // ADA as integer hundredths (exact below 2^53), Dec for what is not a plain two-decimal text or would pass that bound
    if (Number.isNaN(cents) || g.cents + cents > CENTS_BOUND) g.extra = g.extra.plus(s.ada);
    else g.cents += cents;
  }

  private newGroup(s: Student, school: School, category: string, creditedTo: string): GroupTotal {
    const g = { group: { school, category, creditedTo, grade: s.grade, census_day: s.census_day, unduplicated: s.unduplicated, students: 0, ada: ZERO }, cents: 0, extra: ZERO };
    this.groups.push(g);
    return g;
  }

  /** Decides the students still held (fewer than `fastFrom`: the engine path), and throws a student's fatal error. */
  async finish(): Promise<StudentTotals> {
    await this.release();
    if (this.failure) throw this.failure.error;
    const groups = this.groups.map(({ group, cents, extra }) => ({ ...group, ada: extra.plus(new Dec(cents).div(100)) }));
    return { groups, reporting: this.reportingList, rows: this.rows, findings: this.findings };
  }
}
