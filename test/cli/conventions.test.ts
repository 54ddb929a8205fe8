/**
 * The command line behaves like a Node CLI (issue 11, item 4): --version,
 * examples in every --help, usage errors exit 2 (commander's own too), the
 * language server's usage, clear refusals of bad output paths, --fail-on,
 * a field-level diff for failed test cases, colour only for terminals.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lcff } from '../helpers/cli.js';
import { ROOT } from '../helpers/library.js';

const EXAMPLE = 'examples/2019-20-county-charter';
const ANSI = /\u001b\[/;

function spawnWith(script: string, args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM']) delete clean[k];
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } as NodeJS.ProcessEnv });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('--version and --help', () => {
  it('--version prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const r = lcff([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('every command has examples under --help, and --help exits 0', () => {
    for (const command of ['check', 'compile', 'rates', 'diff', 'run', 'project', 'explain', 'report', 'test', 'fmt']) {
      const r = lcff([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`Examples:\\n  \\$ lcff ${command}`));
    }
    const top = lcff(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Examples:');
    expect(top.stdout).toContain('--wide');
  }, 180_000);
});

describe('usage errors exit 2', () => {
  it.each([
    ['an unknown option', ['run', EXAMPLE, '--bogus'], "unknown option '--bogus'"],
    ['a missing argument', ['report', 'transfers'], "missing required argument 'scenario'"],
    ['an unknown command', ['runn'], "unknown command 'runn'"],
    ['a missing required option', ['rates'], "required option '-y, --year <year>' not specified"],
    ['a bad --fail-on value', ['run', EXAMPLE, '--fail-on', 'info'], 'Allowed choices are error, warning'],
    ['an unknown report', ['report', 'padc', EXAMPLE], 'unknown report "padc"; the reports are transfers, calpads-1.19, calpads-1.20, reconciliation'],
  ])('%s', (_what, args, message) => {
    const r = lcff(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('the language server command line', () => {
  it('lcff lsp without --stdio prints its usage and exits 2', () => {
    const r = lcff(['lsp']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('start it with --stdio');
    expect(r.stderr).toContain('Usage: lcff-lsp --stdio');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('lcff-lsp --help prints its usage and exits 0; without --stdio or with an unknown argument it exits 2', () => {
    const help = spawnWith('dist/lsp/server/main.js', ['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lcff-lsp --stdio');
    const bare = spawnWith('dist/lsp/server/main.js', [], {});
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('start it with --stdio');
    const odd = spawnWith('dist/lsp/server/main.js', ['--socket=1'], {});
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('unknown argument "--socket=1"');
  });
});

describe('bad output paths are clear usage errors, before the run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-out-'));
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  it.each([
    ['--html into a missing folder', ['run', EXAMPLE, '--html', join(dir, 'nope', 'r.html')], `--html: cannot write "${join(dir, 'nope', 'r.html')}": its folder does not exist`],
    ['--html onto a folder', ['run', EXAMPLE, '--html', dir], `--html: cannot write "${dir}": it is a folder`],
    ['run --csv into a file', ['run', EXAMPLE, '--csv', file], `--csv: cannot write into "${file}": it is a file, not a folder`],
    ['run --csv under a file', ['run', EXAMPLE, '--csv', join(file, 'sub')], `--csv: cannot write into "${join(file, 'sub')}": a part of the path is not a folder`],
    ['report --csv into a missing folder', ['report', 'transfers', EXAMPLE, '--csv', join(dir, 'nope', 't.csv')], 'its folder does not exist'],
    ['report --csv empty', ['report', 'transfers', EXAMPLE, '--csv', ''], '--csv: needs a file name'],
  ])('%s', (_what, args, message) => {
    const r = lcff(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('internal error');
  });

  it('report --csv writes the report as one CSV file, its provenance beside it', () => {
    const out = join(dir, 'reconciliation.csv');
    const r = lcff(['report', 'reconciliation', EXAMPLE, '--csv', out]);
    expect(r.code).toBe(0);
    const beside = join(dir, 'reconciliation.provenance.csv');
    expect(r.stdout).toBe(`wrote ${out}, ${beside}\n`);
    expect(readFileSync(beside, 'utf8')).toMatch(/^key,value\nlibrary_hash,sha256:[0-9a-f]{64}\n/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('LEA code,LEA,PADC line,PADC ADA,ADA of the student records,difference (PADC - records),CALPADS census-day students,of which unduplicated,findings');
    expect(lines[1]).toBe('0161176,Fremont Unified,District Funded County Program ADA,1.00,1.00,0.00,1,0,');
  });
});

describe('run --fail-on', () => {
  it('exits 1 when a finding of that severity or worse exists, 0 otherwise', () => {
    // the 2019-20 example has 3 errors (V010, V011 twice) and 1 warning (V022)
    const onError = lcff(['run', EXAMPLE, '--fail-on', 'error']);
    expect(onError.code).toBe(1);
    expect(onError.stderr).toBe('--fail-on error: 3 findings of severity error\n');
    const onWarning = lcff(['run', EXAMPLE, '--fail-on', 'warning', '--json']);
    expect(onWarning.code).toBe(1);
    expect(onWarning.stderr).toBe('--fail-on warning: 4 findings of severity warning or error\n');
    // plus one info finding (V031: the example gives no COE entitlement inputs), which --fail-on warning does not count
    expect(JSON.parse(onWarning.stdout).findings).toHaveLength(5);
    expect(lcff(['run', EXAMPLE]).code).toBe(0);
  });

  it('exits 0 when the findings are milder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-failon-'));
    const scenario = readFileSync(join(ROOT, EXAMPLE, 'scenario.yaml'), 'utf8')
      // S004 and S006 with the right codes, S008 with one: no student errors remain; Fremont's unconcurred rate stays a warning
      .replace('reported: { transfer_code: "1", district_of_residence: "0161176" }', 'reported: { transfer_code: "5", district_of_residence: "0161176" }')
      .replace('reported: { transfer_code: "5", district_of_residence: "0161192" }   # wrong', 'reported: { transfer_code: "1", district_of_residence: "0161192" }   # fixed')
      .replace('reported: { district_of_residence: "0161176" }', 'reported: { transfer_code: "6", district_of_residence: "0161176" }');
    writeFileSync(join(dir, 'scenario.yaml'), scenario);
    expect(lcff(['run', dir, '--fail-on', 'error']).code).toBe(0);
    expect(lcff(['run', dir, '--fail-on', 'warning']).code).toBe(1);
  });
});

describe('lcff test shows a field-level diff', () => {
  it('expected against actual, per field, for scalars and list entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-case-'));
    writeFileSync(join(dir, 'wrong.yaml'), `- name: deliberately wrong
  scenario_file: ${join(ROOT, EXAMPLE, 'scenario.yaml')}
  expect:
    leas:
      "0161192": { ada: { after: "1.40" } }
    transfers:
      - { from: "0161192", grade_span: g9_12, ada: "0.80", amount: "8767.95" }
`);
    // the example lies outside the case's folder: the case may read it only through --data-dir
    const r = lcff(['test', dir, '--data-dir', join(ROOT, EXAMPLE)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(['    leas.0161192.ada.after', '      - expected "1.40"', '      + actual   "1.50"'].join('\n'));
    expect(r.stdout).toContain('    transfers[0]: no entry matches; the closest of 5 entries differs in\n');
    expect(r.stdout).toContain(['      transfers[0].amount', '        - expected "8767.95"', '        + actual   "8767.94"'].join('\n'));
    expect(r.stdout).toContain('0 passed, 1 failed');
  });
});

describe('colour only for a terminal', () => {
  it('piped output has no colour, even under CI (which picocolors would colour)', () => {
    const r = spawnWith('dist/src/cli/main.js', ['run', EXAMPLE], { CI: 'true' });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
  });
  it('FORCE_COLOR colours a pipe; NO_COLOR wins over it', () => {
    expect(spawnWith('dist/src/cli/main.js', ['run', EXAMPLE], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(spawnWith('dist/src/cli/main.js', ['run', EXAMPLE], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(spawnWith('dist/src/cli/main.js', ['run', EXAMPLE], { FORCE_COLOR: '0' }).stdout).not.toMatch(ANSI);
  });
  it('piped tables are never narrowed (no width limit without a terminal)', () => {
    const r = spawnWith('dist/src/cli/main.js', ['report', 'calpads-1.20', EXAMPLE], {});
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(200);
  });
});
