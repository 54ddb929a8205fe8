import { describe, expect, it } from 'vitest';
import { loadParameterFile, ParamCodes as C, resolveParameters } from '../../src/params/index.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';

const GS = new Map([['grade_span', ['k3', 'g4_6', 'g7_8', 'g9_12']]]);

/** Loads (and resolves) one file; returns `code@line:col` of every diagnostic. */
function run(text: string, enumMembers = GS): { all: Diagnostic[]; at: string[] } {
  const { params, diagnostics } = loadParameterFile('t.yaml', text);
  const r = resolveParameters(params, { enumMembers });
  const all = [...diagnostics, ...r.diagnostics];
  return { all, at: all.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`) };
}

const y = (lines: string[]) => lines.join('\n') + '\n';

const pct = (values: string[], extra: string[] = []) =>
  y(['supplemental_pct:', '  description: Supplemental grant', '  unit: percent', '  cite: EC 42238.02(e)', '  status: confirmed', ...extra, '  values:', ...values.map((v) => `    ${v}`)]);

describe('parameter loader errors (code and file:line:col)', () => {
  it('accepts a valid file with no diagnostics', () => {
    expect(run(pct(['2013-14: 20%', '2021-22: { value: 25%, cite: "AB 130" }'])).at).toEqual([]);
  });

  it('E040 YAML syntax error', () => {
    const r = run(y(['a:', '  description: x', '  values: { 2013-14: 1']));
    expect(r.at[0]).toMatch(/^LCFF-E040@[34]:/);
  });

  it('E041 unknown parameter key, with did-you-mean', () => {
    const r = run(pct(['2013-14: 20%'], ['  descripton: typo']));
    expect(r.at).toEqual(['LCFF-E041@6:3']);
    expect(r.all[0].message).toContain("did you mean 'description'");
    expect(r.all[0].data?.suggestions).toEqual(['description']);
  });

  it('E041 unknown entry key, with did-you-mean', () => {
    const r = run(pct(['2013-14: { value: 20%, citee: x }']));
    expect(r.at).toEqual(['LCFF-E041@7:28']);
    expect(r.all[0].message).toContain("'cite'");
  });

  it('E041 unknown derive key', () => {
    const r = run(y(['b:', '  description: d', '  unit: USD', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 1', '    2014-15: { derive: { grow_by: [1%], rond: dollar } }']));
    expect(r.at).toEqual(['LCFF-E041@8:41']);
  });

  it('E042 duplicate year key, with the first one as related location', () => {
    const r = run(pct(['2013-14: 20%', '2013-14: 21%']));
    expect(r.at).toEqual(['LCFF-E042@8:5']);
    expect(r.all[0].related?.[0].range.start.line).toBe(7);
  });

  it('E042 duplicate field and duplicate parameter key in one file', () => {
    expect(run(pct(['2013-14: 20%'], ['  unit: percent'])).at).toEqual(['LCFF-E042@6:3']);
    const twice = pct(['2013-14: 20%']) + pct(['2013-14: 20%']);
    expect(run(twice).at).toEqual(['LCFF-E042@8:1']);
  });

  it('E043 a year that is not YYYY-YY with consecutive years', () => {
    expect(run(pct(['2013-15: 20%'])).at).toEqual(['LCFF-E043@7:5']);
    expect(run(pct(['2013: 20%'])).at).toEqual(['LCFF-E043@7:5']);
    expect(run(pct(['FY13: 20%'])).at).toEqual(['LCFF-E043@7:5']);
  });

  it('E044 years out of order', () => {
    const r = run(pct(['2014-15: 20%', '2013-14: 20%']));
    expect(r.at).toEqual(['LCFF-E044@8:5']);
  });

  it('E045 a value of the wrong unit: 20 for a percent, 20% for USD, text for a number', () => {
    expect(run(pct(['2013-14: 20'])).at).toEqual(['LCFF-E045@7:14']);
    expect(run(pct(['2013-14: 20'])).all[0].message).toContain('20%');
    const usd = (v: string) => y(['b:', '  description: d', '  unit: USD/ADA', '  cite: c', '  status: confirmed', '  values:', `    2013-14: ${v}`]);
    expect(run(usd('20%')).at).toEqual(['LCFF-E045@7:14']);
    expect(run(usd('lots')).at).toEqual(['LCFF-E045@7:14']);
    expect(run(usd('$6845')).at).toEqual(['LCFF-E045@7:14']);
    const count = y(['c:', '  description: d', '  unit: count', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 2.5']);
    expect(run(count).at).toEqual(['LCFF-E045@7:14']);
  });

  it('E045 a grow_by literal without %', () => {
    const r = run(y(['b:', '  description: d', '  unit: USD', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 1', '    2014-15: { derive: { grow_by: [2.31] } }']));
    expect(r.at).toEqual(['LCFF-E045@8:36']);
  });

  it('E046 missing unit / description / values / status / value', () => {
    expect(run(y(['a:', '  unit: USD', '  cite: c', '  values:', '    2013-14: { value: 1, status: confirmed }'])).at).toEqual(['LCFF-E046@1:1']);
    expect(run(y(['a:', '  description: d', '  cite: c', '  values:', '    2013-14: { value: 1, status: confirmed }'])).at).toEqual(['LCFF-E046@1:1']);
    expect(run(y(['a:', '  description: d', '  unit: USD', '  cite: c'])).at).toEqual(['LCFF-E046@1:1']);
    expect(run(y(['a:', '  description: d', '  unit: USD', '  cite: c', '  values:', '    2013-14: 1'])).at).toEqual(['LCFF-E046@6:5']);
    expect(run(pct(['2013-14: { cite: x }'])).at).toEqual(['LCFF-E046@7:5']);
  });

  it('E047 missing citation', () => {
    const r = run(y(['a:', '  description: d', '  unit: USD', '  status: confirmed', '  values:', '    2013-14: 1', '    2014-15: { value: 2, cite: "Budget Act" }']));
    expect(r.at).toEqual(['LCFF-E047@6:5']);
  });

  it('E048 unconfirmed without note (at the status node)', () => {
    const r = run(pct(['2013-14: { value: 20%, status: unconfirmed }']));
    expect(r.at).toEqual(['LCFF-E048@7:36']);
    expect(run(pct(['2013-14: { value: 20%, status: unconfirmed, note: recollection }'])).at).toEqual([]);
    // A parameter-level default status needs a note somewhere too.
    const lvl = y(['a:', '  description: d', '  unit: USD', '  cite: c', '  status: unconfirmed', '  values:', '    2013-14: 1', '    2014-15: { value: 2, note: why }']);
    expect(run(lvl).at).toEqual(['LCFF-E048@7:5']);
  });

  const grants = (entries: string[]) =>
    y(['base_grant_per_ada:', '  description: Base grant', '  unit: USD/ADA', '  cite: EC 42238.02(d)', '  by: grade_span', '  status: confirmed', '  values:', ...entries.map((e) => `    ${e}`)]);

  it('E049 breakdown key not a member (checked at resolve time with enum members)', () => {
    const r = run(grants(['2012-13: { k3: 1, g4_6: 1, g7_8: 1, g9_12: 1, g912: 1 }']));
    expect(r.at).toEqual(['LCFF-E049@8:51']);
    expect(r.all[0].message).toContain("'g9_12'");
  });

  it('E050 missing breakdown member', () => {
    expect(run(grants(['2012-13: { k3: 1, g4_6: 1, g7_8: 1 }'])).at).toEqual(['LCFF-E050@8:5']);
    // Without enum information the members used elsewhere in the parameter are required.
    const { params, diagnostics } = loadParameterFile('t.yaml', grants(['2012-13: { k3: 1, g4_6: 1, g7_8: 1, g9_12: 1 }', '2013-14: { k3: 2, g4_6: 2 }']));
    const r = resolveParameters(params);
    expect([...diagnostics, ...r.diagnostics].map((d) => `${d.code}@${d.range.start.line}:${d.range.start.column}`)).toEqual(['LCFF-E050@9:5']);
  });

  it('E051 derive from nothing: first value derived, or prior value unknown', () => {
    expect(run(grants(['2013-14: { derive: { grow_by: [1%] } }'])).at).toEqual(['LCFF-E051@8:16']);
    expect(run(grants(['2012-13: { k3: 1, g4_6: 1, g7_8: 1, g9_12: 1 }', '2014-15: { derive: { grow_by: [1%] } }'])).at).toEqual([]);
    const u = y(['a:', '  description: d', '  unit: USD', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 1', '    2014-15: unknown', '    2015-16: { derive: { grow_by: [1%] } }']);
    expect(run(u).at).toEqual(['LCFF-E051@9:16']);
  });

  const withCola = (step: string, extra: string[] = []) =>
    y([
      'cola:',
      '  description: COLA',
      '  unit: percent',
      '  cite: CDE',
      '  status: confirmed',
      '  values:',
      '    2014-15: 1%',
      'rate:',
      '  description: rate',
      '  unit: USD/ADA',
      '  cite: c',
      '  status: confirmed',
      '  values:',
      '    2013-14: 100',
      `    2014-15: { derive: { grow_by: [${step}], round: dollar } }`,
      ...extra,
    ]);

  it('E052 derive step naming an unknown parameter (with did-you-mean)', () => {
    const r = run(withCola('colla'));
    expect(r.at).toEqual(['LCFF-E052@15:36']);
    expect(r.all[0].message).toContain("'cola'");
  });

  it('E053 derive step naming a parameter with no value that year', () => {
    const r = run(withCola('cola').replace('    2014-15: 1%', '    2015-16: 1%'));
    expect(r.at).toEqual(['LCFF-E053@15:36']);
  });

  it('E054 published differs from derived (at the published member)', () => {
    const r = run(
      grants(['2012-13: { k3: 100, g4_6: 100, g7_8: 100, g9_12: 100 }', '2013-14:', '  derive: { grow_by: [1.5%], round: dollar }', '  published: { k3: 102, g4_6: 101 }']),
    );
    // 100 × 1.015 = 101.5 → 102 (half up): k3 matches, g4_6 does not.
    expect(r.at).toEqual(['LCFF-E054@11:35']);
    expect(r.all[0].message).toContain('derived 102 but published 101');
  });

  it('E055 the same parameter defined in two files, with related location', () => {
    const a = loadParameterFile('a.yaml', pct(['2013-14: 20%']));
    const b = loadParameterFile('b.yaml', pct(['2013-14: 20%']));
    const r = resolveParameters([...a.params, ...b.params]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.code}@${d.range.start.line}:${d.range.start.column}`)).toEqual(['b.yaml:LCFF-E055@1:1']);
    expect(r.diagnostics[0].related?.[0].file).toBe('a.yaml');
  });

  it('E056 wrong shapes: value and derive together; a list as a parameter; a scalar for a breakdown', () => {
    expect(run(y(['a:', '  description: d', '  unit: USD', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 1', '    2014-15: { value: 1, derive: { grow_by: [1%] } }'])).at).toEqual(['LCFF-E056@8:26']);
    expect(run(y(['a: [1, 2]'])).at).toEqual(['LCFF-E056@1:4']);
    expect(run(grants(['2012-13: 100'])).at).toEqual(['LCFF-E056@8:14']);
  });

  it('E057 a field value outside its allowed set (unit, status, round), with did-you-mean', () => {
    const r = run(y(['a:', '  description: d', '  unit: dollars', '  cite: c', '  status: confirmed', '  values:', '    2013-14: 1']));
    expect(r.at).toEqual(['LCFF-E057@3:9']);
    const s = run(pct(['2013-14: { value: 20%, status: confirmd }']));
    expect(s.at).toEqual(['LCFF-E057@7:36']);
    expect(s.all[0].message).toContain("'confirmed'");
    expect(run(withCola('cola').replace('round: dollar', 'round: penny')).at).toEqual(['LCFF-E057@15:50']);
  });

  it('E058 a derive step that is not a percent parameter', () => {
    const r = run(withCola('rate'));
    expect(r.at).toEqual(['LCFF-E058@15:36']);
  });

  it('E059 by names an unknown enum', () => {
    const r = run(grants(['2012-13: { k3: 1, g4_6: 1, g7_8: 1, g9_12: 1 }']).replace('by: grade_span', 'by: grade_spans'));
    expect(r.at).toEqual(['LCFF-E059@5:7']);
    expect(r.all[0].message).toContain("'grade_span'");
  });

  it('W040 a confirmed derived value resting on unconfirmed inputs without a published check', () => {
    const t = withCola('cola').replace('    2014-15: 1%', '    2014-15: { value: 1%, status: unconfirmed, note: guess }');
    const r = run(t);
    expect(r.at).toEqual(['LCFF-W040@15:5']);
    expect(r.all[0].severity).toBe('warning');
  });

  it('never throws on garbage', () => {
    for (const t of ['', ':', '- a\n- b', '"x"', 'a: 1', 'a:\n  values: 3', '\t\tx: [', 'a: { values: { 2013-14: [1] } }']) {
      expect(() => run(t)).not.toThrow();
    }
  });
});

describe('YAML errors at the end of a file (found by the fuzzers)', () => {
  it('an unclosed quote on the last line is positioned inside the file, for parameter files and the manifest', async () => {
    const { buildLibrary } = await import('../../src/semantics/workspace.js');
    const param = 'x:\n  description: "unclosed\n';
    const manifest = 'name: x\ncite: "unclosed\n';
    const lib = buildLibrary([
      { file: 'rules/params/x.yaml', text: param },
      { file: 'rules/library.yaml', text: manifest },
    ]);
    const yaml = lib.diagnostics.filter((d) => d.code === 'LCFF-E040' || d.code === 'LCFF-E060');
    expect(yaml.map((d) => d.file).sort()).toEqual(['rules/library.yaml', 'rules/params/x.yaml']);
    for (const d of yaml) expect(d.range.end.offset).toBeLessThanOrEqual((d.file.endsWith('library.yaml') ? manifest : param).length);
  });
});
