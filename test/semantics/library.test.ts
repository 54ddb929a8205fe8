/** The bundled rule library checks clean: no errors, no warnings. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary } from '../helpers/library.js';

describe('the bundled rule library', () => {
  it('has no diagnostics', async () => {
    const lib = await bundledLibrary();
    expect(lib.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('declares the decisions the runner evaluates', async () => {
    const lib = await bundledLibrary();
    for (const d of ['funding_category', 'expected_transfer_codes', 'student_findings', 'transfer', 'sacs_entries', 'district_checks', 'coe_checks', 'alternative_education_grant', 'prior_year_correction']) {
      expect(lib.decisions.has(d), d).toBe(true);
    }
  });

  it('resolves every name in the rules to a declaration', async () => {
    const lib = await bundledLibrary();
    const keys = new Set(lib.definitions.map((d) => d.key));
    const dangling = lib.references.filter((r) => !keys.has(r.key)).map((r) => `${r.file}:${r.range.start.line} ${r.key}`);
    expect(dangling).toEqual([]);
  });
});

describe('a declaration without effective', () => {
  const manifest = (first: string): string => `name: test\ndescription: test\nfirst_year: ${first}\nlast_year: 2020-21\ncite: "EC 2574"\n`;
  const rules = `formula from_2013() : Number
  cite "EC 2574"
  effective 2013-14 onward
  = 1

formula undated() : Number
  cite "EC 2574"
  = from_2013()
`;
  const codes = (first: string): string[] =>
    buildLibrary([
      { file: 'rules/library.yaml', text: manifest(first) },
      { file: 'rules/a.lcff', text: rules },
    ]).diagnostics.map((d) => `${d.code} ${d.message}`);

  it("is in force from the manifest's first year, not a fixed 2013-14", () => {
    // from 2011-12 the undated formula calls one in force only from 2013-14: a gap of two years
    expect(codes('2011-12')).toEqual(['LCFF-E034 formula from_2013 has no value in 2011-12..2012-13, where formula undated (in force 2011-12 onward) uses it']);
    expect(codes('2013-14')).toEqual([]);
  });
});
