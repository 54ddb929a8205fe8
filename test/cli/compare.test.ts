/**
 * `lcff compare` and `--reform` on the command line: the example
 * (a 25% supplemental grant in 2019-20, as --set and as a reform folder),
 * the outputs (terminal, JSON against schemas/compare.schema.json, CSV),
 * --against a git revision, and the usage errors.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSchemaText } from '../../src/compare/result.js';
import { compareSchemaPath, validateCompare } from '../../src/compare/schema.js';
import { lcff } from '../helpers/cli.js';

const EX = 'examples/2019-20-county-charter';
const SET = ['--set', 'supplemental_pct@2019-20=25%'];
const REFORM = ['--reform', 'examples/reforms/supplemental-25'];

/** The districts' rate totals and transfers that change at 25% (arithmetic: test/cases/reforms/compare.yaml). */
const EXPECTED = [
  ['lea', '0161176', 'rates.g4_6.total', '8208.91', '8306.64', '97.73'],
  ['lea', '0161192', 'rates.g9_12.total', '10959.92', '11247.08', '287.16'],
  ['lea', '0161259', 'rates.g9_12.total', '11965.02', '12323.97', '358.95'],
  ['transfer', '0161176 g4_6', 'amount', '3283.56', '3322.66', '39.10'],
  ['transfer', '0161176 g9_12', 'amount', '6030.37', '6102.16', '71.79'],
  ['transfer', '0161192 g7_8', 'amount', '6452.06', '6621.11', '169.05'],
  ['transfer', '0161192 g9_12', 'amount', '8767.94', '8997.66', '229.72'],
];

interface Delta {
  subject_kind: string;
  subject: string;
  field: string;
  a: string;
  b: string;
  change?: string;
  causes: Array<{ kind: string; name: string; traced: boolean }>;
}

function compareJson(args: string[]): { deltas: Delta[]; law: { values: Array<{ name: string }> } } & Record<string, unknown> {
  const r = lcff(['compare', EX, '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('lcff compare', () => {
  it('with --set shows each district rate and transfer delta and names supplemental_pct as the cause; a reform folder with the same change gives the same deltas', () => {
    const set = compareJson(SET);
    const reform = compareJson(REFORM);
    for (const [kind, subject, field, a, b, change] of EXPECTED) {
      expect(set.deltas).toContainEqual({ subject_kind: kind, subject, name: expect.any(String), field, a, b, change, causes: [{ kind: 'parameter', name: 'supplemental_pct', traced: true }] });
    }
    // no delta without a cause, and every cause is supplemental_pct
    expect(new Set(set.deltas.flatMap((d) => d.causes.map((c) => c.name)))).toEqual(new Set(['supplemental_pct']));
    expect(reform.deltas).toEqual(set.deltas);
    expect(reform.totals).toEqual(set.totals);
    expect(set.law.values.map((v) => v.name)).toEqual(['supplemental_pct']);
    expect(reform.law.values.map((v) => v.name)).toEqual(['supplemental_pct']);
    const { provenance: pb, ...sideB } = reform.b;
    expect(sideB).toEqual({ label: 'reform', rules: 'the bundled rules/', reform: 'examples/reforms/supplemental-25', reform_files: ['examples/reforms/supplemental-25/supplemental.yaml'], set: [] });
    // each side states the law it ran: side b's hash covers the reform, side a's is the library's
    expect(pb.reform).toMatchObject({ path: 'examples/reforms/supplemental-25', files: 1 });
    expect(pb.library.hash).not.toBe(reform.a.provenance.library.hash);
    expect(set.b.provenance.overrides).toEqual(['supplemental_pct@2019-20=25%']);
    expect(validateCompare(set)).toEqual([]);
    expect(validateCompare(reform)).toEqual([]);
  });

  it('prints the deltas and their cause in the terminal', () => {
    const r = lcff(['compare', EX, ...SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('parameter supplemental_pct (--set)');
    expect(r.stdout).toMatch(/0161176 g4_6\s+│ amount\s+│ 3283\.56\s+│ 3322\.66\s+│ 39\.10\s+│ supplemental_pct/);
    expect(r.stdout).toContain('Transfers in total: 24533.93 → 25043.59 (509.66)');
  });

  it('writes every changed figure as CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-compare-'));
    const file = join(dir, 'compare.csv');
    const r = lcff(['compare', EX, ...SET, '--csv', file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('subject_kind,subject,name,field,a,b,change,causes,a_projected');
    expect(lines).toContain('transfer,0161176 g4_6,Fremont Unified,amount,3283.56,3322.66,39.10,parameter:supplemental_pct,false');
    expect(lines.length - 1).toBe(compareJson(SET).deltas.length);
  });

  it('writes both sides as a standalone page, every text escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-compare-html-'));
    const reform = join(dir, 'r<b>x');
    mkdirSync(reform);
    writeFileSync(join(reform, 'transfer.lcff'), readFileSync('examples/reforms/no-zero-alternative-rate/transfer.lcff', 'utf8'));
    const file = join(dir, 'compare.html');
    const r = lcff(['compare', EX, '--reform', reform, '--html', file]);
    expect([r.code, r.stdout]).toEqual([0, `wrote ${file}\n`]);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('r<b>x');
    expect(html).toContain('r&lt;b&gt;x');
    // Oakland's transfer on both sides: 0.00 under the library, 10,170.27 under the reform
    expect(html).toMatch(/0161259 g9_12 Oakland Unified<\/td><td>amount<\/td><td class="n">0\.00<\/td><td class="n">10170\.27<\/td><td class="n">10170\.27<\/td><td>rule transfer\.alternative_rate_concurred<\/td>/);
  });

  it('--against a git revision of the same rules finds no change of law and no delta', () => {
    const r = compareJson(['--against', 'HEAD']);
    expect(r.law).toEqual({ rules: [], values: [] });
    expect(r.deltas).toEqual([]);
    expect((r.a as { rules: string }).rules).toMatch(/^git:HEAD \([0-9a-f]{12}\)$/);
  });

  it('--against an unknown revision, without git, or with nothing to compare is a usage error (exit 2)', () => {
    const unknown = lcff(['compare', EX, '--against', 'no-such-revision']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^--against: "no-such-revision" is neither a folder nor a revision of the git repository "[^"]+"\n$/);
    const dir = mkdtempSync(join(tmpdir(), 'lcff-nogit-'));
    const noGit = lcff(['compare', EX, '--against', 'HEAD'], { env: { PATH: dir } });
    expect([noGit.code, noGit.stderr]).toEqual([2, '--against "HEAD": git is not installed (or not on the PATH), so a git revision cannot be read; give a folder holding the rule library instead\n']);
    const nothing = lcff(['compare', EX]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to compare');
  });

  it('the committed schemas/compare.schema.json is the one the contract generates', () => {
    expect(readFileSync(compareSchemaPath(), 'utf8')).toBe(compareSchemaText());
  });
});

