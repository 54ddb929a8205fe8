/** State shared by the section builders of one scenario load. */
import { formatFiscalYear, type FiscalYear } from '../core/fiscal-year.js';
import type { At, Place } from './place.js';
import { checkReference } from './references.js';
import { StudentIds } from './student-ids.js';
import type { Sink } from './values.js';

/** A reference to a declared thing, resolved once everything is read. */
export interface Ref {
  kind: 'district' | 'school' | 'charter';
  value: string;
  field: string;
  /** Computed only when the reference is bad (CSV rows are many). */
  at: () => At;
}

export class Ctx {
  readonly refs: Ref[] = [];
  /** Every LEA code (COE, districts, charters): unique across all of them. Maps, never plain objects: codes and ids are user text. */
  readonly leaCds = new Map<string, { at: At; field: string }>();
  readonly districts = new Set<string>();
  readonly charters = new Set<string>();
  readonly schools = new Map<string, { at: At; field: string }>();
  /** Each student id and the line it is first used at: one number per student, never a position object. */
  readonly studentIds = new StudentIds();
  /** The COE's code, once read: a reference check names it. */
  coeCds?: string;

  constructor(
    readonly sink: Sink,
    /** the effective fiscal year (the scenario's, or the one the user asked for); every year check uses it */
    readonly fiscalYear: FiscalYear | undefined,
    /** the scenario's own fiscal year when the user asked for another one (--year, a test case's year) */
    readonly writtenYear?: FiscalYear,
  ) {}

  /** The user asked for another year than the scenario's: data of later years is reported as a warning and not used, instead of refused. */
  get overridden(): boolean {
    return this.writtenYear !== undefined && this.writtenYear !== this.fiscalYear;
  }

  /** "the fiscal year 2013-14" or "the fiscal year 2013-14 asked for (the scenario is 2019-20)". */
  yearText(): string {
    const y = this.fiscalYear === undefined ? '' : formatFiscalYear(this.fiscalYear);
    return this.overridden ? `the fiscal year ${y} asked for (the scenario is ${formatFiscalYear(this.writtenYear!)})` : `the fiscal year ${y}`;
  }

  ref(kind: Ref['kind'], value: string | undefined, place: Place, key: string): void {
    if (value !== undefined) this.refs.push({ kind, value, field: place.field([key]), at: () => place.at([key]) });
  }

  /**
   * A reference checked at once, against what is declared so far: students
   * come after the districts, charters and schools they name, and a CSV row
   * is not kept alive until the end of the file for its references.
   */
  refNow(kind: Ref['kind'], value: string | undefined, place: Place, key: string): void {
    if (value === undefined) return;
    const known = kind === 'district' ? this.districts.has(value) : kind === 'charter' ? this.charters.has(value) : this.schools.has(value);
    if (!known) checkReference(this, { kind, value, field: place.field([key]), at: () => place.at([key]) }, this.coeCds);
  }
}
