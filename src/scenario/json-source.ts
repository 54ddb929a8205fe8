/**
 * Strict JSON text (RFC 8259) → the positioned tree (tree.ts). A `.json`
 * scenario is JSON, not YAML: a trailing comma, a comment, a single quote or
 * a leading zero is a syntax error at its line and column, never read
 * silently. Duplicate keys are an error too (JSON.parse would keep the last).
 * The scanner is iterative: no input can exhaust the stack.
 */
import { ScenarioCodes as C } from './diagnostic-codes.js';
import { MAX_DEPTH, type Offsets, type SEntry, type SMap, type SNode, type SSeq } from './tree.js';
import type { Report } from './yaml-source.js';

class JsonSyntax extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const ESCAPES = new Map([['"', '"'], ['\\', '\\'], ['/', '/'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t']]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  if (/[\w{}[\]:,"'.+-]/.test(ch)) return `"${ch}"`;
  return `the character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

type Frame = { node: SSeq; keys?: undefined } | { node: SMap; keys: Set<string> };

export function parseJsonTree(text: string, report: Report): SNode | undefined {
  try {
    return scan(text);
  } catch (e) {
    if (e instanceof JsonSyntax) {
      report(C.yamlSyntax, `JSON: ${e.message}`, [e.at, Math.min(text.length, e.at + 1)]);
      return undefined;
    }
    throw e;
  }
}

function scan(text: string): SNode {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (what: string): never => {
    const ch = text[i];
    if (what === 'value' && ch === ']') throw new JsonSyntax('a trailing comma before "]" (JSON allows none)', i);
    if (what === 'key' && ch === '}') throw new JsonSyntax('a trailing comma before "}" (JSON allows none)', i);
    if (ch === '/') throw new JsonSyntax('comments are not JSON', i);
    if (ch === "'") throw new JsonSyntax('texts are written in double quotes in JSON', i);
    throw new JsonSyntax(`expected ${what}, found ${describeChar(ch)}`, i);
  };
  const stack: Frame[] = [];
  let root: SNode | undefined;
  let pendingKey: { key: string; range: Offsets } | undefined;

  const attach = (n: SNode): void => {
    const top = stack[stack.length - 1];
    if (!top) root = n;
    else if (top.node.kind === 'seq') top.node.items.push(n);
    else {
      const entry: SEntry = { key: pendingKey!.key, keyRange: pendingKey!.range, value: n };
      top.node.entries.push(entry);
    }
  };

  // expecting: a value, then after it a comma or a closer
  for (;;) {
    ws();
    const start = i;
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_DEPTH) throw new JsonSyntax(`the document nests deeper than ${MAX_DEPTH} levels; a scenario needs at most six`, i);
      i++;
      const node: SMap | SSeq = ch === '{' ? { kind: 'map', entries: [], range: [start, start] } : { kind: 'seq', items: [], range: [start, start] };
      attach(node);
      stack.push(node.kind === 'map' ? { node, keys: new Set() } : { node });
      ws();
      if (text[i] === (ch === '{' ? '}' : ']')) {
        i++;
        node.range[1] = i;
        stack.pop();
      } else if (node.kind === 'map') {
        readKey();
        continue;
      } else continue;
    } else if (ch === '"') {
      const value = readString();
      attach({ kind: 'scalar', value, number: false, range: [start, i] });
    } else if (text.startsWith('true', i) || text.startsWith('false', i) || text.startsWith('null', i)) {
      const word = text.startsWith('true', i) ? 'true' : text.startsWith('false', i) ? 'false' : 'null';
      i += word.length;
      attach({ kind: 'scalar', value: word === 'null' ? null : word === 'true', number: false, range: [start, i] });
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail('value');
      i += m![0].length;
      if (/[0-9]/.test(text[i] ?? '')) throw new JsonSyntax('a number with a leading zero is not JSON', start);
      attach({ kind: 'scalar', value: m![0], number: true, range: [start, i] });
    }
    // after a value: close containers, or a comma and the next item
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) {
        if (i < text.length) throw new JsonSyntax(`expected the end of the text, found ${describeChar(text[i])}`, i);
        return root!;
      }
      const closer = top.node.kind === 'map' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        ws();
        if (top.node.kind === 'map') readKey();
        else if (text[i] === ']') fail('value');
        break;
      }
      if (text[i] === closer) {
        i++;
        top.node.range[1] = i;
        stack.pop();
        continue;
      }
      fail(`"," or "${closer}"`);
    }
  }

  function readKey(): void {
    ws();
    if (text[i] !== '"') fail('key');
    const start = i;
    const key = readString();
    const range: Offsets = [start, i];
    const top = stack[stack.length - 1] as { node: SMap; keys: Set<string> };
    if (top.keys.has(key)) throw new JsonSyntax('a key appears twice in this object', start);
    top.keys.add(key);
    ws();
    if (text[i] !== ':') throw new JsonSyntax(`expected ":" after a key, found ${describeChar(text[i])}`, i);
    i++;
    pendingKey = { key, range };
  }

  function readString(): string {
    const start = i;
    i++; // opening quote
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) throw new JsonSyntax('a text is not closed by a double quote', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(from, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new JsonSyntax('a control character inside a text must be escaped (\\n, \\t, \\u0000)', i);
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple = e === undefined ? undefined : ESCAPES.get(e);
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new JsonSyntax('an unknown escape in a text', i);
        from = i;
        continue;
      }
      i++;
    }
  }
}