describe('--reform', () => {
  it('runs a year only the reform holds; without it the year is refused (exit 2)', () => {
    const scenario = 'test/cases/reforms/county-2026-27.scenario.yml';
    const r = lcff(['run', scenario, '--json', '--reform', 'examples/reforms/2026-27-concentration-70']);
    expect(r.code).toBe(0);
    // Hayward g9_12 at 70%: 15,166.27 × 0.80 = 12,133.02 (test/cases/reforms/reforms.yaml)
    expect(JSON.parse(r.stdout).transfers).toContainEqual(expect.objectContaining({ from: '0161192', grade_span: 'g9_12', rate_per_ada: '15166.27', amount: '12133.02' }));
    const refused = lcff(['run', scenario]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("2026-27 is past the library's last year of enacted law");
  });

  it('lcff diff prints the lines of a table cell as lines, not as \\x0a (regression: every cell was escaped whole)', () => {
    const r = lcff(['diff', '2018-19', '2019-20']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\\x0a');
    expect(r.stdout).toMatch(/│ 2013-14\.\.2018-19\s+│/);
  });

  it('lcff diff <year> --reform shows the library against the reform', () => {
    const r = lcff(['diff', '2026-27', '--reform', 'examples/reforms/2026-27-concentration-70', '--json']);
    expect(r.code).toBe(0);
    const values = JSON.parse(r.stdout).values as Array<{ name: string; from: string; to: string }>;
    expect(values.map((v) => [v.name, v.from, v.to])).toEqual([
      ['base_grant_per_ada', 'k3: 10256, g4_6: 10411, g7_8: 10719, g9_12: 12423', 'k3: 10566, g4_6: 10725, g7_8: 11043, g9_12: 12798'],
      ['cola_coe', '2.30%', '3.02%'],
      ['cola_district', '2.30%', '3.02%'],
      ['concentration_pct', '65%', '70%'],
    ]);
    const one = lcff(['diff', '2026-27']);
    expect(one.code).toBe(2);
  });

  it('a reform with errors stops the command (exit 1), naming the reform file, line and column; lcff check --reform lists them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-reform-'));
    mkdirSync(join(dir, 'r'));
    writeFileSync(join(dir, 'r', 'enums.lcff'), 'enum grade_span\n  k3\nend\n');
    const run = lcff(['run', join(process.cwd(), EX), '--reform', 'r'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('r/enums.lcff:1:6 LCFF-E080 error: a reform cannot replace enum grade_span');
    const check = lcff(['check', '--reform', 'r', '--quiet'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('r/enums.lcff:1:6 LCFF-E080');
    const missing = lcff(['run', EX, '--reform', 'no/such/folder']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'cannot read no/such/folder: no such file or folder']);
  });
});
