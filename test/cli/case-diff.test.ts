/** The field-level diff of `lcff test` failures, on the failure lines src/testing/cases.ts writes. */
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { fieldDifferences, formatCaseFailures } from '../../src/cli/case-diff.js';
import { matchExpected } from '../../src/testing/cases.js';

const plain = pc.createColors(false);

function failuresOf(actual: unknown, expected: unknown): string[] {
  const failures: string[] = [];
  matchExpected(actual, expected, '', failures);
  return failures;
}

describe('lcff test diff', () => {
  it('a scalar: its path, expected and actual', () => {
    const lines = formatCaseFailures(failuresOf({ aeg: { total: '10.00' } }, { aeg: { total: '12.00' } }), '', plain);
    expect(lines).toEqual(['aeg.total', '  - expected "12.00"', '  + actual   "10.00"']);
  });

  it('a list entry: the fields in which the closest entry differs, nested fields followed', () => {
    const actual = { transfers: [{ from: 'A', ada: '1.00', amount: '5.00', why: { rule: 'x' } }, { from: 'B', ada: '2.00', amount: '9.00', why: { rule: 'y' } }] };
    const lines = formatCaseFailures(failuresOf(actual, { transfers: [{ from: 'B', amount: '9.50', why: { rule: 'z' } }] }), '', plain);
    expect(lines).toEqual([
      'transfers[0]: no entry matches; the closest of 2 entries differs in',
      '  transfers[0].amount', '    - expected "9.50"', '    + actual   "9.00"',
      '  transfers[0].why.rule', '    - expected "z"', '    + actual   "y"',
    ]);
  });

  it('a missing field and a line of another shape are shown as they are', () => {
    expect(fieldDifferences({ a: '1', b: { c: 2 } }, { a: '1' }, '')).toEqual([['.b', { c: 2 }, undefined]]);
    expect(formatCaseFailures(['run failed: LCFF-F006 conservation'], '', plain)).toEqual(['run failed: LCFF-F006 conservation']);
    // control characters in values never reach the terminal raw
    expect(formatCaseFailures(failuresOf({ x: '\u001b[2J' }, { x: 'ok' }), '', plain).join('\n')).not.toContain('\u001b');
  });
});
