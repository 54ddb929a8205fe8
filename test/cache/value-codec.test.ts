/** The exact JSON form of cached reads (src/cache/value-codec.ts): what it keeps, what it refuses to write, what it refuses to read. */
import { describe, expect, it } from 'vitest';
import { CodecRefusal, decodeValue, encodeValue } from '../../src/cache/value-codec.js';
import { Dec } from '../../src/runtime/money.js';

/** What `value` reads back as, through JSON text as the cache stores it. */
const roundTrip = (value: unknown): unknown => decodeValue(JSON.parse(JSON.stringify(encodeValue(value))))?.value;

describe('value codec', () => {
  it('gives decimals back with the same digits, sign and exponent', () => {
    for (const text of ['0', '-0', '1.30', '9572.00', '0.000000000000000000000000000000000000000000001', '1e+70', '-123456789012345678901234567890.123456789', 'NaN', 'Infinity', '-Infinity']) {
      const d = new Dec(text);
      const back = roundTrip(d) as Dec;
      expect(back).toBeInstanceOf(Dec);
      expect([back.s, back.e, back.d]).toEqual([d.s, d.e, d.d]);
      expect(back.toFixed()).toBe(d.toFixed());
    }
    expect((roundTrip(new Dec('1.30')) as Dec).toString()).toBe('1.3');
  });

  it('keeps maps, sets, undefined, nested plain data and keys that start with $', () => {
    const value = { a: [1, 'x', true, null, undefined], m: new Map<string, unknown>([['k', { n: 2 }], ['$d', new Dec('2.5')]]), s: new Set(['p', 'q']), $d: 'not a tag', $$x: 1, u: undefined };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(Object.keys(back)).toEqual(Object.keys(value));
    expect('u' in back).toBe(true);
    expect(back.a).toHaveLength(5);
    expect(back.m.get('$d')).toBeInstanceOf(Dec);
  });

  it('keeps shared objects shared (a syntax node reached twice is one node, as the checker keys its maps by node)', () => {
    const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } };
    const name = { text: 'abc', range };
    const back = roundTrip({ decls: [{ name, range }, { name }], other: range }) as { decls: Array<{ name: object; range?: object }>; other: object };
    expect(back.decls[0].name).toBe(back.decls[1].name);
    expect(back.decls[0].range).toBe(back.other);
    expect((back.decls[0].name as { range: object }).range).toBe(back.other);
    const json = encodeValue({ x: [1], y: 2 });
    expect(json).toEqual({ x: [1], y: 2 }); // nothing shared: no ids
  });

  it('refuses what it cannot give back exactly', () => {
    class Other {
      x = 1;
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const proto = JSON.parse('{"__proto__": 1}') as object;
    for (const bad of [() => 1, Symbol('s'), 1n, Number.NaN, Infinity, -0, new Other(), Object.create(null) as object, new Date(0), cyclic, [1, , 3], proto]) {
      expect(() => encodeValue({ v: bad })).toThrow(CodecRefusal);
    }
  });

  it('refuses to read a form it never writes', () => {
    for (const bad of [JSON.parse('{"__proto__": {"polluted": 1}}') as unknown, JSON.parse('-0') as unknown, JSON.parse('1e999') as unknown, { $d: '1,5' }, { $d: 15 }, { $d: '1', x: 1 }, { $m: [[1]] }, { $m: {} }, { $s: 'ab' }, { $u: 1 }, { $r: 0 }, { $id: 1, $v: {} }, { $id: 0, $v: 5 }, { $q: 1 }, [{ $id: 0, $v: {} }, { $r: 1 }]]) {
      expect(decodeValue({ v: bad })).toBeUndefined();
    }
    expect(decodeValue([{ $id: 0, $v: { a: 1 } }, { $r: 0 }])?.value).toEqual([{ a: 1 }, { a: 1 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
