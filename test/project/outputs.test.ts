/**
 * `lcff project --html` and `--xlsx` (issue 10 item 4): the years side by
 * side, every projected figure marked, the assumptions and the provenance
 * stated. The workbook is read back with exceljs and every figure checked
 * against the JSON of the same command; the page is checked for its marks,
 * its assumptions and its escaping of hostile names.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProjectionResult } from '../../src/project/result.js';
import { dec, grouped } from '../../src/runtime/money.js';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const EXAMPLE = 'examples/2025-26-projection';

interface Outputs {
  json: ProjectionResult & { provenance: { library: { hash: string } } };
  html: string;
  wb: ExcelJS.Workbook;
}

const once = new Map<string, Promise<Outputs>>();
const example = (): Promise<Outputs> => {
  if (!once.has(EXAMPLE)) once.set(EXAMPLE, project(EXAMPLE));
  return once.get(EXAMPLE)!;
};

/** `lcff project <scenario> --years 2026-27..2027-28 --json --html … --xlsx …`: the JSON, the page, the workbook read back. */
async function project(scenario: string): Promise<Outputs> {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-project-out-'));
  const html = join(dir, 'p.html');
  const xlsx = join(dir, 'p.xlsx');
  const r = lcff(['project', scenario, '--years', '2026-27..2027-28', '--json', '--html', html, '--xlsx', xlsx]);
  expect(r.stderr).toBe(`wrote ${html}, ${xlsx}\n`);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx));
  return { json: JSON.parse(r.stdout), html: readFileSync(html, 'utf8'), wb };
}

/** The Projection sheet as (subject, measure) → the cells of each year's column, and the header. */
function projectionSheet(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet('Projection')!;
  const header: string[] = [];
  ws.getRow(1).eachCell((c, n) => (header[n] = String(c.value)));
  const rows = new Map<string, ExcelJS.Row>();
  for (let n = 2; n <= ws.rowCount; n += 1) {
    const row = ws.getRow(n);
    if (row.getCell(1).value === null) break;
    rows.set(`${row.getCell(1).value} ${row.getCell(2).value} ${row.getCell(3).value}`, row);
  }
  const col = (year: string) => header.findIndex((h) => h === year || h === `${year} (projected)`);
  return { ws, header, rows, cell: (key: string, year: string) => rows.get(key)?.getCell(col(year)) };
}

/** A workbook number equals the JSON's decimal text (or whole number) exactly. */
function same(cell: ExcelJS.Cell | undefined, json: string | number): void {
  expect(cell, `no cell for ${json}`).toBeDefined();
  expect(typeof cell!.value).toBe('number');
  expect(dec(cell!.value as number).equals(dec(json))).toBe(true);
}

