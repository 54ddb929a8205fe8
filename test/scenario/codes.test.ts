import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';

const BASE = `fiscal_year: 2019-20
county: { code: "01", name: Alameda }
coe: { cds: "0110017", name: Alameda COE }
districts:
  - cds: "0161119"
    name: Hayward Unified
    enrollment: 20000
    unduplicated: 15000
    history:
      2018-19: { enrollment: 20100, unduplicated: 15200 }
charters:
  - { cds: "0100001", name: County Charter, authorizer: coe, enrollment: 300, unduplicated: 240 }
schools:
  - { code: "0130019", name: Juvenile Hall, operator: coe, kind: juvenile_court }
  - { code: "0130021", name: Charter Campus, operator: "charter:0100001", kind: other }
students:
  - { id: S001, school: "0130019", grade: 10, basis: [wic_602], district_of_residence: "0161119", unduplicated: true, census_day: false, ada: "0.92" }
  - { id: S002, school: "0130021", grade: 3, basis: [voluntary], district_of_residence: "0161119", unduplicated: false, census_day: true, ada: 1 }
agreements:
  - { district: "0161119", alternative_rate_per_ada: "100.50", district_concurred: false }
options:
  transfer_rate_rounding: cent
`;

async function codes(text: string) {
  const r = await loadScenarioText('/tmp/s.yaml', text);
  return { ...r, codes: r.diagnostics.map((d) => d.code), at: r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`) };
}

describe('the base scenario', () => {
  it('loads cleanly (census_day false with unduplicated true is fine)', async () => {
    const r = await codes(BASE);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.students[0]).toMatchObject({ unduplicated: true, census_day: false });
    expect(r.scenario!.agreements[0].alternative_rate_per_ada!.toFixed(2)).toBe('100.50');
  });

  it('keeps input order, and order does not change any student', async () => {
    const lines = BASE.split('\n');
    const i = lines.findIndex((l) => l.includes('id: S001'));
    [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
    const a = (await codes(BASE)).scenario!;
    const b = (await codes(lines.join('\n'))).scenario!;
    expect(b.students.map((s) => s.id)).toEqual(['S002', 'S001']);
    const key = (s: (typeof a.students)[number]) => JSON.stringify({ ...s, ada: s.ada.toString(), source: undefined });
    expect(new Set(b.students.map(key))).toEqual(new Set(a.students.map(key)));
    expect(b.students[1].source.line).toBe(a.students[0].source.line + 1);
  });

  it('reads unquoted codes and numbers through their source text', async () => {
    const r = await codes(BASE.replace('cds: "0161119"\n', 'cds: 0161119\n').replace('ada: "0.92"', 'ada: 0.920'));
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.districts[0].cds).toBe('0161119');
    expect(r.scenario!.students[0].ada.toString()).toBe('0.92');
  });
});

const cases: Array<[string, string, string, string]> = [
  ['unknown top-level key', 'options:', 'optoins:', C.unknownKey],
  ['missing required key', 'coe: { cds: "0110017", name: Alameda COE }\n', '', C.missingKey],
  ['wrong type', 'unduplicated: true, census_day: false', 'unduplicated: "yes", census_day: false', C.wrongType],
  ['bad CDS', 'cds: "0161119"\n', 'cds: "016111"\n', C.badCds],
  ['bad school code', 'code: "0130019"', 'code: "13001"', C.badSchoolCode],
  ['bad fiscal year (not consecutive)', 'fiscal_year: 2019-20', 'fiscal_year: 2019-21', C.badFiscalYear],
  ['bad fiscal year (a number)', 'fiscal_year: 2019-20', 'fiscal_year: 2019', C.badFiscalYear],
  ['negative ADA', 'ada: "0.92"', 'ada: "-0.92"', C.negativeAda],
  ['ADA with three decimals', 'ada: "0.92"', 'ada: 0.925', C.adaPlaces],
  ['ADA not a number', 'ada: "0.92"', 'ada: "about one"', C.badDecimal],
  ['fractional count', 'enrollment: 20000\n', 'enrollment: 1.5\n', C.badCount],
  ['negative count', 'enrollment: 20000\n', 'enrollment: -3\n', C.badCount],
  ['unduplicated above enrollment', 'unduplicated: 15000\n', 'unduplicated: 25000\n', C.unduplicatedOverEnrollment],
  ['grade out of range', 'grade: 10', 'grade: 13', C.badGrade],
  ['unknown basis', 'basis: [wic_602]', 'basis: [wic_606]', C.unknownBasis],
  ['empty basis', 'basis: [wic_602]', 'basis: []', C.emptyBasis],
  ['none with others', 'basis: [wic_602]', 'basis: [wic_602, none]', C.basisNoneWithOthers],
  ['unknown school kind', 'kind: juvenile_court', 'kind: juvenille_court', C.unknownEnum],
  ['bad operator', 'operator: coe', 'operator: district', C.badOperator],
  ['unknown school', 'school: "0130019"', 'school: "0130099"', C.unknownSchool],
  ['undeclared operating charter', 'operator: "charter:0100001"', 'operator: "charter:0100002"', C.unknownCharter],
  ['unknown district of residence', 'district_of_residence: "0161119", unduplicated: true', 'district_of_residence: "0110017", unduplicated: true', C.unknownDistrict],
  ['agreement with an unknown district', '- { district: "0161119"', '- { district: "0169999"', C.unknownDistrict],
  ['negative alternative rate', 'alternative_rate_per_ada: "100.50"', 'alternative_rate_per_ada: "-1"', C.negativeRate],
  ['alternative rate without concurrence', ', district_concurred: false }', ' }', C.missingKey],
  ['duplicate student id', 'id: S002', 'id: S001', C.duplicateStudent],
  ['duplicate cds', 'cds: "0100001"', 'cds: "0161119"', C.duplicateCds],
  ['duplicate school', 'code: "0130021"', 'code: "0130019"', C.duplicateSchool],
  ['history year not prior', '2018-19: {', '2019-20: {', C.historyNotPrior],
  ['unknown option', 'transfer_rate_rounding: cent', 'transfer_rate_roundin: cent', C.unknownOption],
  ['bad option value', 'transfer_rate_rounding: cent', 'transfer_rate_rounding: penny', C.badOptionValue],
  ['bad county code', 'code: "01"', 'code: "1"', C.badCountyCode],
  ['YAML syntax', 'county: { code: "01", name: Alameda }', 'county: { code: "01", name: Alameda', C.yamlSyntax],
  ['duplicate key', 'fiscal_year: 2019-20\n', 'fiscal_year: 2019-20\nfiscal_year: 2019-20\n', C.yamlSyntax],
];

describe('each problem has its stable code', () => {
  it.each(cases)('%s', async (_name, from, to, code) => {
    expect(BASE.includes(from)).toBe(true);
    const r = await codes(BASE.replace(from, to));
    expect(r.scenario).toBeUndefined();
    expect(r.codes).toContain(code);
    for (const d of r.diagnostics) {
      expect(d.file).toBe('/tmp/s.yaml');
      expect(d.range.start.line).toBeGreaterThan(0);
    }
  });

  it('did-you-mean for unknown keys', async () => {
    const r = await codes(BASE.replace('options:', 'optoins:'));
    expect(r.diagnostics[0].message).toContain('did you mean "options"');
    expect(r.diagnostics[0].data).toMatchObject({ suggestions: ['options'] });
  });

  it('an unknown basis lists the allowed bases', async () => {
    const r = await codes(BASE.replace('basis: [wic_602]', 'basis: [wic_606]'));
    const d = r.diagnostics.find((x) => x.code === C.unknownBasis)!;
    expect(d.message).toContain('allowed: wic_300, wic_601');
    expect(d.range.start).toMatchObject({ line: 17, column: 55 });
  });

  it('a scenario that is not a mapping', async () => {
    const r = await codes('- 1\n- 2\n');
    expect(r.codes).toEqual([C.notAMapping]);
  });

  it('an agreement outside its years is not the loader\'s business: the rules decide its effect', async () => {
    const r = await codes(BASE.replace('district_concurred: false }', 'district_concurred: false, transfer_agreed: true }'));
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario).toBeDefined();
  });

  it('a missing CSV file is reported at the students.file value', async () => {
    const text = BASE.replace(/students:\n(  - .*\n)+/, 'students: { file: nowhere.csv }\n');
    const r = await codes(text);
    expect(r.at).toEqual([`16:19 ${C.fileUnreadable}`]);
  });
});
