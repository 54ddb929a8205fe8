/**
 * The CDE-shaped reports of the 2019-20 example (examples/2019-20-county-charter),
 * every figure worked out by hand from the scenario in the comments.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/runtime/money.js';
import { cdeInput, cdeReport, type CdeReport } from '../../src/report/cde/index.js';
import { renderReportCsv } from '../../src/report/cde/render.js';
import { transferCodeClassesOf } from '../../src/report/cde/code-classes.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/model.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';
import { testProvenance } from '../helpers/provenance.js';

const EXAMPLE = `${ROOT}examples/2019-20-county-charter`;

async function report(name: Parameters<typeof cdeReport>[0], edit?: (s: Scenario) => void): Promise<CdeReport<unknown>> {
  const lib = await bundledLibrary();
  const { scenario } = await loadScenario(EXAMPLE);
  edit?.(scenario!);
  const { result } = await runScenario(lib, scenario!);
  return cdeReport(name, cdeInput(result, scenario!, lib));
}

/** The report's rows as the CSV shows them (figures exact to their places), header first. */
function table(r: CdeReport<unknown>): string[][] {
  return parse(renderReportCsv(r)) as string[][];
}

describe('transfer code classes come from the rules', () => {
  it('2019-20: 1-4 and 6 move the counts to the district; 5 keeps them with the COE (FAQ Q7)', async () => {
    expect(transferCodeClassesOf(await bundledLibrary(), 2019)).toMatchObject({ district: ['1', '2', '3', '4', '6'], county: ['5'] });
  });
  it('2013-14: no SENR transfer codes yet, so none', async () => {
    expect(transferCodeClassesOf(await bundledLibrary(), 2013)).toMatchObject({ district: [], county: [] });
  });
});

describe('lcff report transfers (FAQ Q15 layout), 2019-20 example', () => {
  it('one row per district of residence, the charter and the COE, netting to zero', async () => {
    const rows = table(await report('transfers'));
    const [head, ...body] = rows;
    expect(head.slice(0, 3)).toEqual(['LEA code', 'LEA', 'role']);
    const col = (h: string) => head.findIndex((x) => x.startsWith(h));
    const pick = (r: string[]) => [r[0], r[col('transferred ADA, Grades 4')], r[col('transferred ADA, Grades 7')], r[col('transferred ADA, Grades 9')], r[col('ADA credited')], r[col('census-day')], r[col('unduplicated')], r[col('transfer basis')], r[col('EC 2576 funds')]];
    expect(body.map(pick)).toEqual([
      // Fremont: S008 (gr 12, 0.60, census, unduplicated) and S009 (gr 5, 0.40, after census day, not unduplicated); S004 is County Funded (48915(a)).
      // Rolling UPP after = (8850 + 8800 + 8751) / (35400 + 35200 + 35001) = 26401 / 105601 = 0.2500071 (< 55%: no concentration).
      // 8,000.00 was not concurred → statutory: gr 4-6 rate 7818 + 20% × 7818 × 0.2500071 = 8208.91; 0.40 × 8208.91 = 3283.564 → 3283.56
      //                                         gr 9-12 rate 9572 + 20% × 9572 × 0.2500071 = 10050.61; 0.60 × 10050.61 = 6030.366 → 6030.37; paid 9313.93
      ['0161176', '0.40', '', '0.60', '1.00', '1', '1', 'statutory', '-9313.93'],
      // Hayward: S005 (gr 10, 0.80, census, unduplicated), S006 (gr 7, 0.70, census). Rolling UPP = (12180 + 12060 + 12001) / (20300 + 20100 + 20002) = 0.5999967
      //   gr 7-8: 8050 + 20% × 8050 × 0.5999967 + 50% × 8050 × 0.0499967 = 8050 + 965.99 + 201.24 = 9217.23; × 0.70 = 6452.061 → 6452.06
      //   gr 9-12: 9572 + 1148.63 + 239.28 = 10959.92; × 0.80 = 8767.936 → 8767.94; paid 6452.06 + 8767.94 = 15220.00
      ['0161192', '', '0.70', '0.80', '1.50', '2', '1', 'statutory', '-15220.00'],
      // Oakland: S007 (gr 11, 0.85, census, unduplicated); alternative rate 0 concurred → 0.85 × 0.00 = 0.00
      ['0161259', '', '', '0.85', '0.85', '1', '1', 'alternative', '0.00'],
      // districts: 1.00 + 1.50 + 0.85 = 3.35 ADA; 1 + 2 + 1 = 4 enrolled; 1 + 1 + 1 = 3 unduplicated; 9313.93 + 15220.00 = 24533.93
      ['', '0.40', '0.70', '2.25', '3.35', '4', '3', '', '-24533.93'],
      // the charter's S010 (WIC 654, 0.92, census, unduplicated) is credited to the COE
      ['0100001', '', '', '', '-0.92', '-1', '-1', '', '0.00'],
      // COE: gives up 3.35 ADA, 4 enrolled, 3 unduplicated to districts, gains S010: -3.35 + 0.92 = -2.43; -4 + 1 = -3; -3 + 1 = -2; receives 24533.93
      ['0110017', '', '', '', '-2.43', '-3', '-2', '', '24533.93'],
      // net over all LEAs: 3.35 - 0.92 - 2.43 = 0; 4 - 1 - 3 = 0; 3 - 1 - 2 = 0; -24533.93 + 24533.93 = 0
      ['', '', '', '', '0.00', '0', '0', '', '0.00'],
    ]);
  });
});

