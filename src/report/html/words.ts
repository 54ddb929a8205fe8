/**
 * The plain words of the report: enum member labels from the rule files,
 * other labels from the rules' label table (labels.yaml), LEA and school
 * names from the scenario. The report code holds no wording about the law;
 * a label missing from the rules shows the identifier itself.
 */
import type { Library } from '../../semantics/library.js';
import type { HtmlInput } from './input.js';

export class Words {
  private readonly leas = new Map<string, string>();

  constructor(private readonly lib: Library, input: { scenario: HtmlInput['scenario']; result: { leas: ReadonlyArray<{ cds: string; name: string }> } }) {
    const s = input.scenario;
    this.leas.set(s.coe.cds, s.coe.name);
    for (const d of s.districts) this.leas.set(d.cds, d.name);
    for (const c of s.charters) this.leas.set(c.cds, c.name);
    for (const l of input.result.leas) this.leas.set(l.cds, l.name);
  }

  /** The label the rules give an enum member ("g9_12" → "Grades 9 through 12"), else the member. */
  member(enumName: string, member: string): string {
    return this.lib.enums.get(enumName)?.decl.members.find((m) => m.name.text === member)?.label ?? member;
  }

  /** A label of the label table (`labels.yaml`), else the key. */
  label(group: string, key: string): string {
    return this.lib.labels?.get(group)?.get(key) ?? key;
  }

  /** A label of the label table, or undefined when the rules have none. */
  optional(group: string, key: string): string | undefined {
    return this.lib.labels?.get(group)?.get(key);
  }

  column(key: string): string {
    return this.label('column', key);
  }

  section(key: string): string {
    return this.label('section', key);
  }

  /** An LEA's name ("Hayward Unified"), else its CDS code. */
  lea(cds: string): string {
    return this.leas.get(cds) ?? cds;
  }
}
