/**
 * What every sheet of the workbook reads: the run's result, the scenario it
 * ran (the students' input columns are not in the result), the checked rule
 * library (labels of enum members, the values of the year) and the run's
 * provenance.
 */
import type { ReportInput } from '../report-input.js';

/** The workbook's input is the shared report input. */
export type WorkbookInput = ReportInput;

/** Plain-language names next to identifiers: enum member labels from the rules, LEA and school names from the scenario. */
export class Names {
  private readonly leas = new Map<string, string>();
  private readonly schools = new Map<string, string>();

  constructor(
    private readonly input: WorkbookInput,
  ) {
    const s = input.scenario;
    this.leas.set(s.coe.cds, s.coe.name);
    for (const d of s.districts) this.leas.set(d.cds, d.name);
    for (const c of s.charters) this.leas.set(c.cds, c.name);
    for (const l of input.result.leas) this.leas.set(l.cds, l.name);
    for (const sc of s.schools) this.schools.set(sc.code, sc.name);
  }

  /** The label the rules give an enum member ("g9_12" → "Grades 9 through 12"); empty when it has none. */
  label(enumName: string, member: string): string {
    const decl = this.input.lib.enums.get(enumName)?.decl;
    return decl?.members.find((m) => m.name.text === member)?.label ?? '';
  }

  lea(cds: string | undefined): string {
    return cds === undefined ? '' : (this.leas.get(cds) ?? '');
  }

  school(code: string): string {
    return this.schools.get(code) ?? '';
  }
}
