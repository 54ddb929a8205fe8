/**
 * `lcff project <many scenarios or a folder> --years …` (issue 10, item 6):
 * each scenario projected as it would be alone, with its own assumptions; a
 * scenario the years do not fit reported while the others still run; the
 * totals of each year added up exactly across the scenarios, projected
 * figures marked; --jobs 2 printing exactly what --jobs 1 prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBatch } from '../../src/batch/schema.js';
import type { ProjectionResult } from '../../src/project/result.js';
import { dec, fixed, ZERO } from '../../src/runtime/money.js';
import { lcff as run } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const lcff = (args: string[]) => run(args, { env: { SOURCE_DATE_EPOCH: '1764400000' } });
const SLOW = 300_000;
const YEARS = ['--years', '2026-27..2027-28'];
const EX = join(ROOT, 'examples/2025-26-projection/scenario.yaml');

/** a: the 2025-26 example; b: the 2019-20 example (the years do not follow it); c: the 2025-26 example assuming the COLA only (no ADA or enrollment growth). */
let folder: string;
const single = new Map<string, ProjectionResult>();

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lcff-project-batch-'));
  cpSync(join(ROOT, 'examples/2025-26-projection'), join(folder, 'a'), { recursive: true });
  cpSync(join(ROOT, 'examples/2019-20-county-charter'), join(folder, 'b'), { recursive: true });
  mkdirSync(join(folder, 'c'));
  const text = readFileSync(EX, 'utf8');
  const colaOnly = text.replace(/ {2}ada_growth:.*\n(?: {4}.*\n)+ {2}enrollment_growth:\n(?: {4}.*\n)+/, '');
  expect(colaOnly).not.toBe(text);
  writeFileSync(join(folder, 'c', 'scenario.yaml'), colaOnly);
  for (const n of ['a', 'c']) {
    const r = lcff(['project', join(folder, n), ...YEARS, '--json']);
    expect(r.code, r.stderr).toBe(0);
    single.set(n, JSON.parse(r.stdout) as ProjectionResult);
  }
}, SLOW);