describe('lcff report calpads-1.19, 2019-20 example', () => {
  it('census-day students by section, district of residence and reported code', async () => {
    const [head, ...body] = table(await report('calpads-1.19'));
    expect(head).toEqual(['section', 'district of geographic residence', 'district name', 'transfer code (reported)', 'funding', 'census-day enrollment', 'unduplicated (LCFF-eligible)']);
    const short = body.map((r) => [r[0].slice(0, 15), r[1], r[3], r[4], r[5], r[6]]);
    expect(short).toEqual([
      // A: S008 Fremont, no code (unduplicated); S004 Fremont code 1 (wrongly: County Funded by law, but 1 moves it); S009 not enrolled on census day
      ['A. Non-juvenile', '0161176', 'none', 'County Funded', '1', '1'],
      ['A. Non-juvenile', '0161176', '1', 'District Funded', '1', '0'],
      // S003 (5, unduplicated) and S006 (5, not unduplicated) in Hayward
      ['A. Non-juvenile', '0161192', '5', 'County Funded', '2', '1'],
      ['A. Non-juvenile', '0161192', '6', 'District Funded', '1', '1'], // S005
      ['A. Non-juvenile', '0161259', '6', 'District Funded', '1', '1'], // S007
      ['Section A total', '', '', 'County Funded', '3', '2'], // 1 + 2 enrolled, 1 + 1 unduplicated
      ['Section A total', '', '', 'District Funded', '3', '2'], // 1 + 1 + 1; 0 + 1 + 1
      ['B. County progr', '0161192', '5', 'County Funded', '1', '1'], // S010
      ['B. County progr', '0161259', 'none', 'Charter Funded', '1', '0'], // S011 stays with the charter
      ['Section B total', '', '', 'County Funded', '1', '1'],
      ['Section B total', '', '', 'Charter Funded', '1', '0'],
      ['C. Juvenile cou', '0161192', 'none', 'County Funded', '1', '1'], // S001
      ['C. Juvenile cou', '0161259', 'none', 'County Funded', '1', '1'], // S002
      ['Section C total', '', '', 'County Funded', '2', '2'],
      ['All sections to', '', '', 'County Funded', '6', '5'], // 3 + 1 + 2; 2 + 1 + 2
      ['All sections to', '', '', 'District Funded', '3', '2'],
      ['All sections to', '', '', 'Charter Funded', '1', '0'],
    ]);
  });

  it('calpads-1.20 lists the 10 census-day students (S009 enrolled after census day) with their findings', async () => {
    const [head, ...body] = table(await report('calpads-1.20'));
    const id = head.indexOf('student');
    const findings = head.indexOf('findings');
    expect(body.map((r) => r[id])).toEqual(['S008', 'S004', 'S003', 'S006', 'S005', 'S007', 'S010', 'S011', 'S001', 'S002']);
    // S008 has no code (V010); S004 carries 1 but needs 5 and S006 carries 5 but needs 1-4/6 (V011)
    expect(Object.fromEntries(body.filter((r) => r[findings] !== '').map((r) => [r[id], r[findings]]))).toEqual({ S008: 'LCFF-V010', S004: 'LCFF-V011', S006: 'LCFF-V011' });
  });
});

