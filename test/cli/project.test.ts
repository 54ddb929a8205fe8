/**
 * `lcff project` as a user runs it: three years side by side with the
 * projected figures marked and the assumptions listed, in the terminal, the
 * JSON (validated against schemas/projection.schema.json) and the CSV; a
 * year past the library without a COLA exits 2 naming what is missing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProjection } from '../../src/project/result-schema.js';
import { lcff } from '../helpers/cli.js';

const EX = 'examples/2025-26-projection';
const YEARS = ['--years', '2026-27..2027-28'];

describe('lcff project', () => {
  it('prints the scenario year and two projected years, each projected figure marked, the assumptions listed', () => {
    const r = lcff(['project', EX, ...YEARS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Alameda County: 2025-26 and 2 projected years (2026-27, 2027-28)');
    expect(r.stdout).toContain('Assumptions (examples/2025-26-projection/scenario.yaml): cola 2026-27 3.02%, 2027-28 2.90%; ada_growth 2026-27 -1.5%, 2027-28 -1%; enrollment_growth 2026-27 -1%, 2027-28 -1%');
    expect(r.stdout).toMatch(/│ parameter\s+│ 2025-26 │ 2026-27 \(projected\) │ 2027-28 \(projected\) │/);
    // 10,256 × 1.0302 = 10,565.7312 → 10,566; 10,566 × 1.029 = 10,872.414 → 10,872; the scenario year unmarked
    expect(r.stdout).toMatch(/│ base_grant_per_ada k3\s+│ 10256\s+│ 10566\*\s+│ 10872\*\s+│/);
    expect(r.stdout).toMatch(/│ 0161192 Hayward Unified: transfers paid\s+│ 20,399\.31\s+│ 20,767\.65\*\s+│/);
    expect(r.stdout).toContain('carried forward unchanged from the year shown: adjusted_base_rounding_places = 0 (2013-14); aeg_base_per_ada = unknown (2023-24);');
  });

  it('--json is the projection contract, every projected year and figure marked', () => {
    const r = lcff(['project', EX, ...YEARS, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(validateProjection(out)).toEqual([]);
    expect(out.projection.assumptions.cola).toEqual([{ fiscal_year: '2026-27', value: '3.02%' }, { fiscal_year: '2027-28', value: '2.90%' }]);
    expect(out.totals.map((t: { fiscal_year: string; projected: boolean }) => `${t.fiscal_year} ${t.projected}`)).toEqual(['2025-26 false', '2026-27 true', '2027-28 true']);
  });

  it('--csv marks every figure row and lists the assumptions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-project-'));
    const r = lcff(['project', EX, ...YEARS, '--csv', dir]);
    expect(r.code).toBe(0);
    const rows = readFileSync(join(dir, 'projection.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('fiscal_year,projected,subject,name,measure,value');
    expect(rows.slice(1).every((l) => /^2025-26,false,|^2026-27,true,|^2027-28,true,/.test(l))).toBe(true);
    expect(rows).toContain('2026-27,true,0161192,Hayward Unified,transfers_paid,20767.65');
    expect(readFileSync(join(dir, 'assumptions.csv'), 'utf8')).toBe(
      'assumption,fiscal_year,value,source\ncola,2026-27,3.02%,examples/2025-26-projection/scenario.yaml\ncola,2027-28,2.90%,examples/2025-26-projection/scenario.yaml\nada_growth,2026-27,\'-1.5%,examples/2025-26-projection/scenario.yaml\nada_growth,2027-28,\'-1%,examples/2025-26-projection/scenario.yaml\nenrollment_growth,2026-27,\'-1%,examples/2025-26-projection/scenario.yaml\nenrollment_growth,2027-28,\'-1%,examples/2025-26-projection/scenario.yaml\n',
    );
  });

  it('without a COLA for a year past the library, exits 2 naming the year and what to add', () => {
    const r = lcff(['project', EX, '--years', '2026-27..2029-30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("examples/2025-26-projection/scenario.yaml:27:3 LCFF-S072 error: assumptions.cola: 2029-30 is past the library's last year of enacted law (2025-26, rules/library.yaml): a projection needs the COLA assumed for it; add assumptions: { cola: { 2029-30: <percent> } } to the scenario or to an --assumptions file\n");
  });

  it('takes the assumptions of a file instead, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-project-'));
    const file = join(dir, 'budget.yaml');
    writeFileSync(file, 'cola:\n  2026-27: 4%\n');
    const r = lcff(['project', EX, '--years', '2026-27', '--assumptions', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`--assumptions ${file}: used instead of the scenario's own assumptions`);
    const out = JSON.parse(r.stdout);
    // 10,256 × 1.04 = 10,666.24 → 10,666
    expect(out.projection.law.find((x: { parameter: string; member?: string }) => x.parameter === 'base_grant_per_ada' && x.member === 'k3').years[1]).toEqual({ fiscal_year: '2026-27', projected: true, value: '10666' });
    expect(out.projection.assumptions.ada_growth).toEqual([]);
  });

  it.each([
    [['--years', '2027-28..2028-29'], "--years: a projection runs year after year from the scenario's 2025-26, so it starts in 2026-27; write --years 2026-27..2028-29"],
    [['--years', '2026-27..2025-26'], '--years: 2025-26 is before 2026-27'],
    [['--years', '2026-28'], '--years: "2026-28" is not a fiscal year like 2026-27'],
    [['--years', '2026-27..2040-41'], '--years: a projection reaches at most 10 years after the scenario'],
    [['--years', '2026-27', '--set', 'cola_coe@2026-27=2.5'], '--set: cola_coe@2026-27: "2.5" is not a percent'],
  ])('exits 2 on %j', (args, message) => {
    const r = lcff(['project', EX, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it('lcff run of a year past the library still exits 2, and names lcff project', () => {
    const r = lcff(['run', EX, '--year', '2026-27']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a later year is computed only as a projection with stated assumptions (lcff project, docs/projections.md)');
  });
});
