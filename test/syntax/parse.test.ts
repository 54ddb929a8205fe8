import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { DecisionDecl, EnumDecl, Expr, FactsDecl, FormulaDecl } from '../../src/syntax/ast.js';
import { parseExpression, parseRuleFile } from '../../src/syntax/parse.js';
import { isKeyword, KEYWORDS, tokenInfos } from '../../src/syntax/tokens-info.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Compact S-expression form of an expression. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
    case 'percent':
    case 'money':
      return `${e.kind}:${e.text}`;
    case 'text':
      return JSON.stringify(e.value);
    case 'bool':
      return String(e.value);
    case 'year':
      return `year:${e.year}`;
    case 'name':
      return e.name.text;
    case 'fact':
      return [e.group, ...e.path].map((n) => n.text).join('.');
    case 'index':
      return `${e.target.text}[${show(e.index)}]`;
    case 'call':
      return `${e.callee.text}(${e.args.map(show).join(', ')})`;
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'is':
      return `(${show(e.left)} is${e.negated ? ' not' : ''} ${show(e.right)})`;
    case 'in':
      return `(${show(e.left)}${e.negated ? ' not' : ''} in ${show(e.list)})`;
    case 'present':
      return `(${show(e.operand)} is ${e.negated ? 'missing' : 'present'})`;
    case 'if':
      return `(if ${show(e.cond)} then ${show(e.then)} else ${show(e.else)})`;
    case 'round':
      return `round(${show(e.operand)}, ${typeof e.unit === 'string' ? e.unit : `${e.unit.places} places`}, ${e.mode})`;
  }
}

function expr(text: string): string {
  const r = parseExpression(text);
  expect(r.diagnostics).toEqual([]);
  return show(r.expr!);
}

describe('precedence', () => {
  test.each([
    ['a + b * c', '(a + (b * c))'],
    ['a * b + c', '((a * b) + c)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b * c', '((a / b) * c)'],
    ['-a * b', '((- a) * b)'],
    ['--a', '(- (- a))'],
    ['(a + b) * c', '((a + b) * c)'],
    ['not a and b', '((not a) and b)'],
    ['a or b and c', '(a or (b and c))'],
    ['not a = b', '(not (a = b))'],
    ['x in [a, b] or y', '((x in [a, b]) or y)'],
    ['x not in [a] and y is not z', '((x not in [a]) and (y is not z))'],
    ['a + 1 < b * 2', '((a + number:1) < (b * number:2))'],
    ['s.x is present or s.y is missing', '((s.x is present) or (s.y is missing))'],
    ['s.x is not present', '(s.x is missing)'],
    ['s.x is not missing', '(s.x is present)'],
    ['if a then b else c + 1', '(if a then b else (c + number:1))'],
    ['round(a * b) to cent + 1', '(round((a * b), cent, half_up) + number:1)'],
    ['round(a) to 3 places half even', 'round(a, 3 places, half_even)'],
    ['round(a) to dollar down', 'round(a, dollar, down)'],
    ['max(a, min(b, c))', 'max(a, min(b, c))'],
    ['p[span] * student.reported.code', '(p[span] * student.reported.code)'],
    ['f()', 'f()'],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });
});

