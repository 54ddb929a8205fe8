/**
 * A run's findings, held compactly: a student finding is the student's
 * input index and the index of its text (interned by the parts it is made
 * of, so a text is made once per distinct finding); an LEA's or the COE's
 * finding is kept as it is. Findings are built one at a time when the
 * result is written, in the result's order (severity, subject, code).
 */
import type { ByteOut } from '../report/byte-out.js';
import type { FindingResult } from './result.js';
import { cmp, Interned, type StudentRows } from './student-rows.js';
import { writeFindingsJson } from './student-rows-json.js';

export type FindingText = Omit<FindingResult, 'subject'>;

/** Where a step of the run puts its findings. */
export interface FindingSink {
  add(f: FindingResult): void;
}

/** Findings: the students' (compact) and the others' (as objects), in the result's order. */
export class FindingRows {
  private readonly student: number[] = [];
  private readonly text: number[] = [];
  private readonly texts = new Interned<FindingText>();
  private readonly others: FindingResult[] = [];
  private order?: Int32Array;

  constructor(private readonly rows: StudentRows, private readonly severities: readonly string[]) {}

  get length(): number {
    return this.student.length + this.others.length;
  }

  /** A finding of the student at input index `i`. */
  addStudent(i: number, f: FindingText): void {
    this.addStudentParts(i, [f.code, f.severity, f.rule, f.cite, f.message], () => ({ code: f.code, severity: f.severity, message: f.message, rule: f.rule, cite: f.cite }));
  }

  /** A finding of the student at input index `i`, given as the parts its text is made of (texts, or objects that stand for one text each); `text` makes the text of parts not seen before, at once. */
  addStudentParts<P extends ReadonlyArray<unknown>>(i: number, parts: P, text: (parts: P) => FindingText): void {
    this.student.push(i);
    this.text.push(this.texts.ofParts(parts, text));
    this.order = undefined;
  }

  /** A finding of an LEA or of the COE; added after every student finding. */
  add(f: FindingResult): void {
    this.others.push(f);
    this.order = undefined;
  }

  /** The finding at position `k` of the sequence students' findings then others'. */
  at(k: number): FindingResult {
    const n = this.student.length;
    if (k >= n) return this.others[k - n];
    const t = this.texts.values[this.text[k]];
    return { code: t.code, severity: t.severity, subject: this.rows.ids[this.student[k]], message: t.message, rule: t.rule, cite: t.cite };
  }

  /**
   * Positions in the result's order: severity, subject, code; ties keep the
   * order they were found in (a student's findings in its rules' order,
   * students' before the LEAs'), as a stable sort of the findings would.
   * A student finding's severity and code are its text's, its subject's
   * place is the rank of its id among the sorted ids (equal ids, equal
   * rank): two student findings compare by numbers, any other pair by texts.
   */
  resultOrder(): ArrayLike<number> {
    if (this.order) return this.order;
    const n = this.student.length;
    const total = this.length;
    const texts = this.texts.values;
    const textRank = Int8Array.from(texts, (t) => this.severities.indexOf(t.severity));
    const idRank = this.rows.idRanks();
    const rank = new Int8Array(total);
    const subject = new Int32Array(total);
    for (let k = 0; k < n; k++) {
      rank[k] = textRank[this.text[k]];
      subject[k] = idRank[this.student[k]];
    }
    for (let k = n; k < total; k++) {
      rank[k] = this.severities.indexOf(this.others[k - n].severity);
      subject[k] = -1;
    }
    const subjectOf = (k: number): string => (k >= n ? this.others[k - n].subject : this.rows.ids[this.student[k]]);
    const codeOf = (k: number): string => (k >= n ? this.others[k - n].code : texts[this.text[k]].code);
    const keys = new Array<number>(total);
    for (let k = 0; k < total; k++) keys[k] = k;
    keys.sort((a, b) => {
      const r = rank[a] - rank[b];
      if (r !== 0) return r;
      const sa = subject[a];
      const sb = subject[b];
      const c = sa >= 0 && sb >= 0 ? sa - sb : cmp(subjectOf(a), subjectOf(b));
      return c || cmp(codeOf(a), codeOf(b)) || a - b;
    });
    this.order = Int32Array.from(keys);
    return this.order;
  }

  *[Symbol.iterator](): Iterator<FindingResult> {
    const order = this.resultOrder();
    for (let k = 0; k < order.length; k++) yield this.at(order[k]);
  }

  /** `findings[]` as `--json` writes it, nested `depth` levels deep, in the result's order (student-rows-json.ts). */
  writeJsonList(out: ByteOut, depth: number): Promise<void> {
    return writeFindingsJson(out, { ids: this.rows.ids, student: this.student, text: this.text, texts: this.texts.values, others: this.others, order: this.resultOrder() }, depth);
  }
}
