/**
 * Defect 2 (issue #7), before the run: declared counts that contradict each
 * other or the scenario's students are refused at load (exit 2), naming the
 * LEA and both numbers — unduplicated <= enrollment in every year, for
 * districts, charters and the COE history; a charter's census-day students
 * within its own declared counts.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { load, variant } from './helpers.js';

describe('unduplicated count within enrollment, every year', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a district this year', 'unduplicated: 15000\n', 'unduplicated: 25000\n', /districts\[0\]\.unduplicated: "Hayward Unified" \(0161119\): the unduplicated count \(25000\) cannot exceed the enrollment \(20000\)/],
    ['a district in its history', '2018-19: { enrollment: 20100, unduplicated: 15200 }', '2018-19: { enrollment: 20100, unduplicated: 20101 }', /districts\[0\]\.history\.2018-19\.unduplicated: "Hayward Unified" \(0161119\) in 2018-19: the unduplicated count \(20101\) cannot exceed the enrollment \(20100\)/],
    ['a charter', 'enrollment: 10, unduplicated: 6', 'enrollment: 10, unduplicated: 11', /charters\[0\]\.unduplicated: "County Charter" \(0100001\): the unduplicated count \(11\) cannot exceed the enrollment \(10\)/],
    ['the COE in its history', '2018-19: { enrollment: 9, unduplicated: 7 }', '2018-19: { enrollment: 9, unduplicated: 12 }', /coe\.history\.2018-19\.unduplicated: the COE \(0110017\) in 2018-19: the unduplicated count \(12\) cannot exceed the enrollment \(9\)/],
  ];
  it.each(cases)('%s', async (_name, from, to, message) => {
    const r = await load(variant(from, to));
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual([C.unduplicatedOverEnrollment]);
    expect(r.diagnostics[0].message).toMatch(message);
  });
});

describe("a charter's declared counts against its own census-day students", () => {
  // The charter County Charter (0100001) operates school 0130021; S002 (census day, not unduplicated) attends it.
  it('more census-day students than its enrollment', async () => {
    const r = await load(variant('enrollment: 10, unduplicated: 6', 'enrollment: 0, unduplicated: 0'));
    expect(r.codes).toEqual([C.countsContradictStudents]);
    expect(r.lines[0]).toMatch(/:16:\d+ LCFF-S038 error: charters\[0\]\.enrollment: charter 0100001 \("County Charter"\) declares an enrollment of 0, but 1 census-day students attend its schools/);
  });

  it('more unduplicated census-day students than its unduplicated count', async () => {
    const text = variant('unduplicated: false, census_day: true, ada: "1.00"', 'unduplicated: true, census_day: true, ada: "1.00"', variant('enrollment: 10, unduplicated: 6', 'enrollment: 10, unduplicated: 0'));
    const r = await load(text);
    expect(r.codes).toEqual([C.countsContradictStudents]);
    expect(r.diagnostics[0].message).toMatch(/declares an unduplicated count of 0, but 1 unduplicated census-day students attend its schools/);
  });

  it('more non-unduplicated students than enrollment − unduplicated: the 200% UPP of the issue', async () => {
    // enrollment 2, unduplicated 2; one census-day student who is not unduplicated: 2 − 2 = 0 < 1.
    // Unchecked, the student moved to the COE leaves the charter 1 enrolled, 2 unduplicated: UPP 200%.
    const r = await load(variant('enrollment: 10, unduplicated: 6', 'enrollment: 2, unduplicated: 2'));
    expect(r.codes).toEqual([C.countsContradictStudents]);
    expect(r.diagnostics[0].message).toBe('charters[0].unduplicated: charter 0100001 ("County Charter") declares 0 pupils who are not unduplicated (enrollment 2 − unduplicated 2), but 1 such census-day students attend its schools in this scenario');
  });

  it('students not on census day do not count', async () => {
    const r = await load(variant('enrollment: 10, unduplicated: 6', 'enrollment: 0, unduplicated: 0', variant('unduplicated: false, census_day: true, ada: "1.00"', 'unduplicated: false, census_day: false, ada: "1.00"')));
    expect(r.lines).toEqual([]);
  });
});