describe('literals', () => {
  test.each([
    ['$9,572.00', 'money:9572.00'],
    ['$9572', 'money:9572'],
    ['$1,234,567', 'money:1234567'],
    ['20%', 'percent:20'],
    ['2.5%', 'percent:2.5'],
    ['2.50', 'number:2.50'],
    ['0.1000000000000000000001', 'number:0.1000000000000000000001'],
    ['2019-20', 'year:2019'],
    ['1999-00', 'year:1999'],
    ['true', 'true'],
    ['false', 'false'],
    ['"a \\"b\\" \\\\ c\\n"', JSON.stringify('a "b" \\ c\n')],
    ['[]', '[]'],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });

  test('2019-20 is a year, not 2019 minus 20; spaced minus is subtraction', () => {
    expect(expr('2019 - 20')).toBe('(number:2019 - number:20)');
  });

  test('bad fiscal year keeps a node and reports LCFF-E004', () => {
    const r = parseExpression('2019-21');
    expect(r.expr).toMatchObject({ kind: 'year', year: 2019 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['LCFF-E004']);
  });

  test('parseExpression reports trailing input and missing operands', () => {
    expect(parseExpression('a b').diagnostics.map((d) => d.code)).toEqual(['LCFF-E002']);
    const r = parseExpression('a +');
    expect(r.diagnostics[0].message).toBe(
      'expected a value (a name, a number, 20%, $100, "text", true, false, 2019-20, "(", "[", "if" or "round") but found the end of the file',
    );
    expect(r.expr && show(r.expr)).toBe('a');
  });
});

describe('doc comments', () => {
  const src = [
    '/// The enum.',
    '/// Second line.',
    'enum e',
    '  /// member doc',
    '  k1 "K one"',
    '  k2',
    'end',
    '',
    '// plain comment',
    'facts s',
    '  ///field doc',
    '  a : Text',
    'end',
    '/// decision doc',
    'decision d for s',
    '  /// output doc',
    '  output o : Text',
    '  /// rule doc',
    '  otherwise rule r cite "x" effective 2013-14 then o = "x"',
    'end',
  ].join('\n');
  const { ast, diagnostics } = parseRuleFile('doc.lcff', src);

  test('attach to declarations, members, fields, outputs and rules', () => {
    expect(diagnostics).toEqual([]);
    const [e, f, d] = ast.declarations as [EnumDecl, FactsDecl, DecisionDecl];
    expect(e.doc).toBe('The enum.\nSecond line.');
    expect(e.members[0].doc).toBe('member doc');
    expect(e.members[0].label).toBe('K one');
    expect(e.members[1].doc).toBeUndefined();
    expect(f.doc).toBeUndefined();
    expect(f.fields[0].doc).toBe('field doc');
    expect(d.doc).toBe('decision doc');
    expect(d.outputs[0].doc).toBe('output doc');
    expect(d.rules[0].doc).toBe('rule doc');
    expect(d.rules[0].otherwise).toBe(true);
  });
});

describe('ranges', () => {
  const src = 'enum e k end\n\n  formula  adjusted_base(span: grade_span) : Rate\n    cite "x"\n    = base[span] + 1\n';
  const { ast } = parseRuleFile('r.lcff', src);
  const f = ast.declarations[1] as FormulaDecl;

  test('name position: 1-based line/column, 0-based offset, end exclusive', () => {
    expect(f.name.range).toEqual({
      start: { line: 3, column: 12, offset: 25 },
      end: { line: 3, column: 25, offset: 38 },
    });
    expect(src.slice(f.name.range.start.offset, f.name.range.end.offset)).toBe('adjusted_base');
  });

  test('declaration and expression ranges cover their source', () => {
    const text = (r: { start: { offset: number }; end: { offset: number } }) => src.slice(r.start.offset, r.end.offset);
    expect(text(f.range)).toBe('formula  adjusted_base(span: grade_span) : Rate\n    cite "x"\n    = base[span] + 1');
    expect(text(f.body.range)).toBe('base[span] + 1');
    expect(text(f.params[0].type.range)).toBe('grade_span');
    expect(text(f.cites[0].range)).toBe('"x"');
    expect(f.cites[0].text).toBe('x');
  });
});

describe('recovery', () => {
  test('three errors in three rules: exactly three diagnostics, all rules kept', () => {
    const path = join(here, 'bad', 'three-rule-errors.lcff');
    const { ast, diagnostics } = parseRuleFile('t.lcff', readFileSync(path, 'utf8'));
    expect(diagnostics.map((d) => d.range.start.line)).toEqual([6, 11, 16]);
    const d = ast.declarations[0] as DecisionDecl;
    expect(d.rules.map((r) => r.name.text)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(d.rules[3].otherwise).toBe(true);
  });

  test('declarations after a broken one are still in the AST', () => {
    const path = join(here, 'bad', 'recovery-later-decls.lcff');
    const { ast, diagnostics } = parseRuleFile('t.lcff', readFileSync(path, 'utf8'));
    expect(diagnostics.length).toBeGreaterThan(0);
    const names = ast.declarations.map((d) => d.name.text);
    expect(names).toContain('first_enum');
    expect(names).toContain('later');
    expect(names).toContain('later_enum');
    expect(names).toContain('broken_facts');
  });

  test('a missing "end" does not swallow the next declaration', () => {
    const path = join(here, 'bad', 'missing-end.lcff');
    const { ast } = parseRuleFile('t.lcff', readFileSync(path, 'utf8'));
    expect(ast.declarations.map((d) => `${d.kind} ${d.name.text}`)).toEqual(['enum e', 'formula f', 'decision d', 'formula g']);
    expect((ast.declarations[0] as EnumDecl).members.map((m) => m.name.text)).toEqual(['k1', 'k2']);
  });

  test.each([
    ['an unfinished fact path', 'when s.'],
    ['an unfinished "is"', 'when s.x is'],
    ['a trailing comma after the assignments', 'when s.x is 1 then o = 1,'],
  ])('%s before the next rule keeps the next rule', (_, broken) => {
    const src = `decision d for s\n output o : Text\n rule a cite "x" effective 2013-14 ${broken}\n rule b cite "x" effective 2013-14 then o = 2\nend\n`;
    const { ast, diagnostics } = parseRuleFile('t.lcff', src);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range.start.line).toBe(4);
    const d = ast.declarations[0] as DecisionDecl;
    expect(d.rules.map((r) => r.name.text)).toEqual(['a', 'b']);
    expect(d.rules[1].then).toHaveLength(1);
  });

  test('never throws on arbitrary text', () => {
    const samples = ['', '   ', 'end end end', 'decision', 'formula f(', 'rule r when then', '"', '$', '2019-', 'enum e [ ( ) ] end', 'facts s a.b. : end'];
    for (const s of samples) expect(() => parseRuleFile('x.lcff', s)).not.toThrow();
    const src = readFileSync(join(here, 'good', 'decision.lcff'), 'utf8');
    for (let i = 0; i < src.length; i += 7) {
      expect(() => parseRuleFile('x.lcff', src.slice(0, i))).not.toThrow();
      expect(() => parseRuleFile('x.lcff', src.slice(0, i) + src.slice(i + 3))).not.toThrow();
    }
  });
});

describe('tokens info', () => {
  test('KEYWORDS are reserved and lexed as keywords', () => {
    expect(KEYWORDS).toContain('otherwise');
    expect(isKeyword('when')).toBe(true);
    expect(isKeyword('fiscal_year')).toBe(false);
    for (const k of KEYWORDS) expect(tokenInfos(k)[0].kind).toBe('keyword');
    expect(tokenInfos('formula_x for_y')[0]).toMatchObject({ kind: 'name', text: 'formula_x' });
  });

  test('token kinds with positions, comments included', () => {
    const ts = tokenInfos('/// d\nx = 2019-20 // c\n$1 2% 3 "s"');
    expect(ts.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'doc:/// d', 'name:x', 'operator:=', 'year:2019-20', 'comment:// c', 'money:$1', 'percent:2%', 'number:3', 'string:"s"',
    ]);
    expect(ts[1].range.start).toEqual({ line: 2, column: 1, offset: 6 });
  });
});

describe('real rule library', () => {
  test('every rules/**/*.lcff parses without syntax diagnostics', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const root = join(here, '..', '..', 'rules');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.lcff')) files.push(p);
      }
    };
    walk(root);
    for (const f of files) expect(parseRuleFile(f, readFileSync(f, 'utf8')).diagnostics).toEqual([]);
  });
});
