/**
 * The terminal report's findings (issue 9, item 3): a summary by code and
 * severity, then the first N findings of each (`--findings all`: every
 * one), in a table written row by row that reads exactly as cli-table3's.
 */
import { describe, expect, it } from 'vitest';
import { RowTable } from '../../src/report/table-stream.js';
import { newTable, styled } from '../../src/report/table.js';
import { renderTables } from '../../src/report/tables.js';
import type { FindingResult, RunResult } from '../../src/run/result.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { bundledLibrary, ROOT } from '../helpers/library.js';

function finding(severity: FindingResult['severity'], code: string, subject: string): FindingResult {
  return { severity, code, subject, message: `a finding of ${subject} long enough to be wrapped over two lines of the finding column at sixty characters`, rule: 'student_findings.x', cite: 'EC 2576' };
}

async function withFindings(findings: FindingResult[]): Promise<RunResult> {
  const { scenario } = await loadScenario(`${ROOT}examples/2019-20-county-charter`);
  const { result } = await runScenario(await bundledLibrary(), scenario!);
  return { ...result, findings };
}

/** 3 errors, 45 warnings of one code, 2 of another, 1 info: in the result's order. */
function many(): FindingResult[] {
  const out: FindingResult[] = [finding('error', 'LCFF-V010', 'D1'), finding('error', 'LCFF-V010', 'D2'), finding('error', 'LCFF-V011', 'D3')];
  for (let i = 0; i < 47; i++) out.push(finding('warning', i % 20 === 7 ? 'LCFF-V013' : 'LCFF-V012', `S${String(i).padStart(4, '0')}`));
  out.push(finding('info', 'LCFF-V029', 'coe'));
  return out;
}

/** The subjects of the listing's rows, in order. */
function listed(text: string): string[] {
  const listing = text.slice(text.indexOf('Findings listed'));
  return [...listing.matchAll(/^│ (?:error|warning|info) +│ LCFF-V\d+ +│ (\S+) +│/gm)].map((m) => m[1]);
}

describe('the terminal report of many findings', () => {
  it('summarises them by severity and code and lists the first 20 of each', async () => {
    const text = renderTables(await withFindings(many()), 'x');
    expect(text).toContain('Findings (51: 3 errors, 47 warnings, 1 info)');
    expect(text).toMatch(/│ warning +│ LCFF-V012 +│ 45 +│ 20 +│/);
    expect(text).toMatch(/│ warning +│ LCFF-V013 +│ 2 +│ 2 +│/);
    expect(text).toMatch(/│ error +│ LCFF-V010 +│ 2 +│ 2 +│/);
    expect(text).toContain('Findings listed: the first 20 of each code and severity (--findings all lists every one)');
    const subjects = listed(text);
    // 2 + 1 errors, 20 of V012 and both V013, the info: in the result's order
    expect(subjects).toHaveLength(3 + 20 + 2 + 1);
    expect(subjects.slice(0, 4)).toEqual(['D1', 'D2', 'D3', 'S0000']);
    expect(subjects).toContain('S0007');
    expect(subjects).toContain('S0027');
    expect(subjects).not.toContain('S0030');
    expect(subjects[subjects.length - 1]).toBe('coe');
  });

  it('--findings all lists every one, --findings 1 one of each', async () => {
    const r = await withFindings(many());
    const all = renderTables(r, 'x', { findings: 'all' });
    expect(all).toContain('Findings listed: every one');
    expect(listed(all)).toEqual(many().map((f) => f.subject));
    expect(listed(renderTables(r, 'x', { findings: 1 }))).toEqual(['D1', 'D3', 'S0000', 'S0007', 'coe']);
  });

  it('says there are none', async () => {
    const text = renderTables(await withFindings([]), 'x');
    expect(text).toContain('\nFindings: none\n\nConservation');
  });
});

describe('the row-by-row table', () => {
  it('reads exactly as cli-table3 does for the same rows, wrapped and escaped', () => {
    const head = ['severity', 'code', 'subject', 'finding', 'citation'];
    const widths = [10, 11, 10, 62, 24];
    const three = [
      [styled('error', (t) => t), 'LCFF-V010', 'S001\u001b[2J', 'a message that goes on and on past the width of its column, so it wraps onto a second and a third line of text', 'EC 2574(c)(4); EC 2576'],
      ['warning', 'LCFF-V012', 'S002', 'short', ''],
      ['info', 'LCFF-V029', 'coe', 'x'.repeat(130), 'a citation that is longer than its column'],
    ];
    // more rows than one batch of the row-by-row writer
    const rows = Array.from({ length: 121 }, (_, i) => three[i % 3]);
    const whole = newTable({ head, wordWrap: true, colWidths: widths });
    for (const r of rows) whole.push(r);
    expect([...new RowTable(head, widths).pieces(rows)].join('')).toBe(whole.toString());
    const empty = newTable({ head, wordWrap: true, colWidths: widths });
    expect([...new RowTable(head, widths).pieces([])].join('')).toBe(empty.toString());
  });
});
