/**
 * `lcff compare <many scenarios or a folder>` (issue 10, item 6): each
 * scenario compared as it would be alone, a failing one reported with its
 * error while the others still run, the summary adding up the sides exactly,
 * the exit code the worst outcome, and --jobs 2 printing exactly what
 * --jobs 1 prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBatch } from '../../src/batch/schema.js';
import type { CompareResult } from '../../src/compare/result.js';
import { lcff as run } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

/** Every run at one fixed time (SOURCE_DATE_EPOCH), so outputs with their provenance compare byte for byte. */
const lcff = (args: string[]) => run(args, { env: { SOURCE_DATE_EPOCH: '1764400000' } });
const SLOW = 300_000; // whole processes on a shared machine
const REFORM = ['--reform', 'examples/reforms/supplemental-25'];

/** 1: the 2016-17 example (the reform changes nothing in 2016-17); 2 and 4: the 2019-20 example and a copy; 3: a misspelt fiscal year. */
let folder: string;
let names: string[];
const single = new Map<string, CompareResult>();

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lcff-compare-batch-'));
  names = ['1-2016-17', '2-2019-20', '3-broken', '4-2019-20-copy'];
  cpSync(join(ROOT, 'examples/2016-17-optional-transfer'), join(folder, names[0]), { recursive: true });
  cpSync(join(ROOT, 'examples/2019-20-county-charter'), join(folder, names[1]), { recursive: true });
  cpSync(join(ROOT, 'examples/2019-20-county-charter'), join(folder, names[3]), { recursive: true });
  mkdirSync(join(folder, names[2]));
  writeFileSync(join(folder, names[2], 'scenario.yaml'), readFileSync(join(ROOT, 'examples/2019-20-county-charter/scenario.yaml'), 'utf8').replace(/^fiscal_year: 2019-20$/m, 'fiscal_year: 2019-21'));
  for (const n of [names[0], names[1]]) {
    const r = lcff(['compare', join(folder, n), ...REFORM, '--json']);
    expect(r.code, r.stderr).toBe(0);
    single.set(n, JSON.parse(r.stdout) as CompareResult);
  }
}, SLOW);

