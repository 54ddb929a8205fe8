/**
 * A student CSV written with "\r\n" line breaks names each problem at the
 * line and column of the same file written with "\n", and at its own byte
 * offsets (regression: csv-parse keeps a "\r" of each "\r\n" in a record's
 * raw text, which the record's place did not strip; and it counts a quoted
 * "\r\n" as two lines).
 */
import { describe, expect, it } from 'vitest';
import { csvScenario } from './helpers.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { ScenarioCodes as C } from '../../src/scenario/diagnostic-codes.js';

const HEADER = 'id,school,grade,basis,district_of_residence,unduplicated,census_day,ada\n';

async function load(csv: string) {
  const r = await loadScenarioText('/data/scenario.yaml', csvScenario(), { openCsv: async () => csv });
  return {
    ...r,
    at: r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} @${d.range.start.offset}-${d.range.end.offset} ${d.code}`),
  };
}

const crlf = (lf: string): string => lf.replace(/\n/g, '\r\n');
/** The byte offset of `needle` (its first occurrence) in `file`. */
const byteOf = (file: string, needle: string): number => Buffer.byteLength(file.slice(0, file.indexOf(needle)));

describe('a "\\r\\n" student CSV', () => {
  it('names a bad cell after blank lines at the column of the "\\n" file (was 4:14), at its own byte offset', async () => {
    const lf = `${HEADER}\n\nS1,0130019,13,wic_602,0161119,true,true,0.92\n`;
    expect([byteOf(lf, '13,'), byteOf(crlf(lf), '13,')]).toEqual([85, 88]);
    expect((await load(lf)).at).toEqual([`4:12-4:14 @85-87 ${C.badGrade}`]);
    expect((await load(crlf(lf))).at).toEqual([`4:12-4:14 @88-90 ${C.badGrade}`]);
  });

  it('names a row after a quoted cell holding a line break at the line of the "\\n" file (was a line further on)', async () => {
    const lf = `${HEADER}S1,0130019,9,"wic_602;\nwic_654",0161119,true,true,1.00\nS2,0130019,9,wic_602,0161119,true,true,-1\n`;
    expect([byteOf(lf, '-1'), byteOf(crlf(lf), '-1')]).toEqual([166, 169]);
    expect((await load(lf)).at).toEqual([`4:40-4:42 @166-168 ${C.negativeAda}`]);
    expect((await load(crlf(lf))).at).toEqual([`4:40-4:42 @169-171 ${C.negativeAda}`]);
    const ok = await load(crlf(`${HEADER}S1,0130019,9,"wic_602;\nwic_654",0161119,true,true,1.00\nS2,0130019,9,wic_602,0161119,true,true,1\n`));
    expect(ok.scenario!.students.map((s) => s.source.line)).toEqual([2, 4]);
  });

  it('with a byte-order mark, blank lines and a last line without a line break: the places of the "\\n" file', async () => {
    const lf = `\ufeff${HEADER}\n\nS1,0130019,9,wic_602,0161119,true,true,x`;
    expect([byteOf(lf, ',x') + 1, byteOf(crlf(lf), ',x') + 1]).toEqual([116, 119]);
    expect((await load(lf)).at).toEqual([`4:40-4:41 @116-117 ${C.badDecimal}`]);
    expect((await load(crlf(lf))).at).toEqual([`4:40-4:41 @119-120 ${C.badDecimal}`]);
  });
});
