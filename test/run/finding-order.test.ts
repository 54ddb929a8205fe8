/**
 * The findings' result order (src/run/finding-rows.ts `resultOrder`) is a
 * stable sort of the finding objects by severity, subject and code, with
 * student findings compared by the rank of their ids: duplicate ids, ids
 * out of input order and LEA subjects that sort among the ids are ordered
 * exactly as the objects themselves would be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingRows } from '../../src/run/finding-rows.js';
import type { FindingResult } from '../../src/run/result.js';
import { StudentRows } from '../../src/run/student-rows.js';
import { fuzzConfig } from '../fuzz/config.js';

const SEVERITIES = ['error', 'warning', 'info'] as const;
const CLASS = { category: 'district_funded', credited_to: '1964733', rule: 'funding_category.r', cite: 'EC 2576', expected_transfer_codes: [] };

const severity = fc.constantFrom(...SEVERITIES);
const code = fc.constantFrom('LCFF-V010', 'LCFF-V011', 'LCFF-V012');
/** ids and LEA subjects from a small alphabet, so that duplicates and interleavings are common */
const subject = fc.string({ unit: fc.constantFrom('1', '9', 'S', 'a', ' '), minLength: 0, maxLength: 3 });

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('findings in the result order', () => {
  it('equal a stable sort of the finding objects by severity, subject and code', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: subject, findings: fc.array(fc.tuple(severity, code), { maxLength: 3 }) }), { maxLength: 40 }),
        fc.array(fc.tuple(severity, code, subject), { maxLength: 6 }),
        (students, others) => {
          const rows = new StudentRows();
          const findings = new FindingRows(rows, SEVERITIES);
          const expected: FindingResult[] = [];
          for (const s of students) {
            const i = rows.add(s.id, rows.classOf(CLASS), true, 100, '1.00');
            for (const [sev, c] of s.findings) {
              const f = { code: c, severity: sev, message: `${c} of ${s.id}`, rule: 'student_findings.r', cite: 'EC 2576' };
              findings.addStudent(i, f);
              expected.push({ ...f, subject: s.id });
            }
          }
          for (const [sev, c, subj] of others) {
            const f: FindingResult = { code: c, severity: sev, subject: subj.length % 2 === 0 ? subj : `district ${subj}`, message: 'an LEA finding', rule: 'lea.r', cite: 'EC 2575' };
            findings.add(f);
            expected.push(f);
          }
          const sorted = expected
            .map((f, k) => ({ f, k }))
            .sort((a, b) => SEVERITIES.indexOf(a.f.severity) - SEVERITIES.indexOf(b.f.severity) || cmp(a.f.subject, b.f.subject) || cmp(a.f.code, b.f.code) || a.k - b.k)
            .map(({ f }) => f);
          expect([...findings]).toEqual(sorted);
        },
      ),
      fuzzConfig(300),
    );
  });
});
