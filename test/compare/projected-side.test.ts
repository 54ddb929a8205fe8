/**
 * `lcff compare` against current law projected (issue 10 items 3 and 4): a
 * reform that adds 2026-27 (examples/reforms/2026-27-concentration-70:
 * concentration 70%, COLA 3.02%) compared with the library, which stops at
 * 2025-26, run past its last year by an assumed COLA as `lcff project`
 * extends it. The scenario: test/cases/reforms/county-2026-27.scenario.yml.
 *
 * Hayward Unified, 2026-27 (both sides run the same students):
 *   rolling UPP after adjustments (12,060 + 12,180 + 12,001) / (20,100 + 20,300 + 20,002)
 *     = 36,241 / 60,402 = 0.5999966888…; above the 55% threshold by 0.0499966888…
 *   base grant 9-12: 12,423 (2025-26) × 1.0302 = 12,798.1746 → 12,798 on both sides
 *     (side a: the assumed 3.02%; side b: the reform's 3.02%); adjusted × 1.026 = 13,130.748 → 13,131
 *   supplemental: 13,131 × 20% × 0.5999966888… = 1,575.7113…
 *   concentration, side a (65%): 13,131 × 0.65 × 0.0499966888… = 426.7292…
 *                  side b (70%): 13,131 × 0.70 × 0.0499966888… = 459.5546…
 *   rate per ADA: a 13,131 + 1,575.7113 + 426.7292 = 15,133.4405 → 15,133.44
 *                 b 13,131 + 1,575.7113 + 459.5546 = 15,166.2659 → 15,166.27   (+32.83)
 *   transfer 9-12, 0.80 ADA: a 15,133.44 × 0.8 = 12,106.752 → 12,106.75
 *                            b 15,166.27 × 0.8 = 12,133.016 → 12,133.02        (+26.27)
 *   transfer 7-8, 0.70 ADA: the g7_8 rate moves by 27.60 (12,727.03 → 12,754.63):
 *                            12,727.03 × 0.7 = 8,908.921 → 8,908.92; 12,754.63 × 0.7 = 8,928.241 → 8,928.24 (+19.32)
 * The law that differs also holds the COE's operations-grant rates: side a
 *   grows them by the assumed COLA (per COE 901,738 × 1.0302 = 928,970.4876
 *   → 928,970); the reform does not derive them for 2026-27, so side b keeps
 *   901,738. The scenario gives no COE entitlement inputs, so no figure moves.
 * With a 2.5% COLA assumed instead: 12,423 × 1.025 = 12,733.575 → 12,734;
 *   × 1.026 = 13,065.084 → 13,065 on side a against 13,131 (+66.00 base).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBatch } from '../../src/batch/schema.js';
import { validateCompare } from '../../src/compare/schema.js';
import type { CompareResult } from '../../src/compare/result.js';
import { lcff } from '../helpers/cli.js';

const SCENARIO = 'test/cases/reforms/county-2026-27.scenario.yml';
const REFORM = ['--reform', 'examples/reforms/2026-27-concentration-70'];

function assumptionsFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lcff-compare-proj-')), 'cola.yaml');
  writeFileSync(file, text);
  return file;
}

const COLA = assumptionsFile('cola:\n  2026-27: 3.02%\n');

function compareJson(args: string[]): CompareResult {
  const r = lcff(['compare', SCENARIO, ...REFORM, '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CompareResult;
}

const delta = (c: CompareResult, subject: string, field: string) => c.deltas.find((d) => d.subject === subject && d.field === field);

describe('lcff compare, side a past its library\'s last year', () => {
  it('without assumptions exits 2 with LCFF-S072 saying to give them', () => {
    const r = lcff(['compare', SCENARIO, ...REFORM]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${SCENARIO}:1:1 LCFF-S072 error: assumptions.cola: 2026-27 is past the library's last year of enacted law (2025-26`);
    expect(r.stderr).toContain('side a (the bundled rules/) holds law through 2025-26: to compare with it projected to 2026-27, give --assumptions <file> with cola: { 2026-27: <percent> }');
  });

  it('runs current law projected by the assumed COLA: the concentration delta equals the hand figure, every side-a figure is marked projected', () => {
    const c = compareJson(['--assumptions', COLA]);
    expect(validateCompare(c)).toEqual([]);
    expect(c.a.projection).toMatchObject({ library_last_year: '2025-26', years: ['2026-27'], assumptions: { source: COLA, cola: [{ fiscal_year: '2026-27', value: '3.02%' }], ada_growth: [] }, cola_parameters: ['cola_coe', 'cola_district'] });
    expect(c.a.projection!.carried_forward).toContainEqual({ parameter: 'concentration_pct', value: '65%', from: '2021-22' });
    expect(c.b.projection).toBeUndefined();
    // side a's provenance states the library as it is: law through 2025-26
    expect(c.a.provenance!.library.last_year).toBe('2025-26');
    expect(delta(c, '0161192', 'rates.g9_12.concentration')).toMatchObject({ a: '426.73', b: '459.55', change: '32.82', a_projected: true });
    expect(delta(c, '0161192', 'rates.g9_12.total')).toEqual({ subject_kind: 'lea', subject: '0161192', name: 'Hayward Unified', field: 'rates.g9_12.total', a: '15133.44', b: '15166.27', change: '32.83', a_projected: true, causes: [{ kind: 'parameter', name: 'concentration_pct', traced: true }] });
    expect(delta(c, '0161192 g9_12', 'amount')).toMatchObject({ a: '12106.75', b: '12133.02', change: '26.27', a_projected: true });
    // the same base grant on both sides: no delta, and not in the law that differs
    expect(delta(c, '0161192', 'rates.g9_12.base')).toBeUndefined();
    expect(c.law.values.map((v) => v.name)).not.toContain('base_grant_per_ada');
    expect(c.law.values.find((v) => v.name === 'concentration_pct')).toMatchObject({ from: '65%', to: '70%' });
    expect(c.law.values.find((v) => v.name === 'coe_ops_per_coe')).toMatchObject({ from: '928970', to: '901738' });
    // the scenario gives no COE entitlement inputs: the operations grant is not computed on either side, so no figure moves with it
    expect(c.deltas.filter((d) => d.subject_kind === 'coe')).toEqual([]);
    // the transfers in total: Hayward g7_8 and g9_12 move; 45.59 = 26.27 (g9_12) + 19.32 (g7_8)
    expect(c.totals.transfers).toEqual({ a: '33792.72', b: '33838.31', change: '45.59', a_projected: true });
    expect(c.deltas.length).toBeGreaterThan(10);
    expect(c.deltas.every((d) => d.a_projected === true)).toBe(true);
    expect(c.totals.transfers.a_projected).toBe(true);
    expect(c.totals.coe_entitlement.a_projected).toBe(true);
  });

  it('applies the COLA assumed: at 2.5% the base grants differ by the hand figure, caused by the derived base grant', () => {
    const c = compareJson(['--assumptions', assumptionsFile('cola: { 2026-27: 2.5% }\n')]);
    expect(delta(c, '0161192', 'rates.g9_12.base')).toMatchObject({ a: '13065.00', b: '13131.00', change: '66.00', a_projected: true });
    // the rate formulas read the base grant and the concentration percent: both differ now
    expect(delta(c, '0161192', 'rates.g9_12.base')!.causes.map((x) => x.name)).toEqual(['base_grant_per_ada', 'concentration_pct']);
    expect(c.law.values.find((v) => v.name === 'cola_district')).toMatchObject({ from: '2.5%', to: '3.02%' });
  });

  it('lists the assumptions and marks side a in the terminal, the CSV and its provenance file, and the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-compare-proj-out-'));
    const csv = join(dir, 'compare.csv');
    const html = join(dir, 'compare.html');
    const files = lcff(['compare', SCENARIO, ...REFORM, '--assumptions', COLA, '--csv', csv, '--html', html]);
    expect(files.code, files.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('subject_kind,subject,name,field,a,b,change,causes,a_projected');
    expect(lines).toContain('lea,0161192,Hayward Unified,rates.g9_12.total,15133.44,15166.27,32.83,parameter:concentration_pct,true');
    expect(lines.slice(1).every((l) => l.endsWith(',true'))).toBe(true);
    const prov = readFileSync(join(dir, 'compare.provenance.csv'), 'utf8');
    expect(prov).toContain('a,assumption_cola,2026-27 3.02%');
    expect(prov).toContain('a,projected_past,2025-26');
    expect(prov).toContain('a,carried_forward,concentration_pct = 65% (2021-22)');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<section id="projection"><h2>Side a is projected</h2>');
    expect(page).toContain('<td>cola</td><td>2026-27</td><td class="n">3.02%</td>');
    expect(page).toContain('<td class="n projected">15133.44*</td><td class="n">15166.27</td><td class="n">32.83</td>');
    // side a's law values are projected too
    expect(page).toContain('<td>parameter concentration_pct</td><td class="n projected">65%*</td><td>70%</td>');
    const term = lcff(['compare', SCENARIO, ...REFORM, '--assumptions', COLA]);
    expect(term.code).toBe(0);
    expect(term.stdout).toContain('a = library: the bundled rules/ (projected)');
    expect(term.stdout).toContain(`Side a is projected past 2025-26 (its last year of enacted law) by the assumed COLA 2026-27 3.02% (${COLA})`);
    expect(term.stdout).toMatch(/rates\.g9_12\.total\s+│ 15133\.44\*\s+│ 15166\.27\s+│ 32\.83\s+│ concentration_pct/);
    expect(term.stdout).toMatch(/parameter concentration_pct\s+│ 65%\*\s+│ 70%\s+│/);
    expect(term.stdout).toContain('Transfers in total: 33792.72* → 33838.31 (45.59)');
  });

  it('refuses a COLA assumed for a year side a holds law for (LCFF-S073), and says growth assumptions are not used', () => {
    const enacted = assumptionsFile('cola:\n  2025-26: 2.5%\n  2026-27: 3.02%\n');
    const r = lcff(['compare', SCENARIO, ...REFORM, '--assumptions', enacted]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${enacted}:2:12 LCFF-S073 error: cola.2025-26: the library holds enacted law for 2025-26, its COLA included`);
    const growth = lcff(['compare', SCENARIO, ...REFORM, '--json', '--assumptions', assumptionsFile('cola: { 2026-27: 3.02% }\nada_growth: { 2026-27: -1% }\n')]);
    expect(growth.code).toBe(0);
    expect(growth.stderr).toBe("assumptions not used by a comparison (both sides run the scenario's own data): ada_growth 2026-27\n");
    expect((JSON.parse(growth.stdout) as CompareResult).a.projection!.assumptions.ada_growth).toEqual([]);
  });

  it('does not project a side a that holds law for the year: --assumptions is said to be unused, nothing is marked', () => {
    const r = lcff(['compare', 'examples/2019-20-county-charter', '--set', 'supplemental_pct@2019-20=25%', '--json', '--assumptions', COLA]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`--assumptions ${COLA}: not used: side a (the bundled rules/) holds law for 2019-20\n`);
    const c = JSON.parse(r.stdout) as CompareResult;
    expect(c.a.projection).toBeUndefined();
    expect(c.deltas.some((d) => d.a_projected)).toBe(false);
  });

  it('in a batch: each county compared as alone against current law projected, side a marked in the summary and its totals', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lcff-compare-proj-batch-'));
    for (const n of ['a', 'b']) {
      mkdirSync(join(folder, n));
      copyFileSync(SCENARIO, join(folder, n, 'scenario.yml'));
    }
    const r = lcff(['compare', folder, ...REFORM, '--assumptions', COLA, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(validateBatch(doc, 'compare')).toEqual([]);
    expect(doc.runs[0].result.a.projection.years).toEqual(['2026-27']);
    expect(doc.runs[0].result.totals.transfers).toEqual({ a: '33792.72', b: '33838.31', change: '45.59', a_projected: true });
    expect(doc.summary.scenarios.map((x: { a_projected?: boolean }) => x.a_projected)).toEqual([true, true]);
    // two copies of the county: 2 × 33,792.72 = 67,585.44 → 2 × 33,838.31 = 67,676.62 (+91.18 = 2 × 45.59)
    expect(doc.summary.totals).toHaveLength(1);
    expect(doc.summary.totals[0]).toMatchObject({ fiscal_year: '2026-27', scenarios: 2, a_projected: 2 });
    expect(doc.summary.totals[0].transfers.a.amount).toBe('67585.44');
    expect(doc.summary.totals[0].transfers.b.amount).toBe('67676.62');
    expect(doc.summary.totals[0].transfers.change.amount).toBe('91.18');
    const term = lcff(['compare', folder, ...REFORM, '--assumptions', COLA]);
    expect(term.code, term.stderr).toBe(0);
    expect(term.stdout).toContain('33,792.72*');
    expect(term.stdout).toContain("* side a projected: past its library's last year");
    expect(term.stdout).toContain('Side a is projected in 2 scenarios of this year');
    // without assumptions each county fails with S072 and says why; the batch exits 2
    const none = lcff(['compare', folder, ...REFORM, '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout).summary.failed).toBe(2);
    expect(none.stderr).toContain('LCFF-S072');
  }, 300_000);
});
