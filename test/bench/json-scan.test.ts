/** The benchmark's streaming JSON checker (bench/json-scan.ts): valid and invalid documents, in chunks of any size, counts and captured values. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonScanner, type ScanOptions } from '../../bench/json-scan.js';
import { fuzzConfig } from '../fuzz/config.js';

function scan(text: string, chunk: number, opts: ScanOptions = {}) {
  const s = new JsonScanner(opts);
  const b = Buffer.from(text);
  for (let i = 0; i < b.length; i += chunk) s.write(b.subarray(i, i + chunk));
  return s.end();
}

describe('JsonScanner', () => {
  const doc = '{\n  "a": 1,\n  "categories": [{ "x": "é\\"\\\\n" }],\n  "findings": [ {"subject": "S1"}, 2, "three", null, [4], -1.5e3 ],\n  "empty": [ ],\n  "s": "x"\n}';

  it.each([1, 2, 7, 4096])('reads a document in chunks of %i bytes: counts, values, elements', (chunk) => {
    const elements: string[] = [];
    const r = scan(doc, chunk, { values: new Set(['categories', 's']), elements: new Set(['findings']), onElement: (k, t) => elements.push(`${k}=${t}`) });
    expect(r.valid).toBe(true);
    expect([...r.counts]).toEqual([
      ['categories', 1],
      ['findings', 6],
      ['empty', 0],
    ]);
    expect(JSON.parse(r.values.get('categories')!)).toEqual([{ x: 'é"\\n' }]);
    expect(r.values.get('s')).toBe('"x"');
    expect(elements.map((e) => e.replace(/\s+/g, ''))).toEqual(['findings={"subject":"S1"}', 'findings=2', 'findings="three"', 'findings=null', 'findings=[4]', 'findings=-1.5e3']);
  });

  it.each(['', '{', '{"a":1,}', '[1,]', '[01]', '{"a" 1}', '{"a":tru}', '{"a":1}}', '"\u0001"', '"\\x"', '"\\u12g4"', '[1 2]', '{"a":1} x', '[-]', '[1.]', '{1:2}'])('refuses %j', (text) => {
    expect(scan(text, 3).valid).toBe(false);
  });

  it('accepts every document JSON.stringify writes, in any chunking', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), fc.boolean(), (v, chunk, pretty) => {
        expect(scan(JSON.stringify(v, null, pretty ? 2 : undefined), chunk).valid).toBe(true);
      }),
      fuzzConfig(200),
    );
  });

  it('agrees with JSON.parse on mangled documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', ']', '}', '"', ':', '1', ' '), (v, at, insert) => {
        const text = JSON.stringify(v);
        const i = at % (text.length + 1);
        const mangled = text.slice(0, i) + insert + text.slice(i);
        let parses = true;
        try {
          JSON.parse(mangled);
        } catch {
          parses = false;
        }
        expect(scan(mangled, 5).valid).toBe(parses);
      }),
      fuzzConfig(300),
    );
  });
});
