/**
 * The `lcff` command as a user runs it: exit codes, one line per problem,
 * no stack traces, and the published figures the issues ask for.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateResult } from '../../src/run/result-schema.js';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

describe('lcff check', () => {
  it('exits 0 on the bundled library and lists the unconfirmed values it relies on', () => {
    const r = lcff(['check', 'rules/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(r.stdout).toMatch(/Unconfirmed values and rules the library relies on/);
    expect(r.stdout).toMatch(/aeg_base_per_ada 2013-14/);
  });

  it('says for each unconfirmed value why, and which source would confirm it (149 in the bundled library: 49 before the COE entitlement, whose derived yearly rates are unconfirmed, and the 2014-15..2018-19 reading of an agreed transfer with an unconcurred rate)', () => {
    const r = lcff(['check', 'rules/']);
    const head = /Unconfirmed values and rules the library relies on \((\d+)\):/.exec(r.stdout);
    expect(Number(head?.[1])).toBe(149);
    const block = r.stdout.slice(r.stdout.indexOf(head![0]));
    expect(block).toContain('  cola_coe 2021-22 [rules/params/cola.yaml:58]\n    why: CDE\'s 2021-22 rates page gives a compounded COLA of about 5.07%');
    expect(block).toContain("    would be confirmed by: CDE's 2021-22 County Office of Education LCFF target rates (the COE section of pa2122rates.asp) or a 2021-22 COE LCFF exhibit\n");
    expect(block.match(/would be confirmed by: /g)).toHaveLength(149);
    expect(block).not.toContain('the note does not say');
    expect(r.stdout).not.toMatch(/cola_district 2025-26/);
  });

  it('reports three syntax errors and an unknown name in one file, each as path:line:col code message, exit 1', () => {
    const r = lcff(['check', '--quiet', 'rules/', 'test/semantics/bad/four-errors.lcff']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('test/semantics/bad/four-errors.lcff:'));
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^test\/semantics\/bad\/four-errors\.lcff:\d+:\d+ LCFF-E\d{3} error: .+/);
    expect(lines.filter((l) => /LCFF-E00\d/.test(l))).toHaveLength(3);
    expect(lines.some((l) => /did you mean "district_funded"/.test(l))).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('lcff fmt', () => {
  it('finds the bundled library already in the canonical layout', () => {
    const r = lcff(['fmt', '--check', 'rules/']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('lists a file that would change, exit 1, and formats it idempotently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-fmt-'));
    const file = join(dir, 'messy.lcff');
    writeFileSync(file, 'enum   colour "Colour"\n red\n    blue "Blue"   end\n');
    const check = lcff(['fmt', '--check', file]);
    expect(check.code).toBe(1);
    expect(check.stdout.trim()).toBe(file);
    expect(lcff(['fmt', file]).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    expect(lcff(['fmt', '--check', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });
});

describe('lcff rates', () => {
  it('2013-14: the grade-span-adjusted rates 7,675 / 7,056 / 7,266 / 8,638 from the 2012-13 seed', () => {
    const r = lcff(['rates', '--year', '2013-14', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.grade_span_rates.map((x: { adjusted: string }) => x.adjusted)).toEqual(['7,675', '7,056', '7,266', '8,638']);
    const text = lcff(['rates', '--year', '2013-14']).stdout;
    for (const v of ['7,675', '7,056', '7,266', '8,638']) expect(text).toContain(v);
  });

  it('2024-25: the base rates 10,025 / 10,177 / 10,478 / 12,144, each with citation and status', () => {
    const out = JSON.parse(lcff(['rates', '--year', '2024-25', '--json']).stdout);
    expect(out.grade_span_rates.map((x: { base: string }) => x.base)).toEqual(['10,025', '10,177', '10,478', '12,144']);
    const base = out.parameters.find((p: { name: string }) => p.name === 'base_grant_per_ada');
    expect(base.since).toBe('2024-25');
    expect(base.cite).toMatch(/EC 42238\.02/);
    expect(base.status).toBe('confirmed');
  });

  it('rejects a year that is not a fiscal year, in one line, exit 2', () => {
    const r = lcff(['rates', '--year', '2019-21']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('lcff diff', () => {
  it('2020-21 → 2021-22 shows the concentration percentage going from 50% to 65% with its citation', () => {
    const r = lcff(['diff', '2020-21', '2021-22', '--json']);
    expect(r.code).toBe(0);
    const conc = JSON.parse(r.stdout).values.find((v: { name: string }) => v.name === 'concentration_pct');
    expect(conc).toMatchObject({ from: '50%', to: '65%' });
    expect(conc.cite).toMatch(/AB 130/);
    expect(lcff(['diff', '2020-21', '2021-22']).stdout).toMatch(/concentration_pct/);
  });

  it('2018-19 → 2019-20 shows the optional transfer replaced by the mandatory one', () => {
    const d = JSON.parse(lcff(['diff', '2018-19', '2019-20', '--json']).stdout);
    const names = d.rules.map((r: { kind: string; name: string }) => `${r.kind} ${r.name}`);
    expect(names).toContain('removed transfer.optional_transfer_agreed');
    expect(names).toContain('added transfer.statutory_transfer');
  });
});

describe('lcff compile', () => {
  it('prints the rules in force as json-rules-engine rules', () => {
    const out = JSON.parse(lcff(['compile', '--year', '2019-20', '--json']).stdout);
    const classify = out.decisions.find((d: { name: string }) => d.name === 'funding_category');
    const jc = classify.rules.find((r: { name: string }) => r.name === 'funding_category.juvenile_court_school');
    // each test of the `and` has its own priority, descending from left to right: the engine evaluates them in order and stops at the first false
    expect(jc.conditions.all).toContainEqual({ fact: 'school', path: 'kind', operator: 'equal', value: 'juvenile_court', name: 'school.kind is juvenile_court', priority: 2 });
    expect(jc.event.type).toBe('funding_category');
  });
});

describe('lcff run', () => {
  for (const ex of ['2016-17-optional-transfer', '2019-20-county-charter', '2023-24-csv-students']) {
    it(`prints the tables for examples/${ex}`, () => {
      const r = lcff(['run', `examples/${ex}`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const h of ['Students by funding category', 'Credits by LEA', 'Transfers of funds', 'Alternative Education Grant', 'Findings', 'Conservation']) expect(r.stdout).toContain(h);
    });

    it(`--json of examples/${ex} is the validated contract and nothing else, byte-identical across runs with SOURCE_DATE_EPOCH`, () => {
      const env = { SOURCE_DATE_EPOCH: '1767323045' };
      const a = lcff(['run', `examples/${ex}`, '--json'], { env });
      const b = lcff(['run', `examples/${ex}`, '--json'], { env });
      expect(a.code).toBe(0);
      expect(validateResult(JSON.parse(a.stdout))).toEqual([]);
      expect(JSON.parse(a.stdout).provenance.ran_at).toBe('2026-01-02T03:04:05Z');
      expect(b.stdout).toBe(a.stdout);
    });
  }

  it('fails a malformed scenario with one line per problem, all at once, exit 2', () => {
    const r = lcff(['run', 'test/scenario/fixtures/malformed.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^test\/scenario\/fixtures\/malformed\.yaml:\d+:\d+ LCFF-S\d{3} error: /);
    const text = r.stderr;
    expect(text).toMatch(/2019-21/); // bad fiscal year
    expect(text).toMatch(/colour/); // unknown key
    expect(text).toMatch(/negative|-1\.00/); // negative ADA
    expect(text).toMatch(/0169999/); // unknown district
    expect(text).toMatch(/S001/); // duplicate student id
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('--explain names the rule that fired, the ones that did not and why, and the values read', () => {
    const r = lcff(['run', 'examples/2019-20-county-charter', '--explain', 'S006']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ rule district_funded \[EC 2576\(a\)/);
    expect(r.stdout).toMatch(/✘ rule juvenile_court_school .* did not apply: school\.kind is juvenile_court is false/);
    expect(r.stdout).toMatch(/LCFF-V011/);
    const lea = lcff(['run', 'examples/2019-20-county-charter', '--explain', '0161192']).stdout;
    expect(lea).toMatch(/read base_grant_per_ada\[g9_12\] = 9329 \(value of 2019-20; .*EC 42238\.02\(d\)/);
  });

  it('--csv writes one file per table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-csv-'));
    const r = lcff(['run', 'examples/2019-20-county-charter', '--csv', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['accounting.csv', 'categories.csv', 'coe_entitlement.csv', 'findings.csv', 'leas.csv', 'prior_year_adjustments.csv', 'provenance.csv', 'students.csv', 'transfers.csv', 'unconfirmed.csv', 'user_supplied.csv']);
    expect(readFileSync(join(dir, 'transfers.csv'), 'utf8').split('\n')[0]).toBe('from,to,grade_span,ada,rate_per_ada,amount,basis,reason,rule,cite');
  });

  it('--html writes a standalone report; lcff explain is the same trace as run --explain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-html-'));
    const r = lcff(['run', 'examples/2016-17-optional-transfer', '--html', join(dir, 'report.html')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<svg[\s\S]*Sacramento City Unified/);
    const env = { SOURCE_DATE_EPOCH: '1767323045' };
    const a = lcff(['explain', 'examples/2019-20-county-charter', 'S006'], { env });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(lcff(['run', 'examples/2019-20-county-charter', '--explain', 'S006'], { env }).stdout);
  });

  it('an unknown --explain subject is one line, exit 2', () => {
    const r = lcff(['run', 'examples/2019-20-county-charter', '--explain', 'NOBODY']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('lcff test', () => {
  it('runs the scenario cases from the command line', () => {
    const r = lcff(['test', 'test/cases/transfer']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ test\/cases\/transfer\/statutory-2019-20\.yaml: 2019-20 statutory transfer/);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it('reports a failing expectation with the path and both values, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-case-'));
    const file = join(dir, 'wrong.yaml');
    writeFileSync(file, ['- name: wrong amount', '  faq: [Q9]', `  scenario_file: ${ROOT}test/cases/transfer/upp60.scenario.yml`, '  expect:', '    transfers: [ { amount: "1.00" } ]', ''].join('\n'));
    // the shared scenario lies outside the case's folder: allowed explicitly
    const r = lcff(['test', file, '--data-dir', `${ROOT}test/cases/transfer`]);
    expect(r.code).toBe(1);
    // shown as a field-level diff against the closest entry (src/cli/case-diff.ts)
    expect(r.stdout).toContain(['    transfers[0]: no entry matches; the closest of 1 entry differs in', '      transfers[0].amount', '        - expected "1.00"', '        + actual   "27399.85"'].join('\n'));
    expect(r.stdout).toMatch(/^0 passed, 1 failed$/m);
  });
});

describe('large scenarios', () => {
  it('from 10,000 students take the fast path, with the same JSON as json-rules-engine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-large-'));
    // the charter's own counts include its census-day students (LCFF-S038): room for all 10,020 rows, unduplicated or not
    const scenario = readFileSync(`${ROOT}examples/2023-24-csv-students/scenario.yaml`, 'utf8').replace(/enrollment: 400\n    unduplicated: 330/, 'enrollment: 20400\n    unduplicated: 10200');
    writeFileSync(join(dir, 'scenario.yaml'), scenario);
    const rows = readFileSync(`${ROOT}examples/2023-24-csv-students/students.csv`, 'utf8').trim().split('\n');
    const body = rows.slice(1);
    const out = [rows[0]];
    for (let i = 0; i < 10_020; i++) out.push(body[i % body.length].replace(/^S\d+/, `L${String(i).padStart(5, '0')}`));
    writeFileSync(join(dir, 'students.csv'), `${out.join('\n')}\n`);
    const fast = lcff(['run', dir, '--json']);
    expect(fast.code).toBe(0);
    expect(fast.stderr).toMatch(/10020 students: using the compiled fast path/);
    const engine = lcff(['run', dir, '--json', '--engine']);
    expect(engine.code).toBe(0);
    expect(engine.stderr).toBe('');
    // the same figures; the provenance names each evaluator
    const { provenance: pf, ...figuresFast } = JSON.parse(fast.stdout);
    const { provenance: pe, ...figuresEngine } = JSON.parse(engine.stdout);
    expect([pf.evaluator, pe.evaluator]).toEqual(['kernel', 'engine']);
    expect(JSON.stringify(figuresFast)).toBe(JSON.stringify(figuresEngine));
    expect(figuresFast.students).toHaveLength(10_020);
    // two whole runs of 10,020 students: a budget for a busy shared machine, not a speed assertion
  }, 180_000);
});
