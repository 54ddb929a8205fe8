/** `--set` on run, explain and rates: the value replaced and marked in every output; a bad override is a usage error (exit 2). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateResult } from '../../src/run/result-schema.js';
import { lcff } from '../helpers/cli.js';

const EX = 'examples/2019-20-county-charter';
const SET = ['--set', 'supplemental_pct@2019-20=25%'];

describe('lcff run --set', () => {
  it('changes the rates and transfers and lists the value as user-supplied in the JSON result', () => {
    const r = lcff(['run', EX, '--json', ...SET]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(validateResult(result)).toEqual([]);
    expect(result.user_supplied).toEqual([{ parameter: 'supplemental_pct', year: '2019-20', value: '25%', replaced: '20%' }]);
    // Fremont g4_6: 7,818 + 7,818 × 25% × 26,401/105,601 = 8,306.64; 0.40 × 8,306.64 = 3,322.66
    expect(result.transfers).toContainEqual(expect.objectContaining({ from: '0161176', grade_span: 'g4_6', rate_per_ada: '8306.64', amount: '3322.66' }));
  });

  it('marks the value in the terminal report and in --explain', () => {
    const r = lcff(['run', EX, ...SET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("User-supplied values (--set), not the library's: supplemental_pct 2019-20 = 25% (library: 20%)");
    const e = lcff(['explain', EX, '0161176', ...SET]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain('read supplemental_pct = 25% (value of 2019-20; EC 42238.02(e); LEXOLOGY-AB97; user-supplied)');
  });

  it('lists the value in the CSV tables and shows the banner in the HTML report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-set-'));
    expect(lcff(['run', EX, '--csv', dir, ...SET]).code).toBe(0);
    expect(readFileSync(join(dir, 'user_supplied.csv'), 'utf8')).toBe('parameter,member,year,value,replaced\nsupplemental_pct,,2019-20,25%,20%\n');
    const html = join(dir, 'r.html');
    expect(lcff(['run', EX, '--html', html, ...SET]).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain(`<p class="warning user-supplied">User-supplied values (--set), not the library&#39;s: supplemental_pct 2019-20 = 25% (library: 20%)</p>`);
  });

  it.each([
    [['supplemental_pt@2019-20=25%'], "--set: no parameter named 'supplemental_pt' (did you mean 'supplemental_pct' or 'aeg_supplemental_pct'?)"],
    [['supplemental_pct@2031-32=25%'], '--set: supplemental_pct@2031-32: the rule library covers 2013-14 through'],
    [['supplemental_pct@2019-20=25'], '--set: supplemental_pct@2019-20: "25" is not a percent: write percents with %, e.g. 25%'],
    [['supplemental_pct=25%'], '--set: "supplemental_pct=25%" is not an override'],
  ])('exits 2 on --set %j', (sets, message) => {
    const r = lcff(['run', EX, ...sets.flatMap((s) => ['--set', s])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });
});

describe('lcff rates --set', () => {
  it('marks the overridden row and the rows derived from it, and lists the values', () => {
    const r = lcff(['rates', '-y', '2015-16', '--json', '--set', 'aeg_base_per_ada@2013-14=10000']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // 10,000 × 1.0085 = 10,085 (2014-15 COE COLA 0.85%); × 1.0102 = 10,187.867 → 10,188 (2015-16 COLA 1.02%)
    expect(out.parameters).toContainEqual(expect.objectContaining({ name: 'aeg_base_per_ada', value: '10188', user_supplied: 'derived' }));
    expect(out.user_supplied).toEqual([{ parameter: 'aeg_base_per_ada', year: '2013-14', value: '10000', replaced: '11045' }]);
    const same = lcff(['rates', '-y', '2013-14', '--set', 'aeg_base_per_ada@2013-14=10000']);
    expect(same.stdout).toMatch(/aeg_base_per_ada\s+│ 10000\s+│ 2013-14 │ user-supplied/);
    expect(same.stdout).toContain("User-supplied values (--set), not the library's: aeg_base_per_ada 2013-14 = 10000 (library: 11045)");
  });

  it('exits 2 on a member that is not one', () => {
    const r = lcff(['rates', '-y', '2015-16', '--set', 'base_grant_per_ada.k4@2015-16=7000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'k4' is not a member of grade_span");
  });
});
