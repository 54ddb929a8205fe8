/**
 * The rows' JSON written into chunks (src/run/student-rows-json.ts) is
 * exactly JSON.stringify of the entries: `--json` nests `students[]` and
 * `findings[]` as `JSON.stringify(result, null, 2)` does, `--ndjson` is one
 * `JSON.stringify(entry)` per line, whatever the ids hold (quotes,
 * backslashes, controls, U+2028, emoji, lone surrogates, long text) and
 * wherever the chunks end.
 */
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/report/json-stream.js';
import { writeNdjson } from '../../src/report/ndjson.js';
import { TextOut } from '../../src/report/text-out.js';
import type { StreamedResult } from '../../src/run/run.js';
import { FindingRows } from '../../src/run/finding-rows.js';
import { StudentRows, type StudentClass } from '../../src/run/student-rows.js';
import { fuzzConfig } from '../fuzz/config.js';

class Collect extends Writable {
  private readonly chunks: Buffer[] = [];
  constructor() {
    super({ highWaterMark: 512 });
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.chunks.push(chunk);
    setImmediate(done);
  }
  async bytes(): Promise<Buffer> {
    this.end();
    await finished(this);
    return Buffer.concat(this.chunks);
  }
}

const SEVERITIES = ['error', 'warning', 'info'];

const CLASSES: StudentClass[] = [
  { category: 'District Funded', credited_to: '1964733', rule: 'classify.district', cite: 'EC 2574(c)(4)(A)', expected_transfer_codes: ['A', 'B'] },
  { category: 'County Funded', credited_to: '1910199', rule: 'classify "county" ✓', cite: 'EC 2574(b)', expected_transfer_codes: [] },
];

/** Rows of students with these ids: classifications, census flags and ADA texts (two odd ones) varied; a finding for some. */
function rowsOf(ids: string[]): { students: StudentRows; findings: FindingRows } {
  const students = new StudentRows();
  const findings = new FindingRows(students, SEVERITIES);
  ids.forEach((id, k) => {
    const ada = k % 7 === 3 ? '-0.50' : k % 11 === 5 ? '12.345' : `${k * 13}.${String(k % 100).padStart(2, '0')}`;
    const index = students.add(id, students.classOf(CLASSES[k % 2]), k % 3 === 0, StudentRows.centsOf(ada), ada);
    if (k % 2 === 0) findings.addStudent(index, { code: 'LCFF-W101', severity: 'warning', message: `odd "ADA" for ${k % 4}\u2028`, rule: 'check.ada', cite: 'EC 2574' });
    if (k % 5 === 0) findings.addStudent(index, { code: 'LCFF-E201', severity: 'error', message: 'no basis', rule: 'check.basis', cite: 'EC 2574(a)' });
  });
  findings.add({ code: 'LCFF-I301', severity: 'info', subject: '1964733 "Dist" 😀', message: 'an LEA note\u0007', rule: 'lea.note', cite: 'EC 2575' });
  return { students, findings };
}

async function jsonOf(ids: string[], chunk?: number): Promise<{ text: Buffer; expected: Buffer }> {
  const { students, findings } = rowsOf(ids);
  const sink = new Collect();
  await writeJson(new TextOut(sink, chunk), { fiscal_year: '2023-24', students, findings } as unknown as StreamedResult);
  const expected = `${JSON.stringify({ fiscal_year: '2023-24', students: [...students], findings: [...findings] }, null, 2)}\n`;
  return { text: await sink.bytes(), expected: Buffer.from(expected, 'utf8') };
}

async function ndjsonOf(ids: string[], chunk?: number): Promise<{ text: Buffer; expected: Buffer }> {
  const { students } = rowsOf(ids);
  const sink = new Collect();
  await writeNdjson(new TextOut(sink, chunk), students);
  return { text: await sink.bytes(), expected: Buffer.from([...students].map((s) => `${JSON.stringify(s)}\n`).join(''), 'utf8') };
}

const HOSTILE = ['S001', 'a"b', 'back\\slash', '\u0000\u001f\u007f', 'tab\tnew\nline', 'line\u2028sep\u2029', '😀', '\ud800 lone', 'lone \udc00', 'é中文', '', 'x'.repeat(5000) + '😀', 'S000'];

describe('the rows written as JSON into chunks', () => {
  it('--json: students[] and findings[] exactly as JSON.stringify(result, null, 2), hostile ids, any chunk size', async () => {
    for (const chunk of [4, 13, 100, 4096, undefined]) {
      const { text, expected } = await jsonOf(HOSTILE, chunk);
      expect(text.toString('utf8')).toBe(expected.toString('utf8'));
      expect(text.equals(expected), `chunk ${chunk}`).toBe(true);
    }
  });

  it('--ndjson: one JSON.stringify(entry) a line, in id order, hostile ids, any chunk size', async () => {
    for (const chunk of [4, 13, 100, 4096, undefined]) {
      const { text, expected } = await ndjsonOf(HOSTILE, chunk);
      expect(text.toString('utf8')).toBe(expected.toString('utf8'));
      expect(text.equals(expected), `chunk ${chunk}`).toBe(true);
    }
  });

  it('empty lists are written as []', async () => {
    const { text, expected } = await jsonOf([]);
    expect(text.toString('utf8')).toContain('"students": []');
    expect(text.equals(expected)).toBe(true);
    expect((await ndjsonOf([])).text.length).toBe(0);
  });

  it('any ids, any chunk size: the same bytes as JSON.stringify', async () => {
    const { numRuns, seed } = fuzzConfig(100);
    const id = fc.oneof(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(id, { maxLength: 30 }), fc.integer({ min: 4, max: 600 }), async (ids, chunk) => {
        const json = await jsonOf(ids, chunk);
        expect(json.text.equals(json.expected)).toBe(true);
        const nd = await ndjsonOf(ids, chunk);
        expect(nd.text.equals(nd.expected)).toBe(true);
      }),
      { numRuns, seed },
    );
  });
});

describe('student findings recognised by their parts', () => {
  it('keeps each finding its own message: alike parts share one text, parts that differ (or that print alike) never borrow another text', () => {
    const rows = new StudentRows();
    const findings = new FindingRows(rows, SEVERITIES);
    const base = { code: 'LCFF-V010', severity: 'warning' as const, rule: 'student_findings.wrong_code', cite: 'FAQ Q4' };
    const text = (parts: ReadonlyArray<string | undefined>) => ({ ...base, message: `${parts[4]} (reported code ${parts[5] ?? 'none'})` });
    for (const [id, reported] of [['S1', '1'], ['S2', '2'], ['S3', '1'], ['S4', undefined], ['S5', 'none']] as const) {
      const i = rows.add(id, rows.classOf(CLASSES[0]), true, 100, '1.00');
      findings.addStudentParts(i, [base.code, base.severity, base.rule, base.cite, 'Wrong code', reported], text);
    }
    // an LEA's finding and a finding without parts go the old way
    findings.addStudent(0, { ...base, message: 'Wrong code (reported code 1)' });
    expect([...findings].map((f) => `${f.subject}: ${f.message}`)).toEqual([
      'S1: Wrong code (reported code 1)',
      'S1: Wrong code (reported code 1)',
      'S2: Wrong code (reported code 2)',
      'S3: Wrong code (reported code 1)',
      'S4: Wrong code (reported code none)',
      'S5: Wrong code (reported code none)',
    ]);
    // no part of the stored text leaks into the result
    expect(Object.keys([...findings][0])).toEqual(['code', 'severity', 'subject', 'message', 'rule', 'cite']);
  });
});
