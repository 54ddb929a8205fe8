/**
 * YAML text → the positioned tree (tree.ts). Aliases, tags that make dates
 * or other objects, keys that are not names and nesting deeper than
 * MAX_DEPTH are reported here, once, at their position.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { visible } from '../core/safe-text.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { MAX_DEPTH, type Offsets, type SEntry, type SNode } from './tree.js';

export type Report = (code: string, message: string, range: Offsets, severity?: 'error' | 'warning') => void;

/** A parser message made safe and short: its first line, control characters escaped, at most 160 characters. */
export function parserMessage(message: string): string {
  const first = message.split('\n')[0];
  if (/maximum call stack/i.test(first)) return `the document nests too deeply (a scenario needs at most ${MAX_DEPTH} levels)`;
  const safe = visible(first);
  return safe.length > 160 ? `${safe.slice(0, 160)}…` : safe;
}

function offsets(node: { range?: [number, number, number] | null } | null | undefined, fallback: Offsets): Offsets {
  const r = node?.range;
  return r ? [r[0], r[1]] : fallback;
}

/** Parses YAML; the tree is undefined when the text has syntax errors (all reported). */
export function parseYamlTree(text: string, report: Report): SNode | undefined {
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    report(C.yamlSyntax, parserMessage((e as Error).message), [0, 0]);
    return undefined;
  }
  for (const e of doc.errors) report(C.yamlSyntax, parserMessage(e.message), [e.pos[0], e.pos[1]]);
  for (const w of doc.warnings) report(C.yamlSyntax, parserMessage(w.message), [w.pos[0], w.pos[1]], 'warning');
  if (doc.errors.length) return undefined;
  const whole: Offsets = [0, text.length];
  return convert(doc.contents as Node | null, whole, report);
}

function convert(top: Node | null, whole: Offsets, report: Report): SNode {
  const root: { n?: SNode } = {};
  const stack: Array<{ node: Node | null; depth: number; at: Offsets; set: (n: SNode) => void }> = [{ node: top, depth: 0, at: whole, set: (n) => (root.n = n) }];
  while (stack.length > 0) {
    const { node, depth, at, set } = stack.pop()!;
    const range = offsets(node, [at[1], at[1]]);
    if (depth > MAX_DEPTH) {
      report(C.wrongType, `the document nests deeper than ${MAX_DEPTH} levels; a scenario needs at most six`, range);
      set({ kind: 'bad', range });
      continue;
    }
    if (node === null || node === undefined) {
      set({ kind: 'scalar', value: null, number: false, range });
    } else if (isAlias(node)) {
      report(C.wrongType, 'YAML aliases (*name) are not read in a scenario: write the value out', range);
      set({ kind: 'bad', range });
    } else if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'boolean') set({ kind: 'scalar', value: v, number: false, range });
      else if (typeof v === 'number' || typeof v === 'bigint') set({ kind: 'scalar', value: node.source ?? String(v), number: true, range });
      else {
        report(C.wrongType, 'a value of a type a scenario cannot hold (a date or another tagged value): write it as text or a number', range);
        set({ kind: 'bad', range });
      }
    } else if (isSeq(node)) {
      const items: SNode[] = new Array(node.items.length);
      set({ kind: 'seq', items, range });
      node.items.forEach((item, i) => stack.push({ node: item as Node | null, depth: depth + 1, at: range, set: (n) => (items[i] = n) }));
    } else if (isMap(node)) {
      const entries: SEntry[] = [];
      set({ kind: 'map', entries, range });
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        const keyRange = offsets(k, [range[0], range[0]]);
        let key: string | undefined;
        if (isScalar(k) && typeof k.value === 'string') key = k.value;
        else if (isScalar(k) && (typeof k.value === 'number' || typeof k.value === 'bigint')) key = k.source ?? String(k.value);
        else report(C.wrongType, 'a key is a name (a text or a number); got a key of another kind', keyRange);
        const entry: SEntry = { key, keyRange, value: { kind: 'scalar', value: null, number: false, range: [keyRange[1], keyRange[1]] } };
        entries.push(entry);
        if (pair.value !== null && pair.value !== undefined) {
          stack.push({ node: pair.value as Node, depth: depth + 1, at: keyRange, set: (n) => (entry.value = n) });
        }
      }
    } else {
      report(C.wrongType, 'an unsupported YAML value', range);
      set({ kind: 'bad', range });
    }
  }
  return root.n ?? { kind: 'scalar', value: null, number: false, range: whole };
}
