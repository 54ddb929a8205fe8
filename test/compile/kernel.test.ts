/**
 * The generated kernel (src/compile/kernel/): no text of a rule file becomes
 * code; constant firings are shared and frozen; the selection memo gives the
 * reference results; errors carry the rule and position of the reference.
 */
import { describe, expect, it } from 'vitest';
import { compileKernel } from '../../src/compile/kernel/index.js';
import { compileProgram, type Program } from '../../src/compile/program.js';
import { valueText } from '../../src/compile/values.js';
import { Dec } from '../../src/runtime/money.js';
import { evaluate } from '../../src/runtime/evaluate.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { outcome } from '../helpers/differential.js';

/** Texts that would end a JS string or template, open a comment, or break a line inside generated source. */
const HOSTILE = [
  `"); globalThis.__kernelPwned = 1; ("`,
  `\\"); globalThis.__kernelPwned = 2; //`,
  `\`; globalThis.__kernelPwned = 3; \``,
  `\${globalThis.__kernelPwned = 4}`,
  `*/ globalThis.__kernelPwned = 5; /*`,
  `\u2028globalThis.__kernelPwned = 6;\u2029`,
  `</script><script>globalThis.__kernelPwned = 7</script>`,
];

/** A DSL text literal for a string (the lexer's escapes: backslash before `"` and `\`). */
const lit = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Decision `d` of `program` by the kernel, asserted equal to json-rules-engine's outcome; the kernel's outcome text. */
async function kernelAsEngine(program: Program, facts: Record<string, unknown>): Promise<string> {
  const kernel = (await outcome(program, 'd', facts, 'kernel')).text;
  expect(kernel).toBe((await outcome(program, 'd', facts, 'engine')).text);
  return kernel;
}

function library(texts: string[]) {
  const rules = texts.map((t, i) => `  rule r${i}\n    cite "EC 2576"\n    effective 2019-20 onward\n    when s.word is ${lit(t)} or s.word in [${lit(t)}, "x"]\n    then said = ${lit(t)}, n = ${i}\n`).join('\n');
  const text = `enum kind\n  a\n  b\nend\n\nfacts s\n  word : Text\n  k : kind optional\nend\n\ndecision d for s collect\n  cite "EC 2576"\n  output said : Text\n  output n : Number\n\n${rules}end\n`;
  const lib = buildLibrary([{ file: 'hostile.lcff', text }]);
  expect(lib.diagnostics).toEqual([]);
  return lib;
}

