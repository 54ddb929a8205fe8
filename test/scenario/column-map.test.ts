/** Column mappings for student CSVs: an SIS or CALPADS extract is read as it is, under its own headers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadColumnMapFile } from '../../src/scenario/column-map.js';
import { csvColumns } from '../../src/scenario/csv-students.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { csvScenario } from './helpers.js';
import { loadScenarioText, type LoadOptions } from '../../src/scenario/load.js';
import { scenarioValidators } from '../../src/scenario/schema.js';

const CANONICAL = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada\nS1,0130019,9,wic_602,0161119,Y,N,1.50\n';
/** The same student as an SIS exports it: its own headers, in its own order, with columns lcff-rules does not use. */
const SIS = 'Last Name,SSID,School Code,Grade Level,Enrollment Basis,DOR,Unduplicated Pupil,Census Day,ADA,=Birth Date\nDoe,S1,0130019,9,wic_602,0161119,Y,N,1.50,2010-01-01\n';
const MAPPING = '{ id: SSID, school: School Code, grade: grade level, basis: " Enrollment Basis ", district_of_residence: DOR, unduplicated: Unduplicated Pupil, census_day: Census Day, ada: ADA }';

async function load(students: string, csv: string, opts: LoadOptions = {}) {
  const r = await loadScenarioText('/data/scenario.yaml', csvScenario(students), { openCsv: async () => csv, ...opts });
  return { ...r, at: r.diagnostics.map((d) => `${d.file.split('/').pop()}:${d.range.start.line}:${d.range.start.column} ${d.code}`) };
}

describe('student CSV column mapping', () => {
  it('reads an SIS export under its own headers as the same students as the canonical file; unused columns are ignored with one warning', async () => {
    const canonical = await load('{ file: kids.csv }', CANONICAL);
    const mapped = await load(`{ file: kids.csv, columns: ${MAPPING} }`, SIS);
    expect(canonical.diagnostics).toEqual([]);
    const { source: _a, ...expected } = canonical.scenario!.students[0];
    const { source: _b, ...actual } = mapped.scenario!.students[0];
    expect(actual).toEqual(expected);
    expect(mapped.scenario!.students[0].ada.toFixed(2)).toBe('1.50');
    expect(mapped.at).toEqual([`kids.csv:1:1 ${C.csvColumnsIgnored}`]);
    expect(mapped.diagnostics[0].severity).toBe('warning');
    expect(mapped.diagnostics[0].message).toBe('2 columns are not a student column and ignored: "Last Name", "=Birth Date"');
  });

  it('a mapped header the file lacks names the mapping, the column and the headers the file has', async () => {
    const r = await load('{ file: kids.csv, columns: { id: SSID, school: Schol Code } }', SIS);
    expect(r.at).toContain(`scenario.yaml:8:58 ${C.csvMappedHeaderMissing}`);
    const d = r.diagnostics.find((x) => x.code === C.csvMappedHeaderMissing)!;
    expect(d.message).toContain('students.columns.school');
    expect(d.message).toContain('has no header "Schol Code" for the column school');
    expect(d.message).toContain('"School Code"');
  });

  it('a key that is not a student column, and two columns read from one header, are errors at the mapping', async () => {
    const r = await load('{ file: kids.csv, columns: { id: SSID, schol: School Code, grade: ssid } }', SIS);
    expect(r.diagnostics.filter((d) => d.code === C.csvColumnMap).map((d) => d.message)).toEqual([
      'students.columns.schol: "schol" is not a student column (did you mean school?); student columns: id, school, grade, basis, district_of_residence, unduplicated, census_day, ada, reported_transfer_code, reported_district_of_residence',
      'students.columns.grade: the header "ssid" is already the column of id; a header holds one column',
    ]);
  });

  it('an unmapped header that looks like a missing column is still an error, not ignored (its data would be lost)', async () => {
    const r = await load('{ file: kids.csv }', 'id,school,grade,basis,district_of_residense,unduplicated,census_day,ada,notes\nS1,0130019,9,wic_602,0161119,Y,N,1.50,x\n');
    expect(r.at).toEqual([`kids.csv:1:23 ${C.csvUnknownColumn}`, `kids.csv:1:73 ${C.csvColumnsIgnored}`]);
    expect(r.diagnostics[1].message).toBe('1 column is not a student column and ignored: "notes"');
  });

  it('a mapping value must be a header text', async () => {
    const r = await load('{ file: kids.csv, columns: { id: [SSID] } }', SIS);
    expect(r.at).toEqual([`scenario.yaml:8:44 ${C.wrongType}`]);
  });

  it('a --columns file replaces the scenario\'s mapping, and its problems name the file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-columns-'));
    const validators = scenarioValidators();
    const { columns } = csvColumns(validators.schema);
    const good = join(dir, 'map.yaml');
    writeFileSync(good, MAPPING.replace(/^\{ /, '').replace(/ \}$/, '').replace(/, (?=\w+:)/g, '\n') + '\n');
    const { map, diagnostics } = await loadColumnMapFile(good, validators, columns);
    expect(diagnostics).toEqual([]);
    expect(map!.map((m) => [m.column, m.header])).toContainEqual(['basis', ' Enrollment Basis ']);
    const r = await load('{ file: kids.csv, columns: { id: NotThere } }', SIS, { columns: map });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.scenario!.students[0].id).toBe('S1');

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'id: SSID\nada: [ADA]\nnotes: Notes\n');
    const b = await loadColumnMapFile(bad, validators, columns);
    expect(b.map).toBeUndefined();
    expect(b.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual([`2:6 ${C.wrongType}`, `3:1 ${C.csvColumnMap}`]);
  });

  it('--columns with students listed in the scenario is a warning: the mapping is not used', async () => {
    const r = await loadScenarioText('/data/scenario.yaml', csvScenario('[{ id: S1, school: "0130019", grade: 9, basis: [wic_602], unduplicated: true, census_day: true, ada: "1.00" }]'), { columns: [] });
    expect(r.diagnostics.map((d) => d.code)).toEqual([C.csvColumnsIgnored]);
  });
});