describe('lcff project --xlsx', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await example();
  }, 120_000);

  it('has the years side by side, and every figure of every LEA, the COE entitlement and the totals equals the JSON', () => {
    const { header, cell } = projectionSheet(out.wb);
    expect(header.slice(1)).toEqual(['subject', 'name', 'measure', '2025-26', '2026-27 (projected)', '2027-28 (projected)']);
    let checked = 0;
    for (const l of out.json.leas) {
      for (const y of l.years) {
        same(cell(`${l.cds} ${l.name} ada_after`, y.fiscal_year), y.ada);
        same(cell(`${l.cds} ${l.name} enrollment_after`, y.fiscal_year), y.enrollment);
        same(cell(`${l.cds} ${l.name} unduplicated_after`, y.fiscal_year), y.unduplicated);
        same(cell(`${l.cds} ${l.name} upp_rolling_after`, y.fiscal_year), y.upp_rolling);
        for (const [span, x] of Object.entries(y.rates ?? {})) for (const part of ['base', 'supplemental', 'concentration', 'total'] as const) same(cell(`${l.cds} ${l.name} rate_${span}_${part}`, y.fiscal_year), x[part]);
        if (y.transfers_out !== undefined) same(cell(`${l.cds} ${l.name} transfers_paid`, y.fiscal_year), y.transfers_out);
        if (y.transfers_in !== undefined) same(cell(`${l.cds} ${l.name} transfers_received`, y.fiscal_year), y.transfers_in);
        checked += 1;
      }
    }
    expect(checked).toBe(out.json.leas.length * 3);
    for (const c of out.json.coe_entitlement.components) {
      for (const y of c.years) {
        const got = cell(`coe ${c.name} coe_entitlement_component`, y.fiscal_year)!;
        if (y.computed) same(got, y.amount);
        else expect(got.value).toBe('not computed');
      }
    }
    for (const t of out.json.coe_entitlement.totals) same(cell('coe total coe_entitlement_total', t.fiscal_year), t.total);
    for (const t of out.json.totals) {
      same(cell(`county ${out.json.county.name} ada`, t.fiscal_year), t.ada);
      same(cell(`county ${out.json.county.name} transfers`, t.fiscal_year), t.transfers);
    }
    // a figure by hand (docs/projections.md): Fremont's rolling UPP in 2026-27 is 26,302 / 104,852 = 25.08%
    expect(cell('0161176 Fremont Unified upp_rolling_after', '2026-27')!.value).toBe(0.2508);
    expect(cell('0161176 Fremont Unified upp_rolling_after', '2026-27')!.numFmt).toBe('0.00%');
    expect(cell('0161176 Fremont Unified transfers_paid', '2026-27')!.numFmt).toBe('#,##0.00');
  });

  it('marks the projected years: shaded and italic columns headed "(projected)", with a legend; the scenario year is plain', () => {
    const { ws, rows, header } = projectionSheet(out.wb);
    const scenarioCol = header.indexOf('2025-26');
    const projectedCols = [header.indexOf('2026-27 (projected)'), header.indexOf('2027-28 (projected)')];
    const fill = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    for (const row of [ws.getRow(1), ...rows.values()]) {
      expect(fill(row.getCell(scenarioCol))).toBeUndefined();
      expect(row.getCell(scenarioCol).font?.italic).not.toBe(true);
      for (const n of projectedCols) {
        expect(fill(row.getCell(n))).toBe('FFF1ECFA');
        expect(row.getCell(n).font?.italic).toBe(true);
      }
    }
    const texts: string[] = [];
    ws.eachRow((row) => texts.push(String(row.getCell(2).value ?? '')));
    expect(texts.some((t) => t.startsWith('a column headed "(projected)", shaded and in italics'))).toBe(true);
  });

  it('lists the assumptions as percent numbers, the law as numbers per year, and the provenance', () => {
    const a = out.wb.getWorksheet('Assumptions')!;
    const rows = [2, 3, 4, 5, 6, 7].map((n) => a.getRow(n)).map((r) => [r.getCell(1).value, r.getCell(2).value, r.getCell(3).value, r.getCell(3).numFmt]);
    expect(rows).toContainEqual(['cola', '2026-27', 0.0302, '0.00##%']);
    expect(rows).toContainEqual(['cola', '2027-28', 0.029, '0.00##%']);
    expect(rows).toContainEqual(['ada_growth', '2026-27', -0.015, '0.00##%']);
    expect(String(a.getRow(2).getCell(4).value)).toContain('examples/2025-26-projection');
    const law = out.wb.getWorksheet('Law')!;
    const k3 = [...Array(law.rowCount).keys()].map((i) => law.getRow(i + 1)).find((r) => r.getCell(1).value === 'base_grant_per_ada' && r.getCell(2).value === 'k3')!;
    // 10,256 × 1.0302 = 10,565.7312 → 10,566; × 1.029 = 10,872.414 → 10,872
    expect([k3.getCell(3).value, k3.getCell(4).value, k3.getCell(5).value]).toEqual([10256, 10566, 10872]);
    const facts = new Map<string, unknown>();
    out.wb.getWorksheet('Provenance')!.eachRow((r) => facts.set(String(r.getCell(1).value), r.getCell(2).value));
    expect(String(facts.get('Rule library hash'))).toContain(out.json.provenance.library.hash);
    expect(facts.get('years')).toBe('2025-26, 2026-27 (projected), 2027-28 (projected)');
    expect(facts.get('scenario file')).toBe(EXAMPLE);
  });
});

