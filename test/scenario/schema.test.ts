import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validateResult, validateScenarioJson } from '../../src/scenario/schema-check.js';

const fx = (name: string) => join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', name);

const RESULT = {
  fiscal_year: '2019-20',
  county: { code: '01', name: 'Alameda' },
  calpads: { file: 'SENR', transfer_code_field: '1.30', residence_field: '1.31', rule: 'senr_fields.senr_fields', cite: 'FAQ Q7' },
  students: [
    { id: 'S001', category: 'coe_juvenile_court', credited_to: '0110017', rule: 'juvenile_court_school', cite: 'EC 2574(c)(4)(B)', expected_transfer_codes: [], census_day: true, ada: '0.92' },
    { id: 'S002', category: 'district_funded', credited_to: '0161119', rule: 'district_funded_county_program', cite: 'EC 2576(a)', expected_transfer_codes: ['1', '2', '3', '4', '6'], census_day: true, ada: '5.00' },
  ],
  leas: [
    {
      cds: '0161119', kind: 'district', name: 'Hayward Unified',
      ada: { before: '0.00', after: '5.00' },
      enrollment: { before: 20000, after: 20004 },
      unduplicated: { before: 15000, after: 15003 },
      upp: { before: '0.7500', after: '0.7501', rolling_before: '0.7480', rolling_after: '0.7481', window_years: 3 },
      rates: { g9_12: { base: '9015.00', supplemental: '1352.25', concentration: '592.69', total: '10959.94' } },
    },
    {
      cds: '0110017', kind: 'coe', name: 'Alameda COE',
      ada: { before: '5.92', after: '0.92' },
      enrollment: { before: 5, after: 1 },
      unduplicated: { before: 4, after: 1 },
      upp: { before: '0.8000', after: '1.0000', rolling_before: null, rolling_after: null, window_years: 3 },
    },
  ],
  transfers: [
    { from: '0161119', to: '0110017', grade_span: 'g9_12', ada: '5.00', rate_per_ada: '10959.94', amount: '54799.70', basis: 'statutory', reason: 'mandatory from 2019-20', rule: 'transfer_to_coe', cite: 'EC 2576(b)' },
  ],
  findings: [{ code: 'LCFF-V012', severity: 'error', subject: 'S007', message: 'expected transfer code 5', rule: 'report_code_5', cite: 'EC 2574', source: { file: 'students.csv', line: 8 } }],
  accounting: [
    { lea: '0161119', side: 'payer', goal: '0000', object: '7142', amount: '54799.70', counterparty: '0110017', cite: 'CSAM' },
    { lea: '0110017', side: 'payee', object: '8710', amount: '54799.70', counterparty: '0161119', cite: 'CSAM' },
  ],
  aeg: { known: true, ada: '0.92', upp: '0.7501', base: '1000.00', supplemental: '200.00', concentration: '0.00', total: '1200.00', note: 'AEG ADA times the rates' },
  prior_year_adjustments: [
    { district: '0161119', fiscal_year: '2018-19', enrollment_change: -2, unduplicated_change: 1, ada_change: '-0.35', audit_reference: 'A-1', rule: 'prior_year_correction', cite: 'FAQ' },
  ],
  unconfirmed: ['transfer_rate_rounding'],
  conservation: { ada_in: '5.92', ada_out: '5.92', enrollment_in: 5, enrollment_out: 5, upc_in: 4, upc_out: 4, transfers_net: '0.00' },
};

describe('result schema', () => {
  it('accepts a conforming result', () => {
    expect(validateResult(RESULT)).toEqual([]);
  });

  it('rejects unfixed decimals, unknown keys and bad enums, all at once', () => {
    const bad = structuredClone(RESULT) as Record<string, any>;
    bad.transfers[0].amount = '54799.7';
    bad.transfers[0].basis = 'optional';
    bad.leas[0].upp.after = '0.75';
    bad.students[0].colour = 'blue';
    delete bad.conservation;
    const errs = validateResult(bad);
    expect(errs).toEqual(
      expect.arrayContaining([
        '/transfers/0/amount: must match pattern "^-?\\d+\\.\\d{2}$"',
        expect.stringContaining('/transfers/0/basis: must be equal to one of the allowed values'),
        '/students/0: unknown property "colour"',
        "/: must have required property 'conservation'",
      ]),
    );
    expect(errs.some((e) => e.startsWith('/leas/0/upp/after'))).toBe(true);
  });
});

describe('scenario schema', () => {
  it('accepts the fixtures the loader accepts', () => {
    for (const name of ['valid.yaml', 'with-csv.yaml']) {
      expect([name, validateScenarioJson(parse(readFileSync(fx(name), 'utf8')))]).toEqual([name, []]);
    }
    expect(validateScenarioJson(JSON.parse(readFileSync(fx('valid.json'), 'utf8')))).toEqual([]);
  });

  it('rejects what the loader rejects by shape', () => {
    const errs = validateScenarioJson(parse(readFileSync(fx('malformed.yaml'), 'utf8')));
    expect(errs.some((e) => e.includes('unknown property "colour"'))).toBe(true);
    expect(errs.some((e) => e.startsWith('/students/0/ada'))).toBe(true);
  });
});
