/**
 * A student finding's parts (src/run/student-findings.ts): each distinct
 * head and code list is one object per run, whether the kernel shares the
 * firing (frozen, found by identity) or makes a fresh one per student (found
 * by its texts); the finding's text is the message the run has always
 * written.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledRule } from '../../src/compile/program.js';
import type { Firing } from '../../src/runtime/decide.js';
import { dec } from '../../src/runtime/money.js';
import { FindingHeads, findingText } from '../../src/run/student-findings.js';

const RULE = { decision: 'student_findings', name: 'missing_code', cites: ['EC 2576', 'calpads_senr'], status: 'confirmed' } as unknown as CompiledRule;

function firing(field = dec('1.5')): Firing {
  return { rule: RULE, outputs: { code: 'LCFF-V010', level: 'warning', message: 'no transfer code', senr_field: field } };
}

describe('finding heads', () => {
  it('makes one head per distinct firing text: a shared (frozen) firing by identity, a fresh one by its texts', () => {
    const heads = new FindingHeads();
    const shared = Object.freeze(firing());
    const a = heads.head(shared);
    expect(heads.head(shared)).toBe(a);
    // fresh firings alike (a rule whose outputs read facts) share the head too
    expect(heads.head(firing())).toBe(a);
    expect(heads.head(firing(dec('2')))).not.toBe(a);
    expect(a).toEqual({ code: 'LCFF-V010', severity: 'warning', rule: 'student_findings.missing_code', cite: 'EC 2576; calpads_senr', said: 'no transfer code', field: '1.50' });
  });

  it('makes one frozen list per distinct code list, however the decision gave it', () => {
    const heads = new FindingHeads();
    const constant = Object.freeze(['1', '2']);
    const l = heads.codes(constant);
    expect(heads.codes(constant)).toBe(l);
    expect(heads.codes(['1', '2'])).toBe(l);
    expect(heads.codes(['2', '1'])).not.toBe(l);
    expect(Object.isFrozen(l)).toBe(true);
    expect(heads.codes([])).toEqual([]);
  });

  it('writes the finding text the run reports: message with the SENR field, the reported code and residence, the expected codes', () => {
    const heads = new FindingHeads();
    const h = heads.head(firing());
    expect(findingText([h, '3', undefined, heads.codes(['1', '2'])])).toEqual({
      code: 'LCFF-V010',
      severity: 'warning',
      message: 'no transfer code (SENR field 1.50; reported code 3, residence none; expected code 1/2)',
      rule: 'student_findings.missing_code',
      cite: 'EC 2576; calpads_senr',
    });
    expect(findingText([h, undefined, '0161119', heads.codes([])]).message).toBe('no transfer code (SENR field 1.50; reported code none, residence 0161119; expected code none)');
  });
});
