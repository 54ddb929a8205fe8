/**
 * Hostile scenario input through the `lcff` command (issue #7): decimal
 * commas, impossible counts, files outside the scenario, prototype words,
 * escape sequences, strict JSON, empty names, duplicate bases, huge values.
 * Each exits 2 with positioned LCFF-S lines; none gives an internal error
 * or a stack trace, none leaks a file's or the environment's content, none
 * prints a raw control character.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/library.js';

const SECRET = 'hunter2-file-content';
const ENV_SECRET = 'hunter3-environment';

function lcff(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}dist/src/cli/main.js`, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', LCFF_TEST_SECRET: ENV_SECRET },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectRefused(r: { code: number; stdout: string; stderr: string }, code: RegExp, exit = 2): void {
  expect(r.code, r.stderr).toBe(exit);
  expect(r.stderr).toMatch(code);
  for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^\S.*:\d+:\d+ LCFF-S\d{3} (error|warning): /);
  expect(r.stderr).not.toMatch(/internal|please report|\n\s+at /i);
  expect(r.stderr + r.stdout).not.toContain(SECRET);
  expect(r.stderr + r.stdout).not.toContain(ENV_SECRET);
  expect(r.stderr + r.stdout).not.toMatch(/root:x:0:0/);
  expect(RAW_CONTROL.test(r.stderr.replace(/\n/g, '')), JSON.stringify(r.stderr.slice(0, 300))).toBe(false);
  expect(Math.max(...r.stderr.split('\n').map((l) => l.length))).toBeLessThan(700);
}

let dir: string;
const base = readFileSync(`${ROOT}examples/2019-20-county-charter/scenario.yaml`, 'utf8');
const CSV_HEAD = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada\n';

/** county/<name>/scenario.yaml with `text`, and optionally kids.csv. */
function scenario(name: string, text: string, csv?: string): string {
  const d = join(dir, 'county', name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, name.endsWith('.json') ? 'scenario.json' : 'scenario.yaml'), text);
  if (csv !== undefined) writeFileSync(join(d, 'kids.csv'), csv);
  return d;
}

function withCsv(named: string): string {
  return base.replace(/\nstudents:\n[\s\S]*?\nagreements:/, `\nstudents: { file: ${JSON.stringify(named)} }\nagreements:`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lcff-hostile-'));
  writeFileSync(join(dir, 'secret.csv'), `${SECRET}\n${CSV_HEAD}`);
});

