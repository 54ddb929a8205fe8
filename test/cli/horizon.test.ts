/**
 * The library's horizon (rules/library.yaml): every command asked about a
 * year the library does not hold law for exits 2 and says which years it
 * covers, instead of computing with the last year's values (issue: "years
 * past the library pass silently").
 */
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { outsideHorizon } from '../../src/params/manifest.js';
import { lcff } from '../helpers/cli.js';

const COVERS = /the rule library covers 2013-14 through 2025-26 \(rules\/library\.yaml\)/;

describe('years outside the library', () => {
  it.each([
    [['run', 'examples/2019-20-county-charter', '--year', '2026-27'], 'past'],
    [['run', 'examples/2019-20-county-charter', '--year', '2099-00'], 'past'],
    [['rates', '--year', '2030-31'], 'past'],
    [['diff', '2025-26', '2026-27'], 'past'],
    [['compile', '--year', '2026-27'], 'past'],
    [['rates', '--year', '2012-13'], 'before'],
    [['run', 'examples/2019-20-county-charter', '--year', '2012-13'], 'before'],
    [['explain', 'examples/2019-20-county-charter', 'S001', '--year', '2026-27'], 'past'],
  ])('lcff %j exits 2 naming the covered years', (args, where) => {
    const r = lcff(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(COVERS);
    expect(r.stderr).toMatch(where === 'past' ? /past the library's last year of enacted law/ : /before the library's first year/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('still runs the last year of the library', () => {
    expect(lcff(['rates', '--year', '2025-26']).code).toBe(0);
  });
});

describe('the manifest', () => {
  it('is the one place the horizon is declared', () => {
    const lib = buildLibrary([{ file: 'r/library.yaml', text: 'name: t\nfirst_year: 2014-15\nlast_year: 2016-17\ncite: "EC 2574"\n' }]);
    expect(lib.diagnostics).toEqual([]);
    expect(lib.horizon).toEqual({ first: 2014, last: 2016, file: 'r/library.yaml' });
    expect(outsideHorizon(lib.horizon, 2017)).toMatch(/2017-18 is past .* covers 2014-15 through 2016-17/);
    expect(outsideHorizon(lib.horizon, 2015)).toBeUndefined();
  });

  it('reports a bad manifest at its line and column', () => {
    const lib = buildLibrary([{ file: 'r/library.yaml', text: 'name: t\nfirst_year: 2014-16\nlast_year: 2013-14\ncolour: red\n' }]);
    const lines = lib.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);
    expect(lines).toEqual(['1:1 LCFF-E061', '2:13 LCFF-E062', '4:1 LCFF-E061']);
  });

  it('without a manifest, a partial library covers the years its files name', () => {
    const lib = buildLibrary([{ file: 'a.lcff', text: 'enum k\n  a\nend\ndecision d for s\n  output o : k\n  rule r\n    cite "EC 1"\n    effective 2015-16..2017-18\n    then o = a\nend\n' }]);
    expect(lib.horizon).toEqual({ first: 2015, last: 2017 });
  });
});
