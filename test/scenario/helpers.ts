/** A small valid scenario and helpers to load variants of it, shared by the scenario regression tests. */
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.js';
import { loadScenarioText, type LoadOptions } from '../../src/scenario/load.js';

export const BASE = `fiscal_year: 2019-20
county: { code: "01", name: Alameda }
coe:
  cds: "0110017"
  name: Alameda COE
  history:
    2018-19: { enrollment: 9, unduplicated: 7 }
districts:
  - cds: "0161119"
    name: Hayward Unified
    enrollment: 20000
    unduplicated: 15000
    history:
      2018-19: { enrollment: 20100, unduplicated: 15200 }
charters:
  - { cds: "0100001", name: County Charter, authorizer: coe, enrollment: 10, unduplicated: 6 }
schools:
  - { code: "0130019", name: Juvenile Hall, operator: coe, kind: juvenile_court }
  - { code: "0130021", name: Charter Campus, operator: "charter:0100001", kind: other }
students:
  - { id: S001, school: "0130019", grade: 10, basis: [wic_602], district_of_residence: "0161119", unduplicated: true, census_day: true, ada: "0.92" }
  - { id: S002, school: "0130021", grade: 3, basis: [voluntary], district_of_residence: "0161119", unduplicated: false, census_day: true, ada: "1.00" }
agreements:
  - { district: "0161119", alternative_rate_per_ada: "100.50", district_concurred: false }
padc:
  attendance_coe: { juvenile_court: "0.92", non_juvenile_court: "0.00" }
  attendance_district_funded: []
corrections:
  - { district: "0161119", fiscal_year: 2018-19, enrollment_change: -2, unduplicated_change: 1, ada_change: "-0.35", audit_reference: A-1 }
`;

/** A one-school scenario (a COE juvenile court school, one district) whose `students:` is `students`: the students' CSV tests read their files through it. */
export const csvScenario = (students = '{ file: kids.csv }'): string => `fiscal_year: 2019-20
county: { code: "01", name: Alameda }
coe: { cds: "0110017", name: Alameda COE }
districts:
  - { cds: "0161119", name: Hayward Unified, enrollment: 20000, unduplicated: 15000 }
schools:
  - { code: "0130019", name: Juvenile Hall, operator: coe, kind: juvenile_court }
students: ${students}
`;

/** BASE with `from` replaced by `to` (which must occur). */
export function variant(from: string, to: string, base = BASE): string {
  if (!base.includes(from)) throw new Error(`not in the scenario: ${from}`);
  return base.replace(from, to);
}

export interface Loaded {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** `line:col code` of each diagnostic */
  at: string[];
  codes: string[];
  lines: string[];
  scenario: Awaited<ReturnType<typeof loadScenarioText>>['scenario'];
}

export async function load(text: string, file = '/tmp/scenario.yaml', opts: LoadOptions = {}): Promise<Loaded> {
  const r = await loadScenarioText(file, text, opts);
  return {
    ok: r.scenario !== undefined,
    diagnostics: r.diagnostics,
    at: r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`),
    codes: r.diagnostics.map((d) => d.code),
    lines: r.diagnostics.map(formatDiagnostic),
    scenario: r.scenario,
  };
}

/** A CSV header and rows for a scenario whose students come from `kids.csv`. */
export const CSV_SCENARIO = BASE.replace(/students:\n(  - .*\n)+/, 'students: { file: kids.csv }\n');
export const CSV_HEADER = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada\n';

export async function loadCsv(csv: string, opts: LoadOptions = {}): Promise<Loaded> {
  return load(CSV_SCENARIO, '/data/scenario.yaml', { openCsv: async () => csv, ...opts });
}
