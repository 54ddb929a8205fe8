/**
 * Defect 6 of issue 7 (deep nesting crashed check and fmt with "Maximum call
 * stack size exceeded", exit 3, and hid every other file's diagnostics) and
 * the limits that replace the crash: LCFF-E009 at file:line:col for nesting
 * past MAX_NESTING, files past MAX_SOURCE_CHARS and parses past
 * MAX_SYNTAX_ERRORS. Long flat chains are not nesting and must work on every
 * stage, the evaluators included.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { valueText } from '../../src/compile/values.js';
import { formatRuleText } from '../../src/format/index.js';
import { loadParameterFile } from '../../src/params/index.js';
import { Dec } from '../../src/runtime/money.js';
import { evaluate } from '../../src/runtime/evaluate.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { MAX_NESTING, MAX_SOURCE_CHARS, MAX_SYNTAX_ERRORS } from '../../src/syntax/limits.js';
import { parseExpression, parseRuleFile } from '../../src/syntax/parse.js';
import { lcff } from '../helpers/cli.js';

const formula = (body: string): string => `formula f() : Number\n  cite "EC 2576"\n  = ${body}\n`;
const codes = (text: string): string[] => parseRuleFile('t.lcff', text).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`);

describe('nesting limit (LCFF-E009)', () => {
  it(`${MAX_NESTING} nested parentheses parse; one more is E009 at the parenthesis that crosses the limit`, () => {
    expect(codes(formula(`${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`))).toEqual([]);
    expect(codes(formula(`${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`))).toEqual([`3:${5 + MAX_NESTING} LCFF-E009`]);
  });

  it('10,000 nested parentheses: one positioned diagnostic, no stack overflow; the next declaration is still read', () => {
    const text = `${formula(`${'('.repeat(10000)}1${')'.repeat(10000)}`)}formula g() : Number\n  cite "EC 2576"\n  = 1 +\n`;
    const { ast, diagnostics } = parseRuleFile('t.lcff', text);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['3:69 LCFF-E009', '6:8 LCFF-E002']);
    expect(diagnostics[0].message).toMatch(/nests more than 64 levels deep/);
    expect(ast.declarations.map((d) => d.name.text)).toEqual(['g']);
  });

  it.each([
    ['300 nested ifs', `${'if true then '.repeat(300)}1${' else 2'.repeat(300)}`],
    ['an else-if chain of 300', `${'if true then 1 else '.repeat(300)}1`],
    ['300 nots', `if ${'not '.repeat(300)}true then 1 else 2`],
    ['300 unary minus', `${'- '.repeat(300)}1`],
    ['300 nested lists', `max(${'['.repeat(300)}1${']'.repeat(300)}, 1)`],
    ['300 nested calls', `${'max(1, '.repeat(300)}1${')'.repeat(300)}`],
  ])('%s: E009, no crash', (_, body) => {
    expect(codes(formula(body)).map((c) => c.split(' ')[1])).toEqual(['LCFF-E009']);
  });

  it('parseExpression applies the same limit', () => {
    expect(parseExpression(`${'('.repeat(500)}1${')'.repeat(500)}`).diagnostics.map((d) => d.code)).toEqual(['LCFF-E009']);
  });

  it('a sum of 2,200 terms and an and-chain of 2,200 tests are flat: they parse, check, format and evaluate on the three paths', async () => {
    const sum = Array.from({ length: 2200 }, (_, i) => `s.x * ${i % 7}`).join(' + ');
    const chain = Array.from({ length: 2200 }, (_, i) => `s.x > -${i}`).join(' and ');
    const text = `facts s\n  x : Number\nend\n\ndecision d for s\n  cite "EC 2576"\n  output total : Number\n\n  rule r\n    cite "EC 2576"\n    effective 2019-20 onward\n    when ${chain}\n    then total = ${sum}\nend\n`;
    const lib = buildLibrary([{ file: 'flat.lcff', text }]);
    expect(lib.diagnostics).toEqual([]);
    expect(formatRuleText(text)).toBe(text);
    const program = compileProgram(lib, 2019);
    // sum of (i mod 7) for i < 2200 = 314 full cycles of 21, plus 0+1 = 6595
    for (const path of ['engine', 'fast', 'kernel'] as const) {
      const o = await evaluate(program, 'd', { s: { x: new Dec(1) } }, path);
      expect(o.firings.map((f) => valueText(f.outputs.total))).toEqual(['6595']);
    }
  });
});

describe('size and error limits (LCFF-E009)', () => {
  it(`a file over ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters is not read: one diagnostic at 1:1, other files still checked`, () => {
    const big = `// ${'x'.repeat(MAX_SOURCE_CHARS)}\n`;
    const lib = buildLibrary([
      { file: 'big.lcff', text: big },
      { file: 'big.yaml', text: `# ${'x'.repeat(MAX_SOURCE_CHARS)}\n` },
      { file: 'other.lcff', text: formula('nothing') },
    ]);
    expect(lib.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`)).toEqual(['big.lcff:1:1 LCFF-E009', 'big.yaml:1:1 LCFF-E009', 'other.lcff:3:5 LCFF-E010']);
    expect(formatRuleText(big)).toBeUndefined();
  });

  it(`after ${MAX_SYNTAX_ERRORS} syntax errors the rest of a file is not read`, () => {
    const text = Array.from({ length: 400 }, (_, i) => `formula f${i}() : Number cite "EC 2576" = 1 +`).join('\n');
    const ds = parseRuleFile('t.lcff', text).diagnostics;
    expect(ds.filter((d) => d.code === 'LCFF-E002').length).toBeLessThanOrEqual(MAX_SYNTAX_ERRORS);
    expect(ds.filter((d) => d.code === 'LCFF-E009').map((d) => d.message)).toEqual([`more than ${MAX_SYNTAX_ERRORS} syntax errors: the rest of this file is not read; fix the errors above first`]);
  });

  it('a parameter file with 50,000 keys is read without overflowing the stack (each key reported)', () => {
    const text = Array.from({ length: 50000 }, (_, i) => `k${i}: 1`).join('\n');
    expect(text.length).toBeLessThan(MAX_SOURCE_CHARS);
    const { diagnostics } = loadParameterFile('many.yaml', text);
    expect(diagnostics).toHaveLength(50000);
    expect(diagnostics[49999]).toMatchObject({ code: 'LCFF-E056', range: { start: { line: 50000 } } });
  });

  it('absurd YAML nesting is a YAML error in words, not a stack overflow', () => {
    const { diagnostics } = loadParameterFile('deep.yaml', `a: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(['LCFF-E040']);
    expect(diagnostics[0].message).toMatch(/nested too deeply/);
  });
});

describe('lcff check and fmt on 10,000 nested parentheses (the reported crash)', () => {
  it('check: exit 1, the positioned E009, and the other file\'s diagnostics; fmt: exit 1 and a message, never exit 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcff-deep-'));
    writeFileSync(join(dir, 'deep.lcff'), formula(`${'('.repeat(10000)}1${')'.repeat(10000)}`));
    writeFileSync(join(dir, 'other.lcff'), 'formula g() : Number\n  cite "EC 2576"\n  = unknown_thing\n');
    const check = lcff(['check', dir, '--quiet']);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(/deep\.lcff:3:69 LCFF-E009 error: this expression nests more than 64 levels deep/);
    expect(check.stdout).toMatch(/other\.lcff:3:5 LCFF-E010 error: unknown name "unknown_thing"/);
    const fmt = lcff(['fmt', '--check', join(dir, 'deep.lcff')]);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toMatch(/deep\.lcff: has syntax errors \(run lcff check\); not formatted/);
  });
});

describe('a rule path that does not exist', () => {
  it('check, fmt and compile --rules: exit 2 with one line, not an internal error (exit 3)', () => {
    for (const args of [['check', 'no/such/rules'], ['fmt', 'no/such/rules'], ['compile', '--rules', 'no/such/rules', '--year', '2019-20']]) {
      const r = lcff(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('cannot read no/such/rules: no such file or folder\n');
    }
  });
});