describe('lcff project --html', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = await example();
  }, 120_000);

  const cells = (html: string) => [...html.matchAll(/<td class="n( projected)?">([^<]*)<\/td>/g)].map((m) => ({ projected: m[1] !== undefined, text: m[2] }));

  it('marks every figure of a projected year with * and the class projected, and no figure of the scenario year', () => {
    const all = cells(out.html);
    expect(all.filter((c) => c.projected).length).toBeGreaterThan(100);
    for (const c of all) expect(c.text.endsWith('*')).toBe(c.projected);
    // the county totals: four rows, two projected years
    const totals = out.html.slice(out.html.indexOf('<section id="totals">'), out.html.indexOf('</section>', out.html.indexOf('<section id="totals">')));
    expect(cells(totals).filter((c) => c.projected)).toHaveLength(8);
    const t = out.json.totals;
    expect(totals).toContain(`<td class="n">$${grouped(dec(t[0].transfers), 2)}</td>`);
    expect(totals).toContain(`<td class="n projected">$${grouped(dec(t[2].transfers), 2)}*</td>`);
    expect(totals).toContain('<th scope="col">2026-27 (projected)</th>');
  });

  it('lists the assumptions, the legend and how the law is extended, and states the provenance in the header and at the end', () => {
    const h = out.html;
    expect(h).toContain('<section id="assumptions">');
    expect(h).toContain('cola 2026-27 3.02%, 2027-28 2.90%; ada_growth 2026-27 -1.5%, 2027-28 -1%');
    expect(h).toContain('<td>cola</td><td>2026-27</td><td class="n">3.02%</td>');
    expect(h).toContain('<span class="mark">*</span> projected: a figure of a year after the scenario\'s (2025-26)');
    expect(h).toContain('concentration_pct = 65% (2021-22)');
    expect(h).toContain(`<meta name="lcff-library-hash" content="${out.json.provenance.library.hash}">`);
    const header = h.slice(h.indexOf('<header>'), h.indexOf('</header>'));
    expect(header).toContain(out.json.provenance.library.hash);
    expect(header).toContain('2026-27 (projected)');
    expect(h).toContain('<section id="provenance">');
    expect(h).not.toMatch(/<script|<link|src=|href=/i);
  });

  it('escapes hostile names of the scenario in the page, and keeps them text in the workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-project-hostile-'));
    const hostile = '<script>alert(1)</script> & "Hayward"';
    const formula = '=HYPERLINK("http://x","y")';
    const text = readFileSync(`${ROOT}${EXAMPLE}/scenario.yaml`, 'utf8').replace('name: Hayward Unified', `name: '${hostile}'`).replace('name: Oakland Unified', `name: '${formula}'`);
    writeFileSync(join(dir, 'scenario.yaml'), text);
    const o = await project(join(dir, 'scenario.yaml'));
    expect(o.html).not.toContain('<script>');
    expect(o.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Hayward&quot; (0161192)');
    const { rows } = projectionSheet(o.wb);
    const names = [...rows.values()].map((r) => r.getCell(2).value);
    expect(names).toContain(hostile);
    expect(names).toContain(`'${formula}`);
    expect([...rows.values()].every((r) => r.getCell(2).formula === undefined)).toBe(true);
  }, 120_000);
});

describe('lcff project output options', () => {
  it('refuses an --html or --xlsx path that cannot be written before running (exit 2)', () => {
    const r = lcff(['project', EXAMPLE, '--years', '2026-27', '--xlsx', '/nonexistent-dir/x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--xlsx');
    expect(r.stdout).toBe('');
  });
});