describe('hostile scenarios: exit 2, positioned, nothing leaked, nothing raw', () => {
  // one scenario per family of defects (every problem of a scenario is reported at once); the unit tests
  // under test/scenario hold each minimal input
  const cases: Array<[string, () => string, RegExp[]]> = [
    ['a decimal comma in YAML', () => scenario('comma', base.replace('ada: "0.95"', 'ada: "0,95"')), [/LCFF-S024 error: students\[0\]\.ada: .* got "0,95" \(use a point/]],
    [
      'a decimal comma and "wic_602;;" in CSV cells',
      () => scenario('comma-csv', withCsv('kids.csv'), `${CSV_HEAD}S1,0130019,10,wic_602,0161192,true,true,"1,000.00"\nS2,0130019,10,wic_602;;,0161192,true,true,1.00\n`),
      [/kids\.csv:2:\d+ LCFF-S024 error: ada: .* got "1,000\.00"/, /kids\.csv:3:\d+ LCFF-S029 error: basis: an empty enrollment basis/],
    ],
    [
      'impossible counts: unduplicated above enrollment, a charter declaring fewer students than attend it',
      () => scenario('counts', base.replace('unduplicated: 12000', 'unduplicated: 20001').replace('enrollment: 120\n    unduplicated: 90', 'enrollment: 1\n    unduplicated: 1')),
      [/LCFF-S034 error: districts\[0\]\.unduplicated: "Hayward Unified" \(0161192\): the unduplicated count \(20001\) cannot exceed the enrollment \(20000\)/, /LCFF-S038 error: charters\[0\]\.enrollment: charter 0100001 .* declares an enrollment of 1, but 2 census-day students/],
    ],
    ['students from /proc/self/environ', () => scenario('environ', withCsv('/proc/self/environ')), [/LCFF-S004 error: students\.file: "\/proc\/self\/environ" is outside the scenario's folder/]],
    ['students from a file above the folder', () => scenario('climb', withCsv('../../secret.csv')), [/LCFF-S004 error/]],
    [
      'students through a link to a file outside',
      () => {
        const d = scenario('link', withCsv('kids.csv'));
        symlinkSync(join(dir, 'secret.csv'), join(d, 'kids.csv'));
        return d;
      },
      [/LCFF-S004 error: students\.file: "kids\.csv" is a link to a file outside/],
    ],
    [
      'prototype words: grade: constructor, kind: __proto__, options: { toString: x }',
      () => scenario('proto', `${base.replace('grade: 10', 'grade: constructor').replace('kind: juvenile_court', 'kind: __proto__')}options: { toString: x }\n`),
      [/LCFF-S028 error: students\[0\]\.grade: .*got "constructor"/, /LCFF-S013 error: schools\[0\]\.kind: unknown school kind "__proto__"/, /LCFF-S057 error: unknown option "toString" in options/],
    ],
    ['escape sequences in a value and a key', () => scenario('escape', base.replace('grade: 10', 'grade: "\\e[2J\\e]0;pwned\\a"').replace('fiscal_year:', '"\\e[31mred": 1\nfiscal_year:')), [/got "\\x1b\[2J\\x1b\]0;pwned\\x07"/, /unknown key "\\x1b\[31mred"/]],
    ['a .json scenario with a trailing comma', () => scenario('trailing.json', '{\n  "fiscal_year": "2019-20",\n}\n'), [/scenario\.json:3:1 LCFF-S001 error: JSON: a trailing comma before "}"/]],
    [
      'empty COE and county names, a duplicate basis',
      () => scenario('empty', base.replace('name: Alameda County Office of Education', 'name: ""').replace('name: Alameda }', 'name: "" }').replace('basis: [wic_602]', 'basis: [wic_602, wic_602]')),
      [/LCFF-S035 error: coe\.name: expected a text that is not empty/, /LCFF-S035 error: county\.name/, /LCFF-S037 error: students\[0\]\.basis: "wic_602" appears twice/],
    ],
    ['a 50 MB value', () => scenario('huge.json', JSON.stringify({ fiscal_year: `2019-${'9'.repeat(50 * 1024 * 1024)}` })), [/got "2019-9{55}…" \(52428805 characters\)/]],
  ];

  it.each(cases)('%s', (_name, make, codes) => {
    const r = lcff(['run', make()], dir);
    for (const code of codes) expectRefused(r, code);
  });

  it('explain refuses the same way', () => {
    expectRefused(lcff(['explain', join(dir, 'county', 'proto'), 'S001'], dir), /LCFF-S057 error: unknown option "toString"/);
  });

  it('the year asked for is the year of every check: history of later years is said, not used', () => {
    const r = lcff(['run', `${ROOT}examples/2019-20-county-charter`, '--year', '2018-19', '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/scenario\.yaml:16:5 LCFF-S050 warning: coe\.history: history year 2018-19 is not before the fiscal year 2018-19 asked for \(the scenario is 2019-20\): not used/);
    expect(JSON.parse(r.stdout).fiscal_year).toBe('2018-19');
  });

  it('a header-only CSV is a warning, the run goes on with no students', () => {
    const d = scenario('header-only', withCsv('kids.csv'), CSV_HEAD);
    const r = lcff(['run', d, '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/kids\.csv:1:1 LCFF-S039 warning: the file has a header line and no student rows/);
    expect(JSON.parse(r.stdout).students).toEqual([]);
  });

  it('--data-dir allows a folder explicitly; a bad --data-dir is a usage error', () => {
    const d = scenario('data-dir', withCsv('../../shared/kids.csv'));
    mkdirSync(join(dir, 'shared'), { recursive: true });
    writeFileSync(join(dir, 'shared', 'kids.csv'), `${CSV_HEAD}S1,0130019,10,wic_602,0161192,true,true,1.00\n`);
    expectRefused(lcff(['run', d], dir), /LCFF-S004/);
    expect(lcff(['run', d, '--json', '--data-dir', join(dir, 'shared')], dir).code).toBe(0);
    const bad = lcff(['run', d, '--data-dir', join(dir, 'nowhere')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--data-dir: ".*nowhere" is not a folder\n$/);
  });

  it('lcff test: a case whose scenario_file lies outside the test folder fails without reading it', () => {
    const cases = join(dir, 'cases');
    mkdirSync(cases, { recursive: true });
    writeFileSync(join(cases, 'outside.yaml'), '- name: reads outside\n  faq: [Q1]\n  scenario_file: ../secret.csv\n  expect: {}\n');
    const r = lcff(['test', cases], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/scenario_file "\.\.\/secret\.csv" is outside the test folder/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });
});
