/**
 * Defect 7 (issue #7): ordinary words crashed the loader — `grade:
 * constructor`, `grade: __proto__`, `options: { toString: x }` gave
 * internal errors, because lookups keyed by user text read inherited
 * members of plain objects. Every such lookup is a Map or a null-prototype
 * object: these words get the normal error (with did-you-mean where there
 * is one), and names that happen to be such words are just names.
 */
import { describe, expect, it } from 'vitest';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';
import { CSV_HEADER, load, loadCsv, variant } from './helpers.js';

const WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

describe('prototype words as values get the normal error', () => {
  const places: Array<[string, string, (w: string) => string, string]> = [
    ['grade', 'grade: 10', (w) => `grade: ${w}`, C.badGrade],
    ['a basis', 'basis: [wic_602]', (w) => `basis: [${w}]`, C.unknownBasis],
    ['a basis text', 'basis: [wic_602]', (w) => `basis: "wic_602;${w}"`, C.unknownBasis],
    ['a school kind', 'kind: juvenile_court', (w) => `kind: ${w}`, C.unknownEnum],
    ['an authorizer', 'authorizer: coe', (w) => `authorizer: ${w}`, C.unknownEnum],
    ['an option value', 'corrections:', (w) => `options: { transfer_rate_rounding: ${w} }\ncorrections:`, C.badOptionValue],
    ['a district of residence', 'district_of_residence: "0161119", unduplicated: true', (w) => `district_of_residence: ${w}, unduplicated: true`, C.badCds],
    ['a fiscal year', 'fiscal_year: 2019-20', (w) => `fiscal_year: ${w}`, C.badFiscalYear],
  ];
  for (const word of WORDS) {
    it.each(places)(`${word} as %s`, async (_name, from, to, code) => {
      const r = await load(variant(from, to(word)));
      expect(r.ok).toBe(false);
      expect(r.codes).toEqual([code]);
      expect(r.diagnostics[0].range.start.line).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('prototype words as keys are unknown keys, with did-you-mean', () => {
  for (const word of WORDS) {
    it(`${word} as an option, a top-level key, a student key`, async () => {
      const r = await load(variant('corrections:', `options: { ${word}: x }\n${word}: 1\ncorrections:`, variant('ada: "0.92" }', `ada: "0.92", ${word}: 1 }`)));
      expect(r.codes.sort()).toEqual([C.unknownKey, C.unknownKey, C.unknownOption].sort());
      expect(r.lines.join('\n')).toContain(`unknown option "${word}" in options`);
      expect(r.lines.join('\n')).toContain(`unknown key "${word}" at the top level`);
    });
    it(`${word} as a history year is not a fiscal year`, async () => {
      const r = await load(variant('2018-19: { enrollment: 9, unduplicated: 7 }', `${word}: { enrollment: 9, unduplicated: 7 }`));
      expect(r.codes).toEqual([C.badFiscalYear]);
      expect(r.diagnostics[0].message).toContain(`coe.history key: expected a fiscal year`);
    });
  }

  it('did-you-mean still works next to them', async () => {
    const r = await load(variant('corrections:', 'options: { transfer_rate_roundin: cent, constructor: x }\ncorrections:'));
    expect(r.lines.join('\n')).toContain('unknown option "transfer_rate_roundin" in options (did you mean "transfer_rate_rounding" or "transfer_amount_rounding"?)');
  });
});

describe('prototype words as names and ids are just names', () => {
  it('a district, a school and a student named after them load', async () => {
    const text = variant('name: Hayward Unified', 'name: hasOwnProperty', variant('name: Juvenile Hall', 'name: constructor', variant('id: S001', 'id: __proto__', variant('id: S002', 'id: toString'))));
    const r = await load(text);
    expect(r.lines).toEqual([]);
    expect(r.scenario!.districts[0].name).toBe('hasOwnProperty');
    expect(r.scenario!.students.map((s) => s.id)).toEqual(['__proto__', 'toString']);
  });

  it('two students with the id __proto__ are a duplicate, not a crash', async () => {
    const r = await load(variant('id: S001', 'id: __proto__', variant('id: S002', 'id: __proto__')));
    expect(r.codes).toEqual([C.duplicateStudent]);
  });

  it('in CSV: the words as cells and as column names', async () => {
    const cells = await loadCsv(`${CSV_HEADER}__proto__,0130019,constructor,toString,0161119,valueOf,true,1.00\n`);
    expect(cells.codes.sort()).toEqual([C.badBoolean, C.badGrade, C.unknownBasis].sort());
    const header = await loadCsv(`id,school,grade,basis,__proto__,constructor,unduplicated,census_day,ada\n`);
    // neither looks like a student column: both are ignored, in one warning (the file then has no student rows)
    expect(header.codes).toEqual([C.noStudents, C.csvColumnsIgnored]);
    expect(header.diagnostics[1].message).toBe('2 columns are not a student column and ignored: "__proto__", "constructor"');
  });
});
