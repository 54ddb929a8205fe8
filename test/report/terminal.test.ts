/**
 * Nothing from a scenario or a rule file reaches the terminal raw: escape
 * sequences (ESC [2J, OSC title changes), carriage returns and bidi overrides
 * in names, ids and messages are shown as visible escapes by the tables,
 * `--explain` and the diagnostic lines (defect: they were printed as they were).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, NO_RANGE } from '../../src/core/diagnostics.js';
import { explain } from '../../src/report/explain.js';
import { newTable, styled } from '../../src/report/table.js';
import { renderTables } from '../../src/report/tables.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { lcff } from '../helpers/cli.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

const CLEAR = '\u001b[2J';
const TITLE = '\u001b]0;pwned\u0007';
const CR = 'fake\rline';
const BIDI = 'abc\u202edcba';
const HOSTILE = [CLEAR, TITLE, CR, BIDI];

/** Control characters other than the SGR colour codes picocolors may add and the newlines between lines. */
function rawControls(text: string): string[] {
  const withoutColour = text.replace(/\u001b\[[0-9;]*m/g, '');
  return [...withoutColour.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}`);
}

async function hostileRun() {
  const lib = await bundledLibrary();
  const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
  const s = { ...scenario! };
  s.county = { ...s.county, name: `Alameda${CLEAR}` };
  s.coe = { ...s.coe, name: `COE${TITLE}` };
  s.districts = s.districts.map((d, i) => ({ ...d, name: `${d.name}${HOSTILE[i % HOSTILE.length]}` }));
  s.charters = s.charters.map((c) => ({ ...c, name: `${c.name}${BIDI}` }));
  s.students = s.students.map((st, i) => ({ ...st, id: i === 0 ? `S001${TITLE}` : i === 1 ? `S002${CR}` : i === 2 ? `S003${BIDI}` : st.id }));
  return runScenario(lib, s);
}

describe('terminal output is visible-safe', () => {
  it('the tables show escape sequences, CR and bidi overrides in names and ids as escapes', async () => {
    const { result } = await hostileRun();
    const text = renderTables(result, `examples/x${CLEAR}`);
    expect(rawControls(text)).toEqual([]);
    expect(text).toContain('Alameda\\x1b[2J County');
    expect(text).toContain('COE\\x1b]0;pwned\\x07');
    expect(text).toContain('Charterabc\\u202edcba');
    expect(text).toContain('Fremont Unifiedfake\\x0dline');
  });

  it('--explain shows a hostile student id and LEA name as escapes', async () => {
    const { result, trace } = await hostileRun();
    const student = explain(result, trace, `S001${TITLE}`)!;
    expect(student).toContain('Student S001\\x1b]0;pwned\\x07:');
    expect(rawControls(student)).toEqual([]);
    const cr = explain(result, trace, `S002${CR}`)!;
    expect(cr).toContain('Student S002fake\\x0dline:');
    expect(rawControls(cr)).toEqual([]);
    const district = result.leas.find((l) => l.kind === 'district')!;
    const lea = explain(result, trace, district.cds)!;
    expect(rawControls(lea)).toEqual([]);
    expect(lea).toMatch(/\\x1b\[2J|\\x1b\]0;pwned\\x07|\\x0d|\\u202e/);
  });

  it('a diagnostic line is one visible-safe line whatever its path and message hold', () => {
    const line = formatDiagnostic({ code: 'LCFF-S001', severity: 'error', message: `unknown key "${CLEAR}${TITLE}"\nsecond line${CR}${BIDI}`, file: `evil${CLEAR}.yaml`, range: NO_RANGE });
    expect(line).toBe('evil\\x1b[2J.yaml:1:1 LCFF-S001 error: unknown key "\\x1b[2J\\x1b]0;pwned\\x07"\\x0asecond linefake\\x0dlineabc\\u202edcba');
    expect(rawControls(line)).toEqual([]);
  });

  it('end to end: lcff run on a county name with ESC [2J and an OSC title prints them escaped (or refuses the input), never raw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-escape-'));
    const yaml = readFileSync(`${ROOT}examples/2019-20-county-charter/scenario.yaml`, 'utf8').replace('name: Alameda }', 'name: "Alameda\\e[2J\\e]0;pwned\\a" }');
    expect(yaml).toContain('\\e[2J');
    writeFileSync(join(dir, 'scenario.yaml'), yaml);
    const r = lcff(['run', join(dir, 'scenario.yaml')]);
    expect(rawControls(r.stdout)).toEqual([]);
    expect(rawControls(r.stderr)).toEqual([]);
    if (r.code === 0) expect(r.stdout).toContain('Alameda\\x1b[2J\\x1b]0;pwned\\x07 County');
    else expect(r.code).toBe(2);
  });

  it('end to end: an error message that quotes a hostile argument (--explain) prints it escaped, one line, exit 2', () => {
    const r = lcff(['run', 'examples/2019-20-county-charter', '--explain', `NOBODY${CLEAR}${TITLE}`]);
    expect(r.code).toBe(2);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('NOBODY\\x1b[2J\\x1b]0;pwned\\x07');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('every table (run, rates, diff) escapes the text cells pushed into it, and a styled cell escapes before colouring', () => {
    const t = newTable({ head: [`head${CLEAR}`, 'b'] });
    t.push([`cell${TITLE}`, 3]);
    t.push([styled(`warn${CLEAR}`, (x) => `<${x}>`), BIDI]);
    const text = t.toString();
    expect(rawControls(text)).toEqual([]);
    for (const shown of ['head\\x1b[2J', 'cell\\x1b]0;pwned\\x07', '<warn\\x1b[2J>', 'abc\\u202edcba']) expect(text).toContain(shown);
  });
});
