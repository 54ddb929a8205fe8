/**
 * Positions of a student CSV's diagnostics do not depend on its line
 * breaks: on generated files with bad cells — blank lines, a byte-order
 * mark, quoted cells holding line breaks, a "\r" alone in a cell, a last
 * line without a line break — read in random chunks, the file written with
 * "\r\n" gets every diagnostic at the line and column of the same file
 * written with "\n", and each offset is the byte of that line and column in
 * the file read (lines as an editor counts them: "\r\n", "\r" or "\n").
 */
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { loadScenarioText } from '../../src/scenario/load.js';
import { csvScenario } from '../scenario/helpers.js';
import { chunksAt } from '../helpers/fuzz-checks.js';
import { fuzzConfig } from './config.js';

const SCENARIO = csvScenario();
const HEADER = ['id', 'school', 'grade', 'basis', 'district_of_residence', 'unduplicated', 'census_day', 'ada'];
const GOOD = ['0130019', '9', 'wic_602', '0161119', 'true', 'true', '0.92'];

/** A line break of the file: "\n" or "\r\n" as the version written. */
const BR = '\u0000';
/** A cell: good, bad, or quoted with a line break or a "\r" alone in it (never a "\r" just before a line break: that would be one). */
const cell = (good: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(good) },
    { weight: 2, arbitrary: fc.constantFrom('13', 'x', '-1.5', 'maybe', 'é', '日本', '') },
    { weight: 1, arbitrary: fc.constantFrom(`"${good}${BR}x"`, `"${BR}${good}"`, `"a${BR}${BR}b"`, `"${good}\rx"`, `${good}\rx`, `"é${BR}日本"`, `" ${good} "`) },
  );
const row = fc.tuple(...GOOD.map(cell), fc.oneof({ weight: 8, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.constant(['extra']) }));
const file = fc.record({
  bom: fc.boolean(),
  rows: fc.array(fc.record({ blank: fc.nat(3), cells: row }), { minLength: 1, maxLength: 8 }),
  finalBlank: fc.nat(2),
  finalBreak: fc.boolean(),
  cuts: fc.array(fc.nat(2000), { maxLength: 5 }),
});

type File = typeof file extends fc.Arbitrary<infer T> ? T : never;

function render(f: File, eol: string): Buffer {
  const lines = [HEADER.join(',')];
  f.rows.forEach((r, i) => {
    for (let b = 0; b < r.blank; b++) lines.push('');
    const [school, ...rest] = r.cells;
    lines.push([`S${i}`, school, ...rest.flat()].join(','));
  });
  for (let b = 0; b < f.finalBlank; b++) lines.push('');
  const text = `${f.bom ? '\ufeff' : ''}${lines.join(BR)}${f.finalBreak ? BR : ''}`;
  return Buffer.from(text.replaceAll(BR, eol));
}

async function diagnostics(bytes: Buffer, cuts: number[]): Promise<Diagnostic[]> {
  const r = await loadScenarioText('/data/scenario.yaml', SCENARIO, { openCsv: async () => Readable.from(chunksAt(bytes, cuts)) });
  return r.diagnostics;
}

/** The byte offset of a line and column (1-based, a column a UTF-16 unit after a byte-order mark) of a file. */
function byteAt(bytes: Buffer, line: number, column: number): number {
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  const text = bytes.toString('utf8', bom);
  let start = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n?|\n/g;
    m.lastIndex = start;
    const hit = m.exec(text);
    if (!hit) throw new Error(`no line ${line}`);
    start = hit.index + hit[0].length;
  }
  return bom + Buffer.byteLength(text.slice(0, start + column - 1));
}

const place = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column];

describe('positions in a student CSV', () => {
  it('are the same with "\\r\\n" line breaks as with "\\n"; offsets are bytes of the file read', async () => {
    const cfg = fuzzConfig(60);
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const lf = render(f, '\n');
        const crlf = render(f, '\r\n');
        const a = await diagnostics(lf, f.cuts);
        const b = await diagnostics(crlf, f.cuts);
        expect(b.map(place)).toEqual(a.map(place));
        for (const [bytes, ds] of [[lf, a], [crlf, b]] as const) {
          for (const d of ds) {
            if (d.range.start.line === 1 && d.range.start.column === 1) continue; // the file as a whole
            expect([d.code, d.range.start.offset, d.range.end.offset]).toEqual([d.code, byteAt(bytes, d.range.start.line, d.range.start.column), byteAt(bytes, d.range.end.line, d.range.end.column)]);
          }
        }
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  });
});
