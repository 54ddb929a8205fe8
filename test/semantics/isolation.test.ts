/**
 * A failure of lcff itself on one file or declaration (a bug) becomes a
 * diagnostic there, LCFF-E039, and the rest of the library is still read and
 * checked (issue 7: one bad file used to stop every other file's
 * diagnostics). The failure is simulated by making the parser throw on one
 * file.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/syntax/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/syntax/parse.js')>();
  return {
    ...real,
    parseRuleFile: (file: string, text: string) => {
      if (file === 'boom.lcff') throw new RangeError('Maximum call stack size exceeded');
      return real.parseRuleFile(file, text);
    },
  };
});

vi.mock('../../src/semantics/expressions.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/semantics/expressions.js')>();
  return {
    ...real,
    checkExpr: (...args: Parameters<typeof real.checkExpr>) => {
      const e = args[2];
      if (e.kind === 'name' && e.name.text === 'explode') throw new TypeError("Cannot read properties of undefined (reading 'k')");
      return real.checkExpr(...args);
    },
  };
});

const { buildLibrary } = await import('../../src/semantics/workspace.js');

describe('isolation of files and declarations', () => {
  it('a file lcff fails on gets LCFF-E039; the other files keep their diagnostics', () => {
    const lib = buildLibrary([
      { file: 'boom.lcff', text: 'formula f() : Number\n  cite "EC 2574"\n  = 1\n' },
      { file: 'other.lcff', text: 'formula g() : Number\n  cite "EC 2574"\n  = unknown_thing\n' },
    ]);
    expect(lib.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['boom.lcff:1:1 LCFF-E039', 'other.lcff:3:5 LCFF-E010']);
    expect(lib.diagnostics[0].message).toBe(
      'lcff failed while reading this file ("Maximum call stack size exceeded"); this is a bug in lcff, please report it with this file. The rest of the rule library is checked without it',
    );
  });

  it('a declaration the checker fails on gets LCFF-E039 at its name; the next declaration is still checked', () => {
    const lib = buildLibrary([{ file: 'a.lcff', text: 'formula f() : Number\n  cite "EC 2574"\n  = explode\n\nformula g() : Number\n  cite "EC 2574"\n  = unknown_thing\n' }]);
    expect(lib.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['1:9 LCFF-E039', '7:5 LCFF-E010']);
    expect(lib.diagnostics[0].message).toMatch(/^lcff failed while checking formula f/);
  });
});