describe('the kernel never evaluates rule-file text as code', () => {
  it('text literals that would break out of a JS string stay data: same outputs as the engine, nothing executed', async () => {
    const program = compileProgram(library(HOSTILE), 2019);
    const kernel = compileKernel(program, { memo: true });
    for (const [i, word] of HOSTILE.entries()) {
      const facts = { s: { word } };
      const o = await evaluate(program, 'd', facts, 'kernel');
      expect(o.firings.map((f) => [f.rule.name, valueText(f.outputs.said)])).toEqual([[`r${i}`, word]]);
      expect((await outcome(program, 'd', facts, 'kernel')).text).toBe((await outcome(program, 'd', facts, 'engine')).text);
      expect(kernel.decisions.get('d')!(facts, null, null).map((f) => f.outputs.said)).toEqual([word]);
    }
    expect((globalThis as Record<string, unknown>).__kernelPwned).toBeUndefined();
    // the raw texts are not in the source: only their JSON-escaped forms
    expect(kernel.source).not.toContain('\u2028');
    expect(kernel.source).not.toContain(HOSTILE[0]);
  });

  it('the source names only generated identifiers: no rule, fact or decision name appears outside a string literal', () => {
    const program = compileProgram(library(['plain']), 2019);
    const outsideStrings = compileKernel(program).source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
    for (const name of ['word', 'said', 'kind', 'hostile']) expect(outsideStrings).not.toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe('kernel behaviour', () => {
  const text = `facts s
  x : Number
  flag : Bool optional
end

decision d for s
  cite "EC 2576"
  output o : Number
  output tag : Text

  rule big
    cite "EC 2576"
    effective 2019-20 onward
    when s.flag is present and s.x > 10
    then o = s.x / 2, tag = "big"

  otherwise rule other
    cite "EC 2576"
    effective 2019-20 onward
    then o = 1, tag = "other"
end
`;
  const program = compileProgram(buildLibrary([{ file: 'k.lcff', text }]), 2019);

  it('a rule whose outputs read no fact fires one shared, frozen firing; others fire new ones', async () => {
    const a = await evaluate(program, 'd', { s: { x: new Dec(1) } }, 'kernel');
    const b = await evaluate(program, 'd', { s: { x: new Dec(2) } }, 'kernel');
    expect(a.firings[0]).toBe(b.firings[0]);
    expect(Object.isFrozen(a.firings[0].outputs)).toBe(true);
    expect(() => {
      (a.firings[0].outputs as Record<string, unknown>).o = new Dec(5);
    }).toThrow(TypeError);
    const c = await evaluate(program, 'd', { s: { x: new Dec(20), flag: true } }, 'kernel');
    const e = await evaluate(program, 'd', { s: { x: new Dec(30), flag: false } }, 'kernel');
    expect([valueText(c.firings[0].outputs.o), valueText(e.firings[0].outputs.o)]).toEqual(['10', '15']);
    expect(c.firings[0]).not.toBe(e.firings[0]);
  });

  it('an outputs object has no inherited names', async () => {
    const o = (await evaluate(program, 'd', { s: { x: new Dec(1) } }, 'kernel')).firings[0].outputs;
    expect(Object.keys(o)).toEqual(['o', 'tag']);
    expect(o.constructor).toBeUndefined();
    expect('toString' in o).toBe(false);
  });

  it('a wrong fact value fails as on the reference path: the fact declaration, the rule', async () => {
    const facts = { s: { x: '12', flag: true } };
    const kernel = await outcome(program, 'd', facts, 'kernel');
    expect(kernel.text).toBe('error k.lcff:2:3 fact s.x is declared Number but holds the text "12"');
    expect(kernel.text).toBe((await outcome(program, 'd', facts, 'engine')).text);
    await expect(evaluate(program, 'd', facts, 'kernel')).rejects.toMatchObject({ rule: 'd.big' });
  });
});

describe('the selection memo', () => {
  it('keys funding_category by school kind, operator, basis set, charter and residence present; student_findings (text comparisons) is not memoised', async () => {
    const { bundledLibrary } = await import('../helpers/library.js');
    const { memoKey } = await import('../../src/compile/kernel/analysis.js');
    const { FactReaders } = await import('../../src/compile/kernel/facts.js');
    const { Module } = await import('../../src/compile/kernel/module.js');
    const lib = await bundledLibrary();
    const program = compileProgram(lib, 2023);
    const readers = new FactReaders(new Module(), lib);
    const key = memoKey(lib, readers, program.decisions.get('funding_category')!);
    expect(key?.map((f) => `${f.group}.${f.path} ${f.enc}`).sort()).toEqual(['school.charter presence', 'school.kind enum', 'school.operator enum', 'student.basis mask', 'student.district_of_residence presence']);
    expect(memoKey(lib, readers, program.decisions.get('student_findings')!)).toBeUndefined();
  });
});

describe('fact reads', () => {
  const text = `facts s
  x : Number
  flag : Bool optional
  words : list of Text
end

decision d for s
  cite "EC 2576"
  output o : Number

  rule has_a
    cite "EC 2576"
    effective 2019-20 onward
    when "a" in s.words and s.flag is present
    then o = s.x

  otherwise rule other
    cite "EC 2576"
    effective 2019-20 onward
    then o = 0
end
`;
  const program = compileProgram(buildLibrary([{ file: 'r.lcff', text }]), 2019);
  const same = (facts: Record<string, unknown>): Promise<string> => kernelAsEngine(program, facts);

  it('a value inherited from a prototype is missing, as on the reference path (the property is loaded before the prototype is asked)', async () => {
    const inherited = Object.create({ x: new Dec(7), flag: true, words: ['a'] }) as Record<string, unknown>;
    expect(await same({ s: inherited })).toMatch(/^error .*fact s\.words/);
    expect(await same({ s: Object.assign(Object.create({ flag: true }) as object, { x: new Dec(7), words: ['a'] }) })).not.toContain('7');
    expect(await same(Object.create({ s: { x: new Dec(7), flag: true, words: ['a'] } }) as Record<string, unknown>)).toMatch(/^error /);
    expect(await same({ s: { x: new Dec(7), flag: true, words: ['a'] } })).toContain('7');
  });

  it('a frozen list of text is checked once and remembered (four at a time); an unfrozen one is checked on every read', async () => {
    const lists = ['a', 'b', 'c', 'd', 'e'].map((w) => Object.freeze([w, 'a']));
    for (let round = 0; round < 2; round++) for (const words of lists) expect(await same({ s: { x: new Dec(1), flag: true, words } })).toContain('1');
    const words: unknown[] = ['a'];
    expect(await same({ s: { x: new Dec(2), flag: true, words } })).toContain('2');
    words.push(3);
    expect(await same({ s: { x: new Dec(2), flag: true, words } })).toMatch(/^error .*fact s\.words/);
    const bad = Object.freeze(['a', 4]);
    for (let round = 0; round < 2; round++) expect(await same({ s: { x: new Dec(2), flag: true, words: bad } })).toMatch(/^error .*fact s\.words/);
  });
});

describe('enum members by table', () => {
  // members named like Object.prototype's: the table has no prototype, so only members answer
  const text = `enum word
  constructor
  __proto__
  plain
end

facts s
  w : word
  ws : list of word
end

decision d for s collect
  cite "EC 2576"
  output n : Number

  rule proto
    cite "EC 2576"
    effective 2019-20 onward
    when s.w is __proto__
    then n = 1

  rule ctor_in_list
    cite "EC 2576"
    effective 2019-20 onward
    when s.w in [constructor, plain] and constructor in s.ws
    then n = 2
end
`;
  const program = compileProgram(buildLibrary([{ file: 'r.lcff', text }]), 2019);
  const same = (facts: Record<string, unknown>): Promise<string> => kernelAsEngine(program, facts);

  const fired = (...rules: Array<[string, number]>): string => JSON.stringify(rules.map(([r, n]) => [r, [['n', String(n)]]]));

  it('a member named like a prototype property is found; any other such name is not a member', async () => {
    expect(await same({ s: { w: '__proto__', ws: [] } })).toBe(fired(['proto', 1]));
    expect(await same({ s: { w: 'constructor', ws: ['constructor'] } })).toBe(fired(['ctor_in_list', 2]));
    expect(await same({ s: { w: 'plain', ws: ['plain', 'constructor'] } })).toBe(fired(['ctor_in_list', 2]));
    expect(await same({ s: { w: 'plain', ws: ['__proto__'] } })).toBe(fired());
    for (const w of ['toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'length', 'Plain', 'plain ']) expect(await same({ s: { w, ws: [] } })).toMatch(/^error .*fact s\.w\b/);
    expect(await same({ s: { w: 'plain', ws: ['toString'] } })).toMatch(/^error .*fact s\.ws\b/);
  });

  it('a text cut out of a larger one (as a CSV reader makes it) is the member it spells', async () => {
    const [, w, p, longer] = 'x,constructor,__proto__,plainer'.split(',');
    expect(await same({ s: { w, ws: [w] } })).toBe(fired(['ctor_in_list', 2]));
    expect(await same({ s: { w: p, ws: [] } })).toBe(fired(['proto', 1]));
    expect(await same({ s: { w: longer.slice(0, 5), ws: [w] } })).toBe(fired(['ctor_in_list', 2]));
    expect(await same({ s: { w: longer, ws: [] } })).toMatch(/^error .*fact s\.w\b/);
  });
});

describe('parameter reads and formula calls', () => {
  const rules = `facts s
  x : Number
end

formula doubled(n: Number) : Number
  cite "EC 2576"
  = n * 2

decision d for s collect
  cite "EC 2576"
  output o : Number

  rule fixed
    cite "EC 2576"
    effective 2019-20 onward
    then o = doubled(rate)

  rule per_x
    cite "EC 2576"
    effective 2019-20 onward
    when rate > 0 and s.x > 1
    then o = s.x * rate
end
`;
  const params = `rate:\n  description: test\n  unit: number\n  cite: EC 2576\n  status: confirmed\n  values:\n    2019-20: "3"\n`;
  const lib = buildLibrary([
    { file: 'p.lcff', text: rules },
    { file: 'p.yaml', text: params },
  ]);
  const program = compileProgram(lib, 2019);
  const records = (o: { reads: Array<{ name: string }>; calls: string[] }): string[] => [...o.reads.map((r) => `read ${r.name}`), ...o.calls.map((c) => `call ${c}`)];

  it('the kernel records what the closures record: a shared firing replays its reads and calls on every use', async () => {
    expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const x of ['5', '0', '7']) {
      const facts = { s: { x: new Dec(x) } };
      const kernel = await evaluate(program, 'd', facts, 'kernel');
      expect(records(kernel)).toEqual(records(await evaluate(program, 'd', facts, 'fast')));
      expect(records(kernel)).toEqual(x === '0' ? ['read rate', 'read rate', 'call doubled'] : ['read rate', 'read rate', 'read rate', 'call doubled']);
    }
  });

  it('a decision that fails hands over the records made before the failure, as it did when it pushed them as it went', () => {
    const run = compileKernel(program).decisions.get('d')!;
    const reads: Array<{ name: string }> = [];
    const calls: string[] = [];
    expect(() => run({ s: { x: 'twelve' } }, reads as never, calls)).toThrow(/fact s\.x/);
    expect(records({ reads, calls })).toEqual(['read rate', 'read rate', 'call doubled']);
    // the next evaluation starts clean
    const after = { reads: [] as Array<{ name: string }>, calls: [] as string[] };
    run({ s: { x: new Dec(0) } }, after.reads as never, after.calls);
    expect(records(after)).toEqual(['read rate', 'read rate', 'call doubled']);
  });
});
