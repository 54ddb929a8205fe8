/** The bundled rule library checks clean: no errors, no warnings. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
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
