/**
 * Defect 3 (issue #7): files outside the scenario were read and quoted —
 * `students: { file: /proc/self/environ }`, `../../etc/passwd`, a test
 * case's scenario_file — and error messages quoted their content. A
 * scenario reads files only inside its own folder (after realpath), or a
 * folder the user allows with --data-dir; messages quote at most a short,
 * escaped excerpt of one cell.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { runCase } from '../../src/testing/cases.js';
import type { Library } from '../../src/semantics/library.js';
import { bundledLibrary } from '../helpers/library.js';
import { CSV_HEADER, CSV_SCENARIO, loadCsv } from './helpers.js';

const SECRET = 'LCFF_SECRET_TOKEN=hunter2';
const ROWS = `${CSV_HEADER}S1,0130019,9,wic_602,0161119,true,true,1.00\n`;

/** tmp/{secret.csv, elsewhere/kids.csv, county/scenario.yaml (+ links)} */
function layout(students: string): { root: string; scenario: string } {
  const root = mkdtempSync(join(tmpdir(), 'lcff-files-'));
  writeFileSync(join(root, 'secret.csv'), `${SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`);
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere', 'kids.csv'), ROWS);
  mkdirSync(join(root, 'county'));
  symlinkSync(join(root, 'secret.csv'), join(root, 'county', 'link.csv'));
  writeFileSync(join(root, 'county', 'kids.csv'), ROWS);
  const scenario = join(root, 'county', 'scenario.yaml');
  writeFileSync(scenario, CSV_SCENARIO.replace('students: { file: kids.csv }', `students: { file: ${JSON.stringify(students)} }`));
  return { root, scenario };
}

function noLeak(text: string): void {
  expect(text).not.toContain('hunter2');
  expect(text).not.toContain('root:x:0');
  expect(text).not.toMatch(/PATH=|HOME=/);
}

describe('a scenario reads only files inside its folder', () => {
  const refused: Array<[string, string]> = [
    ['/proc/self/environ', 'an absolute path outside'],
    ['../secret.csv', 'a relative path that climbs out'],
    ['../../../../../../etc/passwd', 'the password file'],
    ['link.csv', 'a link inside that points outside'],
  ];
  it.each(refused)('%s (%s) is LCFF-S004, its content never read or quoted', async (named) => {
    const { scenario } = layout(named);
    const r = await loadScenario(scenario);
    expect(r.scenario).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual([C.fileOutside]);
    expect(r.diagnostics[0].message).toMatch(/^students\.file: ".*" (is outside the scenario's folder|is a link to a file outside the scenario's folder); a scenario reads only files inside its own folder \(".*county"\): move the file there, or allow its folder with --data-dir <folder>$/);
    expect(r.diagnostics[0].range.start.line).toBeGreaterThan(0);
    noLeak(JSON.stringify(r.diagnostics));
  });

  it('a file inside the folder loads', async () => {
    const { scenario } = layout('kids.csv');
    const r = await loadScenario(scenario);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario!.students.map((s) => s.id)).toEqual(['S1']);
  });

  it('a folder the user allows (--data-dir) is read; the others still are not', async () => {
    const { root, scenario } = layout('../elsewhere/kids.csv');
    expect((await loadScenario(scenario)).diagnostics.map((d) => d.code)).toEqual([C.fileOutside]);
    const allowed = await loadScenario(scenario, { dataDir: join(root, 'elsewhere') });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.scenario!.students).toHaveLength(1);
    const { scenario: s2, root: r2 } = layout('../secret.csv');
    expect((await loadScenario(s2, { dataDir: join(r2, 'elsewhere') })).diagnostics.map((d) => d.code)).toEqual([C.fileOutside]);
  });

  it('a missing file inside the folder says so, without the system message', async () => {
    const { scenario } = layout('nowhere.csv');
    const r = await loadScenario(scenario);
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([[C.fileUnreadable, 'students.file: cannot read "nowhere.csv": no such file']]);
  });
});

describe('messages quote a short, escaped excerpt of one cell, never a line', () => {
  it('a CSV syntax error is described in our words, without the record', async () => {
    const r = await loadCsv(`${CSV_HEADER}S1,0130019,9,"wic"${SECRET},0161119,true,true,1.00\n`);
    expect(r.codes).toEqual([C.csvSyntax]);
    expect(r.diagnostics[0].message).toBe('CSV syntax: text follows the quote that closes a field');
    noLeak(r.lines.join('\n'));
  });

  it('an unclosed quote too', async () => {
    const r = await loadCsv(`${CSV_HEADER}S1,0130019,9,"wic_602,${SECRET}\n`);
    expect(r.codes).toEqual([C.csvSyntax]);
    noLeak(r.lines.join('\n'));
  });

  it('a long bad cell is cut to 60 characters with its length', async () => {
    const r = await loadCsv(`${CSV_HEADER}S1,0130019,${'9'.repeat(10_000)}${SECRET},wic_602,0161119,true,true,1.00\n`);
    expect(r.codes).toEqual([C.badGrade]);
    expect(r.diagnostics[0].message.length).toBeLessThan(200);
    expect(r.diagnostics[0].message).toMatch(/…" \(10025 characters\)$/);
    noLeak(r.lines.join('\n'));
  });
});

describe("a test case's scenario_file", () => {
  let lib: Library;
  beforeAll(async () => {
    lib = await bundledLibrary();
  });

  function caseIn(dir: string, scenarioFile: string) {
    return { file: join(dir, 'cases', 'case.yaml'), name: 'reads a scenario', faq: ['Q1'], scenario_file: scenarioFile, expect: {} };
  }

  it('outside the test folder is refused before it is read', async () => {
    const { root } = layout('kids.csv');
    mkdirSync(join(root, 'cases'));
    for (const named of ['../secret.csv', '/etc/passwd', '../county/scenario.yaml']) {
      const { failures } = await runCase(lib, caseIn(root, named), { roots: [join(root, 'cases')] });
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/^scenario_file ".*" is outside the test folder/);
      noLeak(failures.join('\n'));
    }
  });

  it('inside the test folder, or a folder allowed with --data-dir, it runs', async () => {
    const { root } = layout('kids.csv');
    mkdirSync(join(root, 'cases'));
    expect((await runCase(lib, caseIn(root, '../county/scenario.yaml'), { roots: [root] })).failures).toEqual([]);
    expect((await runCase(lib, caseIn(root, '../county/scenario.yaml'), { roots: [join(root, 'cases')], dataDir: join(root, 'county') })).failures).toEqual([]);
  });

  it('a link inside the test folder that points outside is refused', async () => {
    const { root } = layout('kids.csv');
    mkdirSync(join(root, 'cases'));
    symlinkSync(join(root, 'secret.csv'), join(root, 'cases', 'scenario.yaml'));
    const { failures } = await runCase(lib, caseIn(root, 'scenario.yaml'), { roots: [join(root, 'cases')] });
    expect(failures[0]).toMatch(/is outside the test folder/);
    noLeak(failures.join('\n'));
  });
});
