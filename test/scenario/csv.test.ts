import { describe, expect, it } from 'vitest';
import { csvScenario } from './helpers.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';

const SCENARIO = csvScenario();
const HEADER = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada\n';

async function load(csv: string) {
  const r = await loadScenarioText('/data/scenario.yaml', SCENARIO, { openCsv: async () => csv });
  return { ...r, at: r.diagnostics.map((d) => `${d.file.split('/').pop()}:${d.range.start.line}:${d.range.start.column} ${d.code}`) };
}

describe('CSV student files', () => {
  it('resolve relative to the scenario and keep exact ADA', async () => {
    const seen: string[] = [];
    const r = await loadScenarioText('/data/scenario.yaml', SCENARIO, {
      openCsv: async (p) => {
        seen.push(p);
        return HEADER + 'S1,0130019,9,wic_602,0161119,Y,N,"1234.50"\n';
      },
    });
    expect(seen).toEqual(['/data/kids.csv']);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.students[0].ada.toFixed(2)).toBe('1234.50');
  });

  it('columns may come in any order, with CRLF line ends and a BOM', async () => {
    const r = await load('\ufeffada,id,school,grade,basis,census_day,unduplicated\r\n0.50,S1,0130019,TK,none,true,false\r\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.students[0]).toMatchObject({ id: 'S1', grade: -1, basis: ['none'], census_day: true, unduplicated: false });
  });

  it('positions fields after a quoted multi-line field', async () => {
    const r = await load(HEADER + 'S1,0130019,9,"wic_602;\nwic_654",0161119,true,true,1.00\nS2,0130019,9,wic_602,0161119,true,true,-1\n');
    expect(r.at).toEqual(['kids.csv:4:40 ' + C.negativeAda]);
    const ok = await load(HEADER + 'S1,0130019,9,"wic_602;\nwic_654",0161119,true,true,1.00\n');
    expect(ok.scenario!.students[0].source.line).toBe(2);
    expect(ok.scenario!.students[0].basis).toEqual(['wic_602', 'wic_654']);
  });

  it('report header problems: unknown and missing columns', async () => {
    const r = await load('id,school,grade,basis,district_of_residense,unduplicated,census_day\n');
    expect(r.at).toEqual([`kids.csv:1:1 ${C.csvMissingColumn}`, `kids.csv:1:23 ${C.csvUnknownColumn}`]);
    expect(r.diagnostics[1].message).toContain('did you mean district_of_residence');
  });

  it('report an empty file and an empty required cell', async () => {
    expect((await load('')).at).toEqual([`kids.csv:1:1 ${C.csvEmpty}`]);
    const r = await load(HEADER + 'S1,0130019,,wic_602,0161119,true,true,1.00\n');
    expect(r.at).toEqual([`kids.csv:2:12 ${C.missingKey}`]);
  });

  it('report a CSV syntax error with its line and keep the earlier rows checked', async () => {
    const r = await load(HEADER + 'S1,0130019,99,wic_602,0161119,true,true,1.00\nS2,0130019,9,"wic"x,0161119,true,true,1.00\n');
    expect(r.at[0]).toBe(`kids.csv:2:12 ${C.badGrade}`);
    expect(r.at[1]).toMatch(new RegExp(`^kids.csv:3:1 ${C.csvSyntax}$`));
  });

  it('streams many rows', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `S${i},0130019,${i % 13},wic_602,0161119,true,true,${i % 7}.25\n`).join('');
    const t0 = Date.now();
    const r = await load(HEADER + rows);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.students).toHaveLength(20000);
    expect(r.scenario!.students[19999].source.line).toBe(20001);
    expect(Date.now() - t0).toBeLessThan(10000);
  });
});
