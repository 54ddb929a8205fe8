/**
 * Defect 7 of issue 7 in the rule language: words that are properties of
 * every JavaScript object (`constructor`, `__proto__`, `toString`,
 * `hasOwnProperty`, `valueOf`) are ordinary names. Used right they work on
 * every stage (checker, the three evaluators, language server); used wrong they
 * get the normal diagnostics, never an internal error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/compile/program.js';
import { valueText } from '../../src/compile/values.js';
import { Dec } from '../../src/runtime/money.js';
import { evaluate } from '../../src/runtime/evaluate.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { allRequests, inProcessServer } from '../helpers/lsp-inprocess.js';
import { libraryWith } from '../helpers/library.js';

const DIR = new URL('./prototype/', import.meta.url).pathname;
const sources = ['words.lcff', 'words.yaml'].map((f) => ({ file: `prototype/${f}`, text: readFileSync(`${DIR}${f}`, 'utf8') }));

/** Facts with own properties named like Object.prototype's (assignment to __proto__ would set the prototype instead). */
function facts(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true });
  return { toString: o };
}

describe('prototype words as names', () => {
  it('enum constructor, facts toString, formula hasOwnProperty, decision __proto__, parameter constructor: checks clean', () => {
    expect(buildLibrary(sources).diagnostics).toEqual([]);
  });

  it('both evaluators agree on them, and an absent fact named like a prototype property is missing, not a function', async () => {
    const program = compileProgram(buildLibrary(sources), 2019);
    const run = async (f: Record<string, unknown>): Promise<string[][]> => {
      const out: string[][] = [];
      for (const path of ['engine', 'fast', 'kernel'] as const) {
        const o = await evaluate(program, '__proto__', f, path);
        out.push(o.firings.map((x) => `${x.rule.name}: ${Object.entries(x.outputs).map(([k, v]) => `${k}=${valueText(v)}`).join(' ')}`));
      }
      return out;
    };
    // hasOwnProperty(3) = 3 * constructor (parameter, 2) = 6
    const fired = await run(facts([['constructor', new Dec(3)], ['hasOwnProperty', '__proto__']]));
    expect(fired).toEqual([['toString: valueOf=6 constructor=toString'], ['toString: valueOf=6 constructor=toString'], ['toString: valueOf=6 constructor=toString']]);
    const missing = await run(facts([['constructor', new Dec(3)]]));
    expect(missing).toEqual([['constructor: valueOf=0 constructor=hasOwnProperty'], ['constructor: valueOf=0 constructor=hasOwnProperty'], ['constructor: valueOf=0 constructor=hasOwnProperty']]);
  });

  it('a facts group called __proto__ reaches json-rules-engine like any other', async () => {
    const text = 'facts __proto__\n  x : Number\nend\n\ndecision d for __proto__\n  cite "EC 2574"\n  output o : Number\n\n  rule r\n    cite "EC 2574"\n    effective 2019-20 onward\n    when __proto__.x > 1\n    then o = __proto__.x\nend\n';
    const lib = buildLibrary([{ file: 'p.lcff', text }]);
    expect(lib.diagnostics).toEqual([]);
    const program = compileProgram(lib, 2019);
    const input = Object.create(null) as Record<string, unknown>;
    input['__proto__'] = { x: new Dec(2) };
    for (const path of ['engine', 'fast', 'kernel'] as const) expect((await evaluate(program, 'd', input, path)).firings.map((f) => valueText(f.outputs.o))).toEqual(['2']);
  });

  it('misused, they get the normal diagnostics', async () => {
    const lib = await libraryWith([
      { file: 'bad.lcff', text: 'formula f() : Money\n  cite "EC 2574"\n  = toString + student.constructor + max(hasOwnProperty, $1)\n' },
      { file: 'rules/params/bad.yaml', text: '__proto__:\n  description: x\n  unit: number\n  cite: EC 2574\n  status: confirmed\n  values:\n    2019-20: { constructor: 1 }\nvalueof:\n  description: x\n  unit: constructor\n  by: constructor\n  cite: EC 2574\n  status: confirmed\n  values:\n    2019-20: 1\n' },
    ]);
    const mine = lib.diagnostics.filter((d) => d.file === 'bad.lcff' || d.file === 'rules/params/bad.yaml').map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`);
    expect(mine).toEqual([
      'bad.lcff:3:5 LCFF-E010',
      'bad.lcff:3:24 LCFF-E011',
      'bad.lcff:3:42 LCFF-E010',
      'rules/params/bad.yaml:1:1 LCFF-E057',
      'rules/params/bad.yaml:10:9 LCFF-E057',
      'rules/params/bad.yaml:11:7 LCFF-E059',
    ]);
  });

  it('every language-server request on every name of the file answers', () => {
    const server = inProcessServer();
    const paths = sources.map((s) => ({ file: resolve(DIR, s.file.replace('prototype/', '')), text: s.text }));
    const uris = paths.map((p) => server.open(p.file, p.text));
    const text = paths[0].text;
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (const m of lines[line].matchAll(/[A-Za-z_]+/g)) {
        const position = { line, character: m.index! + 1 };
        allRequests(server, uris[0], position, { start: position, end: { line: line + 1, character: 0 } }, 'renamed');
      }
    }
    expect(server.errors).toEqual([]);
  });
});
