/**
 * `lcff run <many scenarios or a folder>` (issue 10, item 6): each scenario
 * runs as it would alone, a failing one is reported with its error while the
 * others still run, the summary adds up the single runs, the exit code is the
 * worst outcome, and --jobs 2 prints exactly what --jobs 1 prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBatch } from '../../src/batch/schema.js';
import { dec, fixed, ZERO, type Dec } from '../../src/runtime/money.js';
import type { RunResult } from '../../src/run/result.js';
import { lcff as run } from '../helpers/cli.js';

/** Every run at one fixed time (SOURCE_DATE_EPOCH), so results with their provenance compare byte for byte. */
const lcff = (args: string[], o: Parameters<typeof run>[1] = {}) => run(args, { ...o, env: { SOURCE_DATE_EPOCH: '1764400000', ...o.env } });
import { ROOT } from '../helpers/library.js';

const EXAMPLES = ['2016-17-optional-transfer', '2019-20-county-charter', '2023-24-csv-students'];
const SLOW = 180_000; // whole processes on a shared machine

/** A folder of scenarios: the three examples and, between them in name order, a scenario whose fiscal year is misspelt. */
let folder: string;
let broken: string;
const single = new Map<string, RunResult>();

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lcff-batch-'));
  for (const ex of EXAMPLES) cpSync(join(ROOT, 'examples', ex), join(folder, ex), { recursive: true });
  broken = join(folder, '2020-broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'scenario.yaml'), readFileSync(join(ROOT, 'examples/2019-20-county-charter/scenario.yaml'), 'utf8').replace(/^fiscal_year: 2019-20$/m, 'fiscal_year: 2019-21'));
  mkdirSync(join(folder, 'notes')); // a subfolder with no scenario file is not a scenario
  writeFileSync(join(folder, 'notes', 'readme.txt'), 'not a scenario\n');
  for (const ex of EXAMPLES) {
    const r = lcff(['run', join(folder, ex), '--json']);
    expect(r.code, r.stderr).toBe(0);
    single.set(ex, JSON.parse(r.stdout) as RunResult);
  }
}, SLOW);

const money = (xs: string[]): string => fixed(xs.reduce<Dec>((t, x) => t.plus(dec(x)), ZERO), 2);

