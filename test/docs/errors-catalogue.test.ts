/**
 * docs/errors.md is the catalogue of every diagnostic code: a code emitted in
 * src/ or rules/ but not documented fails, and so does a documented code that
 * nothing emits. Each documented example is run: its input gives the code it
 * documents, at the position it shows.
 * How codes are found: test/helpers/errors-doc.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue, CODE, DOC, emittedCodes, key, printedBy } from '../helpers/errors-doc.js';

describe('docs/errors.md', () => {
  const entries = catalogue();
  const documented = entries.map((e) => e.code);

  it('documents every code emitted in src/ or rules/', () => {
    const emitted = emittedCodes();
    expect(emitted.size).toBeGreaterThan(100);
    const missing = [...emitted.keys()].filter((c) => !documented.includes(c)).sort().map((c) => `${c} (${emitted.get(c)!.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('documents no code that nothing emits', () => {
    const emitted = emittedCodes();
    expect(documented.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('has one regular section per code: a `### LCFF-X000` heading, in order, each with meaning, example and fix', () => {
    expect(documented.every((c) => CODE.test(c))).toBe(true);
    expect(new Set(documented).size).toBe(documented.length);
    const bad = entries.filter((e) => !/\*\*Meaning\.\*\*/.test(e.body) || !/\*\*Example\.\*\*/.test(e.body) || !/\*\*Fix\.\*\*/.test(e.body)).map((e) => e.code);
    expect(bad).toEqual([]);
    // an example prints its line, unless the code cannot be reached today and the entry says so ("**Example.** None …")
    const noPrint = entries.filter((e) => e.prints.length === 0 && !/\*\*Example\.\*\* None\b/.test(e.body)).map((e) => e.code);
    expect(noPrint).toEqual([]);
  });

  it('lists each code in the stage its range belongs to (ARCHITECTURE.md)', () => {
    const text = readFileSync(DOC, 'utf8');
    const stageOf = (code: string): string => {
      const n = Number(code.slice(6));
      switch (code[5]) {
        case 'E':
          return n <= 9 ? 'Syntax' : n <= 39 ? 'Semantics' : n <= 59 ? 'Parameter files' : n <= 79 ? 'The library manifest' : 'Reforms';
        case 'W':
          return n <= 39 ? 'Semantics' : n <= 79 ? 'Parameter files' : 'Reforms';
        case 'S':
          return 'Scenario input';
        case 'V':
          return 'Validation findings';
        default:
          return 'Fatal run errors';
      }
    };
    const wrong: string[] = [];
    let stage = '';
    for (const line of text.split('\n')) {
      const h2 = /^## (.+)$/.exec(line);
      if (h2) stage = h2[1];
      const h3 = /^### (LCFF-\w+)/.exec(line);
      if (h3 && !stage.startsWith(stageOf(h3[1]))) wrong.push(`${h3[1]} under "${stage}"`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('docs/errors.md examples', async () => {
  const runnable = catalogue().filter((e) => e.inputs.length > 0 && !/<!-- not run:/.test(e.body));

  it('are there for almost every code', () => expect(runnable.length).toBeGreaterThan(90));

  it.each(runnable.map((e) => [e.code, e] as const))('%s: the example prints what the catalogue shows', async (code, e) => {
    const printed = await printedBy(e);
    const wanted = e.prints.filter((l) => l.includes(code)).map(key);
    expect(wanted.length, `${code}: the printed block shows no line with ${code}`).toBeGreaterThan(0);
    const got = printed.map(key);
    expect([code, wanted.filter((w) => !got.includes(w))], `printed:\n${printed.join('\n')}`).toEqual([code, []]);
  });
});