describe('lcff compare over a folder of scenarios with a broken one', () => {
  it('compares the others, reports the broken one, exits 2; the summary adds up each side exactly', () => {
    const r = lcff(['compare', folder, ...REFORM, '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(validateBatch(doc, 'compare')).toEqual([]);
    expect(doc.runs.map((x: { scenario: string }) => x.scenario)).toEqual(names.map((n) => join(folder, n)));
    expect(doc.runs[2].error.status).toBe('input');
    expect(doc.runs[2].error.message).toContain('LCFF-S020 error: fiscal_year');
    expect(r.stderr).toContain('LCFF-S020');
    // each comparison is the single comparison's, byte for byte
    expect(doc.runs[0].result).toEqual(single.get(names[0]));
    expect(doc.runs[1].result).toEqual(single.get(names[1]));

    const s = doc.summary;
    expect([s.ran, s.failed, s.exit_code]).toEqual([3, 1, 2]);
    // 2019-20 with a 25% supplemental grant: transfers 24,533.93 → 25,043.59 (+509.66, as lcff compare on the example alone prints); the COE entitlement (AEG) unchanged
    expect(s.scenarios[1]).toEqual({
      index: 2, scenario: join(folder, names[1]), status: 'ok', exit_code: 0, fiscal_year: '2019-20', county: { code: '01', name: 'Alameda' }, students: 11,
      a: { coe_entitlement: '73560.34', transfers: '24533.93' }, b: { coe_entitlement: '73560.34', transfers: '25043.59' }, change: { coe_entitlement: '0.00', transfers: '509.66' },
      students_changed: 0, deltas: single.get(names[1])!.deltas.length,
    });
    expect(s.scenarios[2]).toMatchObject({ index: 3, status: 'input', exit_code: 2 });
    expect(s.scenarios[2].a).toBeUndefined();

    expect(s.totals.map((y: { fiscal_year: string }) => y.fiscal_year)).toEqual(['2016-17', '2019-20']);
    const [y1617, y1920] = s.totals;
    // the reform keys 2019-20 and 2020-21 only: nothing changes in 2016-17 (transfers 16,785.62, AEG 28,971.48 on both sides)
    expect(y1617.transfers).toEqual({ a: { lines: 4, ada: '3.36', amount: '16785.62' }, b: { lines: 4, ada: '3.36', amount: '16785.62' }, change: { lines: 0, ada: '0.00', amount: '0.00' } });
    expect(y1617.coe_entitlement.total).toEqual({ a: '28971.48', b: '28971.48', change: '0.00' });
    expect(y1617.causes).toEqual([]);
    // 2019-20, two scenarios: a 2 × 24,533.93 = 49,067.86; b 2 × 25,043.59 = 50,087.18; change 1,019.32 over 2 × 5 lines and 2 × 3.35 = 6.70 ADA
    expect([y1920.scenarios, y1920.students, y1920.students_changed]).toEqual([2, 22, 0]);
    expect(y1920.transfers).toEqual({ a: { lines: 10, ada: '6.70', amount: '49067.86' }, b: { lines: 10, ada: '6.70', amount: '50087.18' }, change: { lines: 0, ada: '0.00', amount: '1019.32' } });
    // COE entitlement 2 × 73,560.34 = 147,120.68 on both sides; the AEG is all of it, the three operations-grant components not computed in either scenario
    expect(y1920.coe_entitlement.total).toEqual({ a: '147120.68', b: '147120.68', change: '0.00' });
    expect(y1920.coe_entitlement.incomplete).toEqual({ a: 2, b: 2 });
    expect(y1920.coe_entitlement.components.find((c: { name: string }) => c.name === 'Alternative Education Grant')).toEqual({ name: 'Alternative Education Grant', a: '147120.68', b: '147120.68', change: '0.00', not_computed: { a: 0, b: 0 } });
    // district_funded: 5 students on 3.35 ADA per scenario, on both sides
    expect(y1920.categories.find((c: { category: string }) => c.category === 'district_funded')).toEqual({ category: 'district_funded', label: expect.any(String), a: { students: 10, census_day: 8, ada: '6.70' }, b: { students: 10, census_day: 8, ada: '6.70' }, change: { students: 0, census_day: 0, ada: '0.00' } });
    expect(y1920.findings.find((f: { code: string }) => f.code === 'LCFF-V011')).toEqual({ code: 'LCFF-V011', severity: 'error', a: { count: 4, scenarios: 2 }, b: { count: 4, scenarios: 2 }, change: 0 });
    // the one cause, in both scenarios, named by every delta of each (the single comparison's count, twice)
    const named = single.get(names[1])!.deltas.filter((d) => d.causes.some((c) => c.name === 'supplemental_pct')).length;
    expect(named).toBeGreaterThan(0);
    expect(y1920.causes).toEqual([{ kind: 'parameter', name: 'supplemental_pct', scenarios: 2, deltas: 2 * named }]);
  }, SLOW);

  it('prints the same JSON, stderr and CSV with --jobs 1 and --jobs 2; the tables and the CSV files', () => {
    const j1 = lcff(['compare', folder, ...REFORM, '--json', '-j', '1']);
    const j2 = lcff(['compare', folder, ...REFORM, '--json', '-j', '2']);
    expect(j2.code).toBe(2);
    expect(j2.stdout).toBe(j1.stdout);
    expect(j2.stderr).toBe(j1.stderr);
    expect(j1.stdout).toBe(`${JSON.stringify(JSON.parse(j1.stdout), null, 2)}\n`);
    const t1 = lcff(['compare', folder, ...REFORM]);
    expect(t1.stdout).toContain('Batch of 4 comparisons: 3 ran, 1 failed (their errors are above, on stderr); exit 2');
    expect(t1.stdout).toContain('b = reform: the bundled rules/ + reform examples/reforms/supplemental-25');
    expect(t1.stdout).toMatch(/Transfers of funds \(EC 2576\): a 10 lines, 6\.70 ADA, 49,067\.86 → b 10 lines, 6\.70 ADA, 50,087\.18 \(\+1,019\.32\)/);
    expect(t1.stdout).toMatch(/│ supplemental_pct\s+│ 2\s+│ \d+\s+│/);
    expect(t1.stdout).toContain('Side b (reform):\nProvenance:');
    const c1 = mkdtempSync(join(tmpdir(), 'lcff-cb-csv1-'));
    const c2 = mkdtempSync(join(tmpdir(), 'lcff-cb-csv2-'));
    expect(lcff(['compare', folder, ...REFORM, '--csv', c1, '-j', '1']).code).toBe(2);
    expect(lcff(['compare', folder, ...REFORM, '--csv', c2, '-j', '2']).code).toBe(2);
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files(c2)).toEqual(files(c1));
    for (const f of files(c1).filter((f) => f.endsWith('.csv'))) expect(readFileSync(join(c2, f), 'utf8'), f).toBe(readFileSync(join(c1, f), 'utf8'));

    // --csv: the summary files, and per scenario that ran the file and provenance `lcff compare <scenario> --csv` writes
    expect(readdirSync(c1).sort()).toEqual(['1-1-2016-17', '2-2-2019-20', '4-4-2019-20-copy', 'summary.csv', 'totals.csv', 'totals_categories.csv', 'totals_causes.csv', 'totals_components.csv', 'totals_findings.csv']);
    const alone = join(mkdtempSync(join(tmpdir(), 'lcff-cb-alone-')), 'compare.csv');
    expect(lcff(['compare', join(folder, names[1]), ...REFORM, '--csv', alone]).code).toBe(0);
    expect(readFileSync(join(c1, '2-2-2019-20', 'compare.csv'), 'utf8')).toBe(readFileSync(alone, 'utf8'));
    expect(readFileSync(join(c1, '2-2-2019-20', 'compare.provenance.csv'), 'utf8')).toBe(readFileSync(alone.replace(/\.csv$/, '.provenance.csv'), 'utf8'));
    const totals = readFileSync(join(c1, 'totals.csv'), 'utf8').split('\n');
    expect(totals[0]).toBe('fiscal_year,scenarios,students,students_changed,a_projected,transfer_lines_a,transfer_lines_b,transfer_ada_a,transfer_ada_b,transfers_a,transfers_b,transfers_change,coe_entitlement_a,coe_entitlement_b,coe_entitlement_change,coe_entitlement_incomplete_a,coe_entitlement_incomplete_b');
    expect(totals[2]).toBe('2019-20,2,22,0,0,10,10,6.70,6.70,49067.86,50087.18,1019.32,147120.68,147120.68,0.00,2,2');
    expect(readFileSync(join(c1, 'summary.csv'), 'utf8').split('\n')[4]).toBe(`4,${join(folder, names[3])},ok,0,2019-20,01,Alameda,11,73560.34,73560.34,0.00,24533.93,25043.59,509.66,0,${single.get(names[1])!.deltas.length},false,4-4-2019-20-copy,`);
  }, SLOW);

  it('--against a git revision: resolved once, read by every worker, no law differs and nothing changes', () => {
    const r = lcff(['compare', join(folder, names[0]), join(folder, names[1]), '--against', 'HEAD', '--json', '--jobs', '2']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(validateBatch(doc, 'compare')).toEqual([]);
    expect(doc.runs.map((x: { result: CompareResult }) => x.result.a.rules)).toEqual([expect.stringMatching(/^git:HEAD \([0-9a-f]{12}\)$/), expect.stringMatching(/^git:HEAD \([0-9a-f]{12}\)$/)]);
    expect(doc.summary.scenarios.map((x: { change: unknown; deltas: number }) => [x.change, x.deltas])).toEqual([[{ coe_entitlement: '0.00', transfers: '0.00' }, 0], [{ coe_entitlement: '0.00', transfers: '0.00' }, 0]]);
    expect(doc.summary.totals.flatMap((y: { causes: unknown[] }) => y.causes)).toEqual([]);
  }, SLOW);

  it('refuses --html for a batch, and nothing to compare, before running anything (exit 2)', () => {
    const h = lcff(['compare', folder, ...REFORM, '--html', join(tmpdir(), 'x.html')]);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('--html shows one comparison; with 4 scenarios use the summary, --json or --csv <dir>');
    const n = lcff(['compare', folder]);
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('lcff compare: nothing to compare');
  }, SLOW);
});