describe('a folder of scenarios with a broken one', () => {
  it('runs the others, reports the broken one with its error, exits 2, and its summary adds up the single runs', () => {
    const r = lcff(['run', folder, '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(validateBatch(doc)).toEqual([]);
    // input order: the subfolders in name order, the broken one between the 2019-20 and 2023-24 examples
    expect(doc.runs.map((x: { scenario: string }) => x.scenario)).toEqual([...EXAMPLES.slice(0, 2), '2020-broken', EXAMPLES[2]].map((n) => join(folder, n)));
    expect(doc.runs[2].error.status).toBe('input');
    expect(doc.runs[2].error.message).toBe(`${join(broken, 'scenario.yaml')}:10:14 LCFF-S020 error: fiscal_year: a fiscal year is written YYYY-YY with consecutive years (e.g. "2019-20"); got "2019-21"`);
    expect(r.stderr).toContain('LCFF-S020');
    // each run is the single run's result, byte for byte
    for (const [i, ex] of [[0, EXAMPLES[0]], [1, EXAMPLES[1]], [3, EXAMPLES[2]]] as const) expect(doc.runs[i].result).toEqual(single.get(ex));

    const s = doc.summary;
    expect([s.ran, s.failed, s.exit_code]).toEqual([3, 1, 2]);
    expect(s.scenarios.map((x: { status: string; exit_code: number }) => [x.status, x.exit_code])).toEqual([['ok', 0], ['ok', 0], ['input', 2], ['ok', 0]]);
    const row = s.scenarios[1];
    const r1920 = single.get(EXAMPLES[1])!;
    expect(row).toEqual({ index: 2, scenario: join(folder, EXAMPLES[1]), status: 'ok', exit_code: 0, fiscal_year: '2019-20', county: { code: '01', name: 'Alameda' }, students: 11, coe_entitlement: r1920.coe_entitlement.total, transfers: money(r1920.transfers.map((t) => t.amount)), findings: r1920.findings.length, evaluator: 'engine' });
    // 2019-20 transfers: Hayward and Fremont statutory lines (example's README arithmetic) sum to 24,533.93
    expect(row.transfers).toBe('24533.93');

    // one year group per fiscal year; each equals the sum of the single runs of that year
    expect(s.totals.map((y: { fiscal_year: string }) => y.fiscal_year)).toEqual(['2016-17', '2019-20', '2023-24']);
    for (const [k, ex] of EXAMPLES.entries()) {
      const y = s.totals[k];
      const one = single.get(ex)!;
      expect(y.scenarios).toBe(1);
      expect(y.students).toBe(one.students.length);
      expect(y.categories).toEqual(one.categories);
      expect(y.transfers).toEqual({ lines: one.transfers.length, ada: money(one.transfers.map((t) => t.ada)), amount: money(one.transfers.map((t) => t.amount)) });
      expect(y.coe_entitlement.total).toBe(one.coe_entitlement.total);
      expect(y.unconfirmed).toEqual(one.unconfirmed);
      const codes = new Map<string, number>();
      for (const f of one.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
      expect(Object.fromEntries(y.findings.map((f: { code: string; count: number }) => [f.code, f.count]))).toEqual(Object.fromEntries(codes));
    }
  }, SLOW);

  it('sums the scenarios of one year: the 2019-20 example twice gives twice its figures', () => {
    const ex = join(folder, EXAMPLES[1]);
    const r = lcff(['run', ex, ex, '--json']);
    expect(r.code).toBe(0);
    const y = JSON.parse(r.stdout).summary.totals[0];
    const one = single.get(EXAMPLES[1])!;
    expect(y.scenarios).toBe(2);
    expect(y.students).toBe(22);
    expect(y.categories.map((c: { ada: string }) => c.ada)).toEqual(one.categories.map((c) => fixed(dec(c.ada).times(2), 2)));
    // 2 × 24,533.93 = 49,067.86; 2 × 73,560.34 = 147,120.68
    expect(y.transfers.amount).toBe('49067.86');
    expect(y.coe_entitlement.total).toBe(fixed(dec(one.coe_entitlement.total).times(2), 2));
    expect(y.findings.find((f: { code: string }) => f.code === 'LCFF-V011')).toEqual({ code: 'LCFF-V011', severity: 'error', count: 4, scenarios: 2 });
  }, SLOW);

  it('prints the same JSON, tables and CSV with --jobs 1 and --jobs 2', () => {
    const j1 = lcff(['run', folder, '--json', '--jobs', '1']);
    const j2 = lcff(['run', folder, '--json', '--jobs', '2']);
    expect(j2.code).toBe(j1.code);
    expect(j2.stdout).toBe(j1.stdout);
    expect(j2.stderr).toBe(j1.stderr);
    expect(j1.stdout).toBe(`${JSON.stringify(JSON.parse(j1.stdout), null, 2)}\n`);
    const t1 = lcff(['run', folder, '-j', '1']);
    const t2 = lcff(['run', folder, '-j', '2']);
    expect(t2.stdout).toBe(t1.stdout);
    expect(t1.stdout).toMatch(/Batch of 4 scenarios: 3 ran, 1 failed \(their errors are above, on stderr\); exit 2/);
    expect(t1.stdout).toMatch(/│ 3 │ \S+2020-broken\s+│\s+│\s+│\s+│\s+│\s+│\s+│ bad input \(exit 2\) │/);
    const c1 = mkdtempSync(join(tmpdir(), 'lcff-batch-csv1-'));
    const c2 = mkdtempSync(join(tmpdir(), 'lcff-batch-csv2-'));
    expect(lcff(['run', folder, '--csv', c1, '-j', '1']).code).toBe(2);
    expect(lcff(['run', folder, '--csv', c2, '-j', '2']).code).toBe(2);
    const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
    expect(files(c2)).toEqual(files(c1));
    for (const f of files(c1).filter((f) => f.endsWith('.csv'))) expect(readFileSync(join(c2, f), 'utf8'), f).toBe(readFileSync(join(c1, f), 'utf8'));
  }, SLOW);
});

describe('batch outputs', () => {
  it('--csv writes summary files and, per scenario that ran, the tables of its single run', () => {
    const out = mkdtempSync(join(tmpdir(), 'lcff-batch-csv-'));
    const r = lcff(['run', folder, '--csv', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`wrote ${['summary.csv', 'totals.csv', 'totals_categories.csv', 'totals_findings.csv'].map((f) => join(out, f)).join(', ')}, 3 scenario folders of tables in ${out}\n`);
    expect(readdirSync(out).sort()).toEqual(['1-2016-17-optional-transfer', '2-2019-20-county-charter', '4-2023-24-csv-students', 'summary.csv', 'totals.csv', 'totals_categories.csv', 'totals_findings.csv']);
    const summary = readFileSync(join(out, 'summary.csv'), 'utf8').split('\n');
    expect(summary[0]).toBe('index,scenario,status,exit_code,fiscal_year,county_code,county_name,students,coe_entitlement,transfers,findings,evaluator,folder,error');
    expect(summary[2]).toBe(`2,${join(folder, EXAMPLES[1])},ok,0,2019-20,01,Alameda,11,${single.get(EXAMPLES[1])!.coe_entitlement.total},24533.93,5,engine,2-2019-20-county-charter,`);
    expect(summary[3]).toMatch(/^3,.*2020-broken,input,2,,,,,,,,,,".*LCFF-S020 error: fiscal_year: a fiscal year is written YYYY-YY/);
    const alone = mkdtempSync(join(tmpdir(), 'lcff-batch-alone-'));
    expect(lcff(['run', join(folder, EXAMPLES[1]), '--csv', alone]).code).toBe(0);
    for (const f of readdirSync(alone)) expect(readFileSync(join(out, '2-2019-20-county-charter', f), 'utf8'), f).toBe(readFileSync(join(alone, f), 'utf8'));
    expect(readFileSync(join(out, 'totals.csv'), 'utf8').split('\n')[2]).toBe(`2019-20,1,11,5,3.35,24533.93,${single.get(EXAMPLES[1])!.coe_entitlement.total},1`);
  }, SLOW);

  it('exits 3 when a scenario has a fatal run error, the others still running', () => {
    // a library in which rule senr_fields starts in 2020-21: the 2016-17 and 2019-20 runs stop with LCFF-F005, 2023-24 runs
    const rules = join(mkdtempSync(join(tmpdir(), 'lcff-batch-rules-')), 'r');
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const file = join(rules, 'county-programs/reporting.lcff');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(/(rule senr_fields\n(?:.*\n)*?\s+effective )2014-15 onward/, '$12020-21 onward');
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    const r = lcff(['run', ...EXAMPLES.map((e) => join(folder, e)), '--rules', rules, '--json']);
    expect(r.code).toBe(3);
    const s = JSON.parse(r.stdout).summary;
    expect(s.scenarios.map((x: { status: string }) => x.status)).toEqual(['fatal', 'fatal', 'ok']);
    expect(s.scenarios[1].error).toBe(`${join(folder, EXAMPLES[1])}: LCFF-F005 no rule of decision senr_fields is in force in 2019-20`);
    // what was read is kept: the year and county of a scenario whose run failed
    expect(s.scenarios[1].fiscal_year).toBe('2019-20');
    expect(s.totals.map((y: { fiscal_year: string }) => y.fiscal_year)).toEqual(['2023-24']);
    expect(r.stderr).toContain('LCFF-F005 no rule of decision senr_fields is in force in 2016-17');
  }, SLOW);

  it('--fail-on applies to each scenario: exit 1 when only findings fail, the worst code when a scenario also fails', () => {
    const ok = EXAMPLES.map((e) => join(folder, e));
    const r = lcff(['run', ...ok, '--fail-on', 'error', '--json']);
    expect(r.code).toBe(1);
    // the 2016-17 example has no error finding (one info); the others have errors
    expect(JSON.parse(r.stdout).summary.scenarios.map((x: { status: string }) => x.status)).toEqual(['ok', 'findings', 'findings']);
    expect(r.stderr).toContain(`${ok[1]}: --fail-on error: 3 findings of severity error`);
    expect(lcff(['run', folder, '--fail-on', 'error', '--json']).code).toBe(2);
  }, SLOW);
});

describe('what makes a batch', () => {
  it('one scenario folder is a single run, as before; a folder of scenario folders is a batch', () => {
    const alone = lcff(['run', join(folder, EXAMPLES[1])]);
    expect(alone.stdout).not.toContain('Batch of');
    expect(alone.stdout).toContain('Students by funding category');
    const one = mkdtempSync(join(tmpdir(), 'lcff-batch-one-'));
    cpSync(join(folder, EXAMPLES[1]), join(one, 'only'), { recursive: true });
    const batch = lcff(['run', one]);
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain('Batch of 1 scenario: 1 ran, 0 failed; exit 0');
  }, SLOW);

  it('a missing path in a batch is a failing scenario; alone it is the error it always was', () => {
    const missing = join(folder, 'no-such-county');
    const r = lcff(['run', join(folder, EXAMPLES[1]), missing, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).runs[1]).toEqual({ scenario: missing, error: { status: 'input', message: expect.stringContaining('LCFF-S') } });
    const alone = lcff(['run', missing]);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toBe('');
  }, SLOW);

  it('shows a hostile folder name visible-safe in the tables and names its CSV folder with safe characters only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-batch-hostile-'));
    const evil = '=evil\u001b[2J\u202e';
    cpSync(join(folder, EXAMPLES[1]), join(dir, evil), { recursive: true });
    const t = lcff(['run', dir]);
    expect(t.code).toBe(0);
    expect(t.stdout).not.toMatch(/\u001b|\u202e/);
    expect(t.stdout).toContain('=evil\\x1b[2J\\u202e');
    const out = mkdtempSync(join(tmpdir(), 'lcff-batch-hostile-csv-'));
    expect(lcff(['run', dir, '--csv', out]).code).toBe(0);
    expect(readdirSync(out)).toContain('1-_evil__2J_');
  }, SLOW);

  it.each([
    [['--html', 'r.html'], '--html reports one scenario; with 4 scenarios use the summary, --json or --csv <dir>'],
    [['--xlsx', 'r.xlsx'], '--xlsx reports one scenario'],
    [['--explain', 'S001'], '--explain reports one scenario'],
    [['--jobs', '0'], "option '-j, --jobs <n>' argument '0' is invalid. a whole number from 1 to 64"],
    [['--jobs', 'two'], 'a whole number from 1 to 64'],
  ])('exits 2 on %j with a batch', (args, message) => {
    const r = lcff(['run', folder, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
