/**
 * A reform overlaid on the bundled library (src/semantics/reform.ts,
 * docs/reforms.md): what it replaces and adds, in which years, and the
 * diagnostics of a bad reform — each naming the reform's file, line and column.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { compileProgram } from '../../src/compile/program.js';
import { diffLaw } from '../../src/semantics/diff.js';
import { subtractYears } from '../../src/semantics/reform.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildLibrary, loadLibrary, type SourceText } from '../../src/semantics/workspace.js';
import { bundledLibrary, bundledSources, ROOT } from '../helpers/library.js';

async function reformed(files: SourceText[]) {
  return buildLibrary(await bundledSources(), undefined, files);
}

const codes = (lib: Awaited<ReturnType<typeof reformed>>) => lib.diagnostics.map(formatDiagnostic);

const SUPPLEMENTAL = (values: string) => `supplemental_pct:
  description: Supplemental grant
  unit: percent
  cite: "EC 42238.02(e)"
  status: confirmed
  values:
${values}`;

describe('subtractYears', () => {
  it('cuts a range into the years no cut covers', () => {
    expect(subtractYears({ from: 2013 }, [{ from: 2019, to: 2020 }])).toEqual([{ from: 2013, to: 2018 }, { from: 2021 }]);
    expect(subtractYears({ from: 2019 }, [{ from: 2019 }])).toEqual([]);
    expect(subtractYears({ from: 2014, to: 2018 }, [{ from: 2019 }])).toEqual([{ from: 2014, to: 2018 }]);
    expect(subtractYears({ from: 2013, to: 2020 }, [{ from: 2013, to: 2014 }, { from: 2020 }])).toEqual([{ from: 2015, to: 2019 }]);
  });
});

describe('a reform overlaid on the library', () => {
  it('replaces a parameter value of one year and keeps the others', async () => {
    const lib = await reformed([{ file: 'reform/supp.yaml', text: SUPPLEMENTAL('    2019-20: 25%\n    2020-21: 20%\n') }]);
    expect(codes(lib).filter((d) => d.includes('LCFF-E'))).toEqual([]);
    expect(lib.params.valueInForce('supplemental_pct', 2018)?.value.toString()).toBe('0.2');
    expect(lib.params.valueInForce('supplemental_pct', 2019)?.value.toString()).toBe('0.25');
    expect(lib.params.valueInForce('supplemental_pct', 2019)?.file).toBe('reform/supp.yaml');
    expect(lib.params.valueInForce('supplemental_pct', 2020)?.value.toString()).toBe('0.2');
    expect(lib.reform?.changes.map((c) => `${c.kind} ${c.what} ${c.name}`)).toEqual(['added parameter value supplemental_pct 2019-20', 'added parameter value supplemental_pct 2020-21']);
  });

  it('replaces a library entry of the same year', async () => {
    const lib = await reformed([{ file: 'reform/supp.yaml', text: SUPPLEMENTAL('    2013-14: 22%\n') }]);
    expect(lib.params.valueInForce('supplemental_pct', 2025)?.value.toString()).toBe('0.22');
    expect(lib.reform?.changes.map((c) => c.kind)).toEqual(['replaced']);
  });

  it('replaces a rule only in the years the reform gives it; the library version keeps the others, in its place in the decision', async () => {
    const text = `decision transfer for transfer_line
  "x"
  cite "EC 2576"
  output basis : transfer_basis
  output rate_per_ada : Rate
  output amount : Money
  output reason : Text

  rule alternative_rate_concurred
    cite "EC 2576(c)"
    effective 2021-22 onward
    when transfer_line.alternative_rate is present and transfer_line.concurred and transfer_line.alternative_rate > $0
    then basis = alternative, rate_per_ada = transfer_line.alternative_rate, amount = $0, reason = "reform"
end
`;
    const lib = await reformed([{ file: 'reform/transfer.lcff', text }]);
    expect(codes(lib).filter((d) => d.includes('LCFF-E'))).toEqual([]);
    const versions = lib.decisions.get('transfer')!.decl.rules.filter((r) => r.name.text === 'alternative_rate_concurred');
    expect(versions.map((r) => [r.effective?.years, r.file ?? 'library'])).toEqual([
      [{ from: 2019, to: 2020 }, 'library'],
      [{ from: 2021 }, 'reform/transfer.lcff'],
    ]);
    const order = (year: number) => compileProgram(lib, year).decisions.get('transfer')!.rules.map((r) => `${r.name}@${r.file}`);
    expect(order(2020)).toEqual(['alternative_rate_concurred@rules/county-programs/transfer.lcff', 'statutory_transfer@rules/county-programs/transfer.lcff']);
    expect(order(2021)).toEqual(['alternative_rate_concurred@reform/transfer.lcff', 'statutory_transfer@rules/county-programs/transfer.lcff']);
    // the law diff of one year: 2020-21 is the library's, 2021-22 the reform's
    const base = await bundledLibrary();
    expect(diffLaw({ lib: base, year: 2020 }, { lib, year: 2020 }).rules).toEqual([]);
    expect(diffLaw({ lib: base, year: 2021 }, { lib, year: 2021 }).rules.map((r) => `${r.kind} ${r.name} ${r.to?.source}`)).toEqual(['changed transfer.alternative_rate_concurred reform/transfer.lcff:9']);
  });

  it('adds a rule with a new name before the otherwise rule', async () => {
    const text = `decision transfer for transfer_line
  cite "EC 2576"
  output basis : transfer_basis
  output rate_per_ada : Rate
  output amount : Money
  output reason : Text
  rule small_ada_waived
    cite "EC 2576"
    effective 2019-20 onward
    when transfer_line.ada < 0.50
    then basis = none, rate_per_ada = $0, amount = $0, reason = "reform: under half an ADA"
end
`;
    const lib = await reformed([{ file: 'reform/transfer.lcff', text }]);
    expect(codes(lib).filter((d) => d.includes('LCFF-E'))).toEqual([]);
    expect(compileProgram(lib, 2019).decisions.get('transfer')!.rules.map((r) => r.name)).toEqual(['alternative_rate_concurred', 'small_ada_waived', 'statutory_transfer']);
    expect(lib.reform?.changes.map((c) => `${c.kind} ${c.what} ${c.name}`)).toEqual(['added rule transfer.small_ada_waived 2019-20 onward']);
  });

  it('extends the horizon with its library.yaml, and a value of the new year is in force there', async () => {
    const lib = await reformed([
      { file: 'reform/library.yaml', text: 'name: r\nfirst_year: 2013-14\nlast_year: 2026-27\ncite: "EC 42238.02"\n' },
      { file: 'reform/supp.yaml', text: SUPPLEMENTAL('    2026-27: 21%\n') },
    ]);
    expect(codes(lib).filter((d) => d.includes('LCFF-E'))).toEqual([]);
    expect(lib.horizon).toEqual({ first: 2013, last: 2026, file: 'reform/library.yaml' });
    expect(lib.params.valueInForce('supplemental_pct', 2026)?.value.toString()).toBe('0.21');
  });
});

describe('the example reforms (examples/reforms)', () => {
  const dir = join(ROOT, 'examples/reforms');
  const folders = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory()).sort();

  it.each(folders)('%s checks with the library without an error or a warning, and changes something', async (name) => {
    const lib = await loadLibrary([join(ROOT, 'rules')], ROOT, join(dir, name));
    expect(lib.diagnostics.filter((d) => d.severity !== 'info').map(formatDiagnostic)).toEqual([]);
    expect(lib.reform?.changes.length).toBeGreaterThan(0);
  });

  it('are the three the docs describe', () => expect(folders).toEqual(['2026-27-concentration-70', 'no-zero-alternative-rate', 'supplemental-25']));
});

describe('a bad reform', () => {
  it('E080: cannot replace an enum of the library', async () => {
    const lib = await reformed([{ file: 'reform/enums.lcff', text: 'enum grade_span\n  k3\nend\n' }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/enums\.lcff:1:6 LCFF-E080 error: a reform cannot replace enum grade_span/));
  });

  it('E081: a parameter with another unit', async () => {
    const lib = await reformed([{ file: 'reform/supp.yaml', text: 'supplemental_pct:\n  description: x\n  unit: USD\n  cite: "EC 42238.02(e)"\n  status: confirmed\n  values:\n    2019-20: 25\n' }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/supp\.yaml:1:1 LCFF-E081 error: the reform's 'supplemental_pct' is USD, but the library's is percent/));
  });

  it('E082: a decision with other outputs', async () => {
    const text = 'decision transfer for transfer_line\n  cite "EC 2576"\n  output basis : transfer_basis\n  rule r\n    cite "EC 2576"\n    effective 2019-20 onward\n    then basis = none\nend\n';
    const lib = await reformed([{ file: 'reform/t.lcff', text }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/t\.lcff:1:10 LCFF-E082 error: the reform's decision transfer is/));
  });

  it('E083: a library.yaml that shortens the horizon', async () => {
    const lib = await reformed([{ file: 'reform/library.yaml', text: 'name: r\nfirst_year: 2013-14\nlast_year: 2024-25\ncite: "EC 42238.02"\n' }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/library\.yaml:1:1 LCFF-E083 /));
    expect(lib.horizon.last).toBe(2025);
  });

  it('W080: a reform that changes nothing', async () => {
    expect(codes(await reformed([]))).toEqual(['<reform>:1:1 LCFF-W080 warning: the reform folder holds no rule (.lcff) or parameter (.yaml) file: it changes nothing']);
    const lib = await reformed([{ file: 'reform/empty.lcff', text: '// nothing yet\n' }]);
    expect(codes(lib)).toContainEqual('reform/empty.lcff:1:1 LCFF-W080 warning: the reform names nothing of the library and adds nothing: it changes nothing');
  });

  it('a type error in a reform rule is reported at the reform file, line and column', async () => {
    const text = 'decision transfer for transfer_line\n  cite "EC 2576"\n  output basis : transfer_basis\n  output rate_per_ada : Rate\n  output amount : Money\n  output reason : Text\n  rule alternative_rate_concurred\n    cite "EC 2576(c)"\n    effective 2019-20 onward\n    then basis = none, rate_per_ada = $0, amount = transfer_line.ada, reason = "x"\nend\n';
    const lib = await reformed([{ file: 'reform/t.lcff', text }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/t\.lcff:10:52 LCFF-E023 error: output amount is Money/));
  });

  it('a derived reform value is checked at the reform file: deriving from a parameter the library lacks', async () => {
    const text = 'base_grant_per_ada:\n  description: x\n  unit: USD/ADA\n  by: grade_span\n  cite: "EC 42238.02(d)"\n  status: confirmed\n  values:\n    2026-27:\n      derive: { grow_by: [cola_nowhere], round: dollar }\n';
    const lib = await reformed([{ file: 'reform/bg.yaml', text }]);
    expect(codes(lib)).toContainEqual(expect.stringMatching(/^reform\/bg\.yaml:9:\d+ LCFF-E052 /));
  });
});