describe('lcff project over a folder of scenarios', () => {
  it('projects the others, reports the one the years do not fit, exits 2; each year summed across the counties', () => {
    const r = lcff(['project', folder, ...YEARS, '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(validateBatch(doc, 'project')).toEqual([]);
    expect(doc.runs[0].result).toEqual(single.get('a'));
    expect(doc.runs[2].result).toEqual(single.get('c'));
    expect(doc.runs[1].error).toEqual({ status: 'input', message: "--years: a projection runs year after year from the scenario's 2019-20, so it starts in 2020-21; write --years 2020-21..2027-28" });
    // stderr names the scenario the message is about
    expect(r.stderr).toContain(`${join(folder, 'b')}: --years: a projection runs year after year from the scenario's 2019-20`);

    const s = doc.summary;
    expect([s.ran, s.failed, s.exit_code]).toEqual([2, 1, 2]);
    // a: ADA 8.71, then −1.5% and −1% per student (8.60, 8.50); students 11 every year
    expect(s.scenarios[0].years.map((y: { fiscal_year: string; projected: boolean; students: number; ada: string }) => [y.fiscal_year, y.projected, y.students, y.ada])).toEqual([['2025-26', false, 11, '8.71'], ['2026-27', true, 11, '8.60'], ['2027-28', true, 11, '8.50']]);
    expect(s.scenarios[0].years.map((y: { coe_entitlement: string }) => y.coe_entitlement)).toEqual(single.get('a')!.totals.map((t) => t.coe_entitlement));
    // each scenario lists its own assumptions: c assumes the COLA only
    expect(s.scenarios[0].assumptions.ada_growth).toEqual([{ fiscal_year: '2026-27', value: '-1.5%' }, { fiscal_year: '2027-28', value: '-1%' }]);
    expect(s.scenarios[2].assumptions.ada_growth).toEqual([]);
    expect(s.scenarios[2].assumptions.cola).toEqual([{ fiscal_year: '2026-27', value: '3.02%' }, { fiscal_year: '2027-28', value: '2.90%' }]);
    expect(s.scenarios[1]).toEqual({ index: 2, scenario: join(folder, 'b'), status: 'input', exit_code: 2, fiscal_year: '2019-20', county: { code: '01', name: 'Alameda' }, error: doc.runs[1].error.message });

    // ADA: 8.71 + 8.71 = 17.42; 8.60 + 8.71 = 17.31; 8.50 + 8.71 = 17.21 (c's ADA does not move)
    expect(s.totals.map((y: { fiscal_year: string; projected: boolean; scenarios: number; projected_scenarios: number; students: number; ada: string }) => [y.fiscal_year, y.projected, y.scenarios, y.projected_scenarios, y.students, y.ada])).toEqual([
      ['2025-26', false, 2, 0, 22, '17.42'],
      ['2026-27', true, 2, 2, 22, '17.31'],
      ['2027-28', true, 2, 2, 22, '17.21'],
    ]);
    // 2025-26 (not projected): a and c are the same scenario, so twice 32,801.92 = 65,603.84 of transfers and twice 22,485,222.00 = 44,970,444.00 of COE entitlement
    expect(s.totals[0].transfers).toBe('65603.84');
    expect(s.totals[0].coe_entitlement).toEqual({ total: '44970444.00', incomplete: 2 });
    // the projected years: the sum of the two single projections' figures of the year
    for (const k of [1, 2]) {
      const add = (f: (p: ProjectionResult) => string) => fixed(['a', 'c'].reduce((t, n) => t.plus(dec(f(single.get(n)!))), ZERO), 2);
      expect(s.totals[k].transfers).toBe(add((p) => p.totals[k].transfers));
      expect(s.totals[k].coe_entitlement.total).toBe(add((p) => p.totals[k].coe_entitlement));
    }
    // a's 2026-27 figures (lcff project on the example alone): transfers 33,296.22
    expect(s.scenarios[0].years[1].transfers).toBe('33296.22');
  }, SLOW);

  it('prints the same JSON, stderr and CSV with --jobs 1 and --jobs 2; the tables mark projected years and list each scenario\'s assumptions', () => {
    const j1 = lcff(['project', folder, ...YEARS, '--json', '-j', '1']);
    const j2 = lcff(['project', folder, ...YEARS, '--json', '-j', '2']);
    expect(j2.code).toBe(2);
    expect(j2.stdout).toBe(j1.stdout);
    expect(j2.stderr).toBe(j1.stderr);
    const t = lcff(['project', folder, ...YEARS]);
    expect(t.code).toBe(2);
    expect(t.stdout).toContain('Batch of 3 projections: 2 ran, 1 failed (their errors are above, on stderr); exit 2');
    expect(t.stdout).toMatch(/│ 2026-27 \*\s+│ 2 \(2\)\s+│ 22\s+│ 17\.31 │/);
    expect(t.stdout).toMatch(/│ 3 │ \S+\/c\s+│ \S+\/c\/scenario\.yaml\s+│ cola 2026-27 3\.02%, 2027-28 2\.90%\s+│/);
    expect(t.stdout).toContain('Provenance: rule library');
    const c1 = mkdtempSync(join(tmpdir(), 'lcff-pb-csv1-'));
    const c2 = mkdtempSync(join(tmpdir(), 'lcff-pb-csv2-'));
    expect(lcff(['project', folder, ...YEARS, '--csv', c1, '-j', '1']).code).toBe(2);
    expect(lcff(['project', folder, ...YEARS, '--csv', c2, '-j', '2']).code).toBe(2);
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files(c2)).toEqual(files(c1));
    for (const f of files(c1).filter((f) => f.endsWith('.csv'))) expect(readFileSync(join(c2, f), 'utf8'), f).toBe(readFileSync(join(c1, f), 'utf8'));
    expect(readdirSync(c1).sort()).toEqual(['1-a', '3-c', 'assumptions.csv', 'summary.csv', 'totals.csv', 'years.csv']);
    // each scenario's folder holds what `lcff project <scenario> --csv` writes
    const alone = mkdtempSync(join(tmpdir(), 'lcff-pb-alone-'));
    expect(lcff(['project', join(folder, 'a'), ...YEARS, '--csv', alone]).code).toBe(0);
    expect(readdirSync(join(c1, '1-a')).sort()).toEqual(readdirSync(alone).sort());
    for (const f of readdirSync(alone)) expect(readFileSync(join(c1, '1-a', f), 'utf8'), f).toBe(readFileSync(join(alone, f), 'utf8'));
    expect(readFileSync(join(c1, 'totals.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'fiscal_year,projected,scenarios,projected_scenarios,students,ada,transfers,coe_entitlement,coe_entitlement_incomplete',
      '2025-26,false,2,0,22,17.42,65603.84,44970444.00,2',
      `2026-27,true,2,2,22,17.31,${JSON.parse(j1.stdout).summary.totals[1].transfers},${JSON.parse(j1.stdout).summary.totals[1].coe_entitlement.total},2`,
    ]);
    expect(readFileSync(join(c1, 'assumptions.csv'), 'utf8').split('\n').filter((l) => l.startsWith('3,'))).toEqual([`3,${join(folder, 'c')},${join(folder, 'c', 'scenario.yaml')},cola,2026-27,3.02%`, `3,${join(folder, 'c')},${join(folder, 'c', 'scenario.yaml')},cola,2027-28,2.90%`]);
  }, SLOW);

  it('a bad --years stops the batch before any scenario runs (exit 2)', () => {
    const r = lcff(['project', folder, '--years', '2026-28']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--years: "2026-28" is not a fiscal year like 2026-27');
    for (const flag of ['--html', '--xlsx']) {
      const page = lcff(['project', folder, '--years', '2026-27', flag, join(folder, 'out')]);
      expect(page.code).toBe(2);
      expect(page.stderr).toContain(`${flag} shows one projection; with`);
    }
  }, SLOW);
});