describe('lcff report reconciliation (FAQ Q13), 2019-20 example', () => {
  const pick = (rows: string[][]) => rows.slice(1).map((r) => [r[0], r[3], r[4], r[5], r[6], r[7], r[8]]);

  it('PADC ADA, the ADA of the student records and the CALPADS counts line up; no district finding (V022, an agreement finding, is not a Q13 check)', async () => {
    expect(pick(table(await report('reconciliation')))).toEqual([
      // Fremont: PADC 1.00 = S008 0.60 + S009 0.40; coded 1-4/6 on census day naming Fremont: S004 (code 1, not unduplicated)
      ['0161176', '1.00', '1.00', '0.00', '1', '0', ''],
      // Hayward: 1.50 = S005 0.80 + S006 0.70; coded: S005 (6) only (S006 carries 5)
      ['0161192', '1.50', '1.50', '0.00', '1', '1', ''],
      ['0161259', '0.85', '0.85', '0.00', '1', '1', ''], // S007
      ['', '3.35', '3.35', '0.00', '3', '2', ''],
      // AEG non-juvenile court: 1.65 = S003 0.90 + S004 0.75; code 5 in COE schools: S003, S006
      ['0110017', '1.65', '1.65', '0.00', '2', '1', ''],
      // juvenile court: 1.83 = S001 0.95 + S002 0.88; both enrolled and unduplicated
      ['0110017', '1.83', '1.83', '0.00', '2', '2', ''],
      ['0100001', '0.92', '0.92', '0.00', '1', '1', ''], // S010
      ['0100001', '0.96', '0.96', '0.00', '1', '0', ''], // S011
    ]);
  });

  it('each mismatch carries the finding code of the run', async () => {
    const rows = pick(table(await report('reconciliation', (s) => {
      const padc = s.padc!;
      // Hayward claims 1.20 instead of 1.50; Oakland's line is missing although S007 is coded 6 to Oakland
      padc.attendance_district_funded = padc.attendance_district_funded.filter((r) => r.district !== '0161259').map((r) => (r.district === '0161192' ? { ...r, ada: new Dec('1.20') } : r));
      padc.attendance_coe.juvenile_court = new Dec('2.00');
    })));
    expect(rows[1]).toEqual(['0161192', '1.20', '1.50', '-0.30', '1', '1', 'LCFF-V021']); // 1.20 - 1.50
    expect(rows[2]).toEqual(['0161259', '', '0.85', '', '1', '1', 'LCFF-V020']);
    expect(rows[3]).toEqual(['', '2.20', '3.35', '-1.15', '3', '2', '']); // 1.00 + 1.20 + 0
    expect(rows[4][6]).toBe(''); // non-juvenile court line unchanged
    expect(rows[5]).toEqual(['0110017', '2.00', '1.83', '0.17', '2', '2', 'LCFF-V025']);
  });
});

describe('the CDE reports as workbook sheets', () => {
  it('each report is a sheet with typed numbers; the reconciliation rows equal the CSV rows', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { workbookBytes } = await import('../../src/report/xlsx/workbook.js');
    const lib = await bundledLibrary();
    const { scenario } = await loadScenario(EXAMPLE);
    const { result } = await runScenario(lib, scenario!);
    const bytes = await workbookBytes({ result: { ...result, provenance: testProvenance(lib, { ranAt: new Date(0) }) }, scenario: scenario!, lib, source: EXAMPLE });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    for (const sheet of ['CDE transfers', 'CALPADS 1.19', 'CALPADS 1.20', 'PADC-CALPADS reconciliation']) expect(wb.getWorksheet(sheet), sheet).toBeDefined();
    const transfers = wb.getWorksheet('CDE transfers')!;
    // Fremont's row: ADA credited 1.00 (a number cell, 2 places) and the transfer paid, -9313.93
    const header = (transfers.getRow(1).values as unknown[]).map(String);
    const fremont = transfers.getRow(2);
    expect(fremont.getCell(header.indexOf('ADA credited (+in/-out)')).value).toBe(1);
    expect(fremont.getCell(header.indexOf('ADA credited (+in/-out)')).numFmt).toBe('#,##0.00');
    expect(fremont.getCell(header.indexOf('EC 2576 funds (+received/-paid)')).value).toBe(-9313.93);
    const count = wb.getWorksheet('CALPADS 1.19')!;
    // the last data row is the all-sections Charter Funded total (1 enrolled, 0 unduplicated), bold
    const last = count.getRow(18);
    expect([last.getCell(1).value, last.getCell(5).value, last.getCell(6).value, last.getCell(7).value]).toEqual(['All sections total', 'Charter Funded', 1, 0]);
    expect(last.font?.bold).toBe(true);
    expect(count.getRow(2).font?.bold).toBeFalsy();
  });
});

describe('hostile names in the reports', () => {
  it('CSV text that a spreadsheet would take for a formula is prefixed; the terminal sees control characters escaped', async () => {
    const { renderReportText } = await import('../../src/report/cde/render.js');
    const r = await report('reconciliation', (s) => {
      s.districts.find((d) => d.cds === '0161176')!.name = '=HYPERLINK("http://x","y")';
      s.districts.find((d) => d.cds === '0161192')!.name = 'Hay\u001b[2Jward';
    });
    const rows = table(r);
    expect(rows[1][1]).toBe('\'=HYPERLINK("http://x","y")');
    const text = renderReportText(r);
    expect(text).not.toContain('\u001b[2J');
    expect(text).toContain('Hay\\x1b[2Jward');
  });
});
