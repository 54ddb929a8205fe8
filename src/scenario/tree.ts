/**
 * A positioned document tree, the same for YAML and strict JSON sources:
 * mappings, lists and scalars with their source offsets. The schema
 * validates the plain data made from it (`toData`), and every error the
 * schema finds is located back in it (`locate`) by its JSON pointer.
 *
 * Numbers become their source text in the data ("0.920", "0161119"), so the
 * schema's patterns check exactly what was written and no number is ever
 * read through a float.
 */
import { excerpt, visible } from '../core/safe-text.js';

export type Offsets = [number, number];

export interface SScalar {
  kind: 'scalar';
  /** strings as written (unescaped), numbers as their source text */
  value: string | boolean | null;
  number: boolean;
  range: Offsets;
}

export interface SEntry {
  /** undefined when the key is not a text or a number (reported when the tree was built) */
  key: string | undefined;
  keyRange: Offsets;
  value: SNode;
}

export interface SMap {
  kind: 'map';
  entries: SEntry[];
  range: Offsets;
}

export interface SSeq {
  kind: 'seq';
  items: SNode[];
  range: Offsets;
}

/** Something a scenario cannot hold (an alias, a date, a nesting too deep): reported when the tree was built. */
export interface SBad {
  kind: 'bad';
  range: Offsets;
}

export type SNode = SScalar | SMap | SSeq | SBad;

/** Data nodes never nest deeper than this; a scenario needs six levels. */
export const MAX_DEPTH = 64;

/** A path in the data: keys and list indexes. */
export type Path = ReadonlyArray<string | number>;

/** The JSON pointer ajv reports ("/students/3/ada") as a path. */
export function pointerPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pathPointer(path: Path): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `students[3].reported.transfer_code`; keys that are data (history years) or odd are shown escaped and bounded. */
export function fieldName(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const name = /^[\w$-]{1,64}$/.test(seg) ? seg : excerpt(seg, 30);
      out += out ? `.${name}` : name;
    }
  }
  return out;
}

/** The path with list indexes as numbers, as far as the tree goes (ajv reports every segment as text). */
export function typedPath(root: SNode, path: Path): Array<string | number> {
  const out: Array<string | number> = [];
  let node: SNode | undefined = root;
  for (const seg of path) {
    if (node?.kind === 'scalar') break; // the items of a basis written "wic_602;voluntary" are that text
    if (node?.kind === 'seq') {
      out.push(Number(seg));
      node = node.items[Number(seg)];
    } else {
      out.push(String(seg));
      node = node?.kind === 'map' ? findEntry(node, String(seg))?.value : undefined;
    }
  }
  return out;
}

/** A null-prototype record: user keys like "__proto__" or "constructor" are data, never inherited members. */
export type Obj = Record<string, unknown>;

export function newObj(): Obj {
  return Object.create(null) as Obj;
}

/**
 * The plain data of a tree: null-prototype objects, arrays, strings (numbers
 * as their source text), booleans and nulls. A bad node becomes `undefined`
 * inside lists and is left out of mappings; its problem is already reported.
 */
export function toData(node: SNode): unknown {
  // iterative, so no input can exhaust the stack
  const root: { v: unknown } = { v: undefined };
  const stack: Array<{ node: SNode; set: (v: unknown) => void }> = [{ node, set: (v) => (root.v = v) }];
  while (stack.length > 0) {
    const { node: n, set } = stack.pop()!;
    if (n.kind === 'scalar') set(n.value);
    else if (n.kind === 'seq') {
      const arr: unknown[] = new Array(n.items.length);
      set(arr);
      n.items.forEach((item, i) => stack.push({ node: item, set: (v) => (arr[i] = v) }));
    } else if (n.kind === 'map') {
      const obj = newObj();
      set(obj);
      // keys in document order (the stack pops the last pushed first)
      for (const e of n.entries) if (e.key !== undefined && e.value.kind !== 'bad') obj[e.key] = undefined;
      for (let i = n.entries.length - 1; i >= 0; i--) {
        const e = n.entries[i];
        if (e.key === undefined || e.value.kind === 'bad') continue;
        const key = e.key;
        stack.push({ node: e.value, set: (v) => (obj[key] = v) });
      }
    } else set(undefined);
  }
  return root.v;
}

/** The node at a path, with the key of its entry when it is a mapping value; the deepest node reached when the path leaves the tree. */
export function locate(root: SNode, path: Path): { node: SNode; keyRange?: Offsets; reached: number } {
  let node = root;
  let keyRange: Offsets | undefined;
  let i = 0;
  for (; i < path.length; i++) {
    const seg = path[i];
    if (node.kind === 'map') {
      const entry = findEntry(node, String(seg));
      if (!entry) break;
      node = entry.value;
      keyRange = entry.keyRange;
    } else if (node.kind === 'seq') {
      const idx = Number(seg);
      if (!Number.isInteger(idx) || idx < 0 || idx >= node.items.length) break;
      node = node.items[idx];
      keyRange = undefined;
    } else break; // inside a scalar: the items of "wic_602;voluntary" are that scalar
  }
  return { node, ...(keyRange ? { keyRange } : {}), reached: i };
}

function findEntry(map: SMap, key: string): SEntry | undefined {
  // the last entry wins, as in the data (duplicate keys are a syntax error anyway)
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i].key === key) return map.entries[i];
  return undefined;
}

/** "a list", "the number 2019", "the text "abc"" — what a value is, for messages. */
export function describeNode(node: SNode | undefined): string {
  if (!node) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'bad') return 'an unsupported value';
  const v = node.value;
  if (v === null) return 'nothing';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (node.number) return `the number ${visible(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `the text ${excerpt(v)}`;
}

/** A value as a message quotes it: numbers as written, texts as a bounded, escaped excerpt. */
export function showValue(node: SNode | undefined, value: unknown): string {
  if (node?.kind === 'scalar' && node.number && typeof node.value === 'string') return visible(node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value);
  if (typeof value === 'string') return excerpt(value);
  if (node) return describeNode(node);
  return typeof value === 'boolean' ? String(value) : 'nothing';
}
