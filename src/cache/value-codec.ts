/**
 * An exact JSON form of what reading a library file produces (syntax trees,
 * parameter values, diagnostics): plain objects and arrays as themselves,
 * and tagged objects for what JSON cannot hold — decimals of
 * src/runtime/money.ts (`{"$d": text}`), Maps (`{"$m": [[k, v], …]}`), Sets
 * (`{"$s": […]}`), `undefined` (`{"$u": 0}`), and an object reached more
 * than once (`{"$id": n, "$v": …}` the first time, `{"$r": n}` after), so
 * that a decoded tree has the same sharing as the one encoded. A plain
 * object's own key starting with `$` is written with one more `$`.
 *
 * Encoding refuses (throws CodecRefusal) anything it cannot give back
 * exactly: functions, symbols, bigints, non-finite numbers or -0, objects of
 * any other class, a decimal whose text does not read back to the same
 * digits, a key `__proto__`. Decoding refuses (returns undefined) any tag
 * or form encoding never writes.
 */
import { Dec } from '../runtime/money.js';

export class CodecRefusal extends Error {}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype;
};

function decimalText(d: Dec): string {
  const text = d.isZero() && d.isNegative() ? '-0' : d.toString();
  const back = new Dec(text);
  const same = Object.is(back.s, d.s) && Object.is(back.e, d.e) && (back.d === d.d || (Array.isArray(back.d) && Array.isArray(d.d) && back.d.length === d.d.length && back.d.every((x, i) => x === d.d[i])));
  if (!same) throw new CodecRefusal(`a decimal does not read back exactly: ${text}`);
  return text;
}

/** The JSON form of `value`; throws CodecRefusal for what it cannot give back exactly. */
export function encodeValue(value: unknown): Json {
  // first pass: objects reached more than once
  const seen = new Set<object>();
  const shared = new Set<object>();
  const open = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (open.has(v)) throw new CodecRefusal('an object that contains itself');
    if (seen.has(v)) {
      shared.add(v);
      return;
    }
    seen.add(v);
    open.add(v);
    if (v instanceof Map) for (const [k, x] of v) (walk(k), walk(x));
    else if (v instanceof Set) for (const x of v) walk(x);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (!(v instanceof Dec)) for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k]);
    open.delete(v);
  };
  walk(value);
  const ids = new Map<object, number>();
  const enc = (v: unknown): Json => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'undefined':
        return { $u: 0 };
      case 'number':
        if (!Number.isFinite(v) || Object.is(v, -0)) throw new CodecRefusal(`a number JSON cannot hold: ${String(v)}`);
        return v;
      case 'object': {
        if (v === null) return null;
        const id = ids.get(v);
        if (id !== undefined) return { $r: id };
        if (shared.has(v)) {
          const n = ids.size;
          ids.set(v, n);
          return { $id: n, $v: body(v) };
        }
        return body(v);
      }
      default:
        throw new CodecRefusal(`a ${typeof v} cannot be kept`);
    }
  };
  const body = (v: object): Json => {
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype) throw new CodecRefusal('an array of another class');
      const out: Json[] = [];
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) throw new CodecRefusal('an array with holes');
        out.push(enc(v[i]));
      }
      return out;
    }
    if (v instanceof Dec) return { $d: decimalText(v) };
    if (v instanceof Map) return { $m: [...v].map(([k, x]) => [enc(k), enc(x)]) };
    if (v instanceof Set) return { $s: [...v].map(enc) };
    if (!isPlain(v)) throw new CodecRefusal(`an object of class ${(v as { constructor?: { name?: string } }).constructor?.name ?? '?'}`);
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) {
      if (k === '__proto__') throw new CodecRefusal('a key __proto__');
      out[k.startsWith('$') ? `$${k}` : k] = enc((v as Record<string, unknown>)[k]);
    }
    return out;
  };
  return enc(value);
}

class Bad extends Error {}

/** A number JSON.parse can give that encodeValue never writes: -0, or a literal too large (Infinity). */
const badNumber = (x: number): boolean => (x === 0 ? 1 / x < 0 : !Number.isFinite(x));

/**
 * The value `json` encodes, or undefined when it is not something
 * encodeValue writes. `json` is fresh from JSON.parse and is decoded in place
 * (plain objects and arrays are kept, their tagged members replaced): a
 * command decodes once, at start-up, and building every node again would
 * double its cost.
 */
export function decodeValue(json: unknown): { value: unknown } | undefined {
  const defined = new Map<number, unknown>();
  let next = 0;
  /** a member of an object or array: itself, or what it encodes */
  const member = (x: unknown): unknown => {
    if (typeof x === 'object' && x !== null) return dec(x);
    if (typeof x === 'number' && badNumber(x)) throw new Bad();
    return x;
  };
  const dec = (o: object): unknown => {
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) o[i] = member(o[i]);
      return o;
    }
    const r = o as Record<string, unknown>;
    let tag: string | undefined;
    let escaped = false;
    let n = 0;
    for (const k in r) {
      n++;
      if (k === '__proto__') throw new Bad(); // never written; assigning it would set a prototype
      if (k.charCodeAt(0) === 36 /* $ */) {
        if (k.charCodeAt(1) === 36) escaped = true;
        else if (tag === undefined) tag = k;
        else if (!(tag === '$id' && k === '$v') && !(tag === '$v' && k === '$id')) throw new Bad();
      }
    }
    if (tag === undefined) {
      if (!escaped) {
        for (const k in r) r[k] = member(r[k]);
        return r;
      }
      const out: Record<string, unknown> = {};
      for (const k in r) {
        const name = k.charCodeAt(0) === 36 ? k.slice(1) : k;
        if (name === '__proto__') throw new Bad();
        out[name] = member(r[k]);
      }
      return out;
    }
    switch (tag) {
      case '$u':
        if (n !== 1 || r.$u !== 0) throw new Bad();
        return undefined;
      case '$d': {
        if (n !== 1 || typeof r.$d !== 'string' || !/^-?(\d+(\.\d+)?(e[+-]?\d+)?|NaN|Infinity)$/.test(r.$d)) throw new Bad();
        return new Dec(r.$d);
      }
      case '$m': {
        if (n !== 1 || !Array.isArray(r.$m)) throw new Bad();
        const m = new Map<unknown, unknown>();
        for (const pair of r.$m as unknown[]) {
          if (!Array.isArray(pair) || pair.length !== 2) throw new Bad();
          m.set(member(pair[0]), member(pair[1]));
        }
        return m;
      }
      case '$s': {
        if (n !== 1 || !Array.isArray(r.$s)) throw new Bad();
        return new Set((r.$s as unknown[]).map(member));
      }
      case '$r': {
        if (n !== 1 || typeof r.$r !== 'number' || !defined.has(r.$r)) throw new Bad();
        return defined.get(r.$r);
      }
      case '$id':
      case '$v': {
        // ids are numbered in the order encoding first met them; no object contains itself, so a reference always follows its object's end
        if (n !== 2 || r.$id !== next) throw new Bad();
        next++;
        const v = member(r.$v);
        if (typeof v !== 'object' || v === null) throw new Bad();
        defined.set(r.$id, v);
        return v;
      }
      default:
        throw new Bad();
    }
  };
  try {
    return { value: member(json) };
  } catch {
    // Bad, or a RangeError of a tree too deep or a decimal.js refusal
    return undefined;
  }
}
