/**
 * Positioned access to a parsed YAML (or JSON) document: every value is
 * read with its source range, numbers through their source text (so "0.92"
 * and 0.92 are the same exact decimal), and every key is checked against a
 * closed list.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex, suggest } from '../core/diagnostics.js';
import { ScenarioCodes as C } from './diagnostic-codes.js';
import type { At, Sink } from './values.js';

export type YNode = Node | null | undefined;

export interface KeySpec {
  required: readonly string[];
  optional: readonly string[];
}

/** The checked entries of one mapping. */
export class Fields {
  constructor(
    private readonly reader: YamlReader,
    readonly path: string,
    readonly mapAt: At,
    private readonly entries: Map<string, Pair<Scalar, YNode>>,
  ) {}
  has(name: string): boolean {
    return this.entries.has(name);
  }
  node(name: string): YNode {
    return this.entries.get(name)?.value ?? undefined;
  }
  /** Where a field's value is (or its key, when the value is empty). */
  at(name: string): At {
    const pair = this.entries.get(name);
    if (!pair) return this.mapAt;
    return pair.value ? this.reader.at(pair.value) : this.reader.at(pair.key);
  }
  field(name: string): string {
    return this.path ? `${this.path}.${name}` : name;
  }
  /** The scalar text of a field (strings as written, numbers by their source), or undefined. */
  text(name: string): string | undefined {
    if (!this.entries.has(name)) return undefined;
    return this.reader.text(this.node(name), this.field(name), this.at(name));
  }
  bool(name: string): boolean | undefined {
    if (!this.entries.has(name)) return undefined;
    return this.reader.bool(this.node(name), this.field(name), this.at(name));
  }
}

export class YamlReader {
  readonly lines: LineIndex;
  constructor(
    readonly file: string,
    text: string,
    readonly sink: Sink,
  ) {
    this.lines = new LineIndex(text);
  }

  at(node: YNode | Scalar, fallback?: At): At {
    const r = node?.range;
    if (!r) return fallback ?? { file: this.file, range: this.lines.range(0, 0) };
    return { file: this.file, range: this.lines.range(r[0], r[1]) };
  }

  kindOf(node: YNode): string {
    if (node === null || node === undefined) return 'nothing';
    if (isMap(node)) return 'a mapping';
    if (isSeq(node)) return 'a list';
    if (isScalar(node)) {
      const v = node.value;
      if (v === null) return 'nothing';
      if (typeof v === 'boolean') return `the boolean ${v}`;
      if (typeof v === 'number') return `the number ${node.source ?? String(v)}`;
      return `the text ${JSON.stringify(String(v))}`;
    }
    return 'an alias or unsupported value';
  }

  wrongType(node: YNode, expected: string, field: string, at: At): void {
    this.sink.error(C.wrongType, `${field}: expected ${expected}, got ${this.kindOf(node)}`, at, { field, expected });
  }

  /** Text of a string or number scalar; numbers keep their source text. */
  text(node: YNode, field: string, at: At): string | undefined {
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'bigint') return node.source ?? String(v);
    }
    this.wrongType(node, 'a text or number value', field, at);
    return undefined;
  }

  bool(node: YNode, field: string, at: At): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.wrongType(node, 'true or false', field, at);
    return undefined;
  }

  seq(node: YNode, field: string, at: At): YAMLSeq<YNode> | undefined {
    if (isSeq(node)) return node as YAMLSeq<YNode>;
    this.wrongType(node, 'a list', field, at);
    return undefined;
  }

  /** Items of a list with their field path (`students[3]`). */
  items(node: YNode, field: string, at: At): Array<{ node: YNode; field: string; at: At }> {
    const s = this.seq(node, field, at);
    if (!s) return [];
    return s.items.map((n, i) => ({ node: n, field: `${field}[${i}]`, at: this.at(n, at) }));
  }

  /**
   * A mapping checked against its keys: unknown keys (with did-you-mean) and
   * missing required keys are reported, all of them.
   */
  fields(node: YNode, field: string, at: At, spec: KeySpec): Fields | undefined {
    if (!isMap(node)) {
      this.wrongType(node, 'a mapping', field || 'scenario', at);
      return undefined;
    }
    const map = node as YAMLMap<unknown, YNode>;
    const known = [...spec.required, ...spec.optional];
    const entries = new Map<string, Pair<Scalar, YNode>>();
    const mapAt = this.at(map, at);
    for (const pair of map.items) {
      const key = pair.key as YNode;
      const keyAt = this.at(key, mapAt);
      if (!isScalar(key) || (typeof key.value !== 'string' && typeof key.value !== 'number')) {
        this.wrongType(key, 'a key name', field || 'scenario', keyAt);
        continue;
      }
      const name = typeof key.value === 'number' ? (key.source ?? String(key.value)) : key.value;
      if (!known.includes(name)) {
        const did = suggest(name, known);
        const where = field ? `in ${field}` : 'at the top level';
        this.sink.error(
          C.unknownKey,
          `unknown key "${name}" ${where}${did.length ? ` (did you mean ${did.map((d) => `"${d}"`).join(' or ')}?)` : ''}; allowed: ${known.join(', ')}`,
          keyAt,
          { field: field ? `${field}.${name}` : name, suggestions: did },
        );
        continue;
      }
      entries.set(name, pair as Pair<Scalar, YNode>);
    }
    const keyStart = map.items.length ? this.at(map.items[0].key as YNode, mapAt) : mapAt;
    for (const req of spec.required) {
      if (!entries.has(req)) {
        const full = field ? `${field}.${req}` : req;
        this.sink.error(C.missingKey, `${full}: required key "${req}" is missing`, keyStart, { field: full });
      }
    }
    return new Fields(this, field, mapAt, entries);
  }

  /** The entries of a mapping whose keys are data (e.g. fiscal years of a history). */
  pairs(node: YNode, field: string, at: At): Array<{ key: string; keyAt: At; value: YNode; valueAt: At }> {
    if (!isMap(node)) {
      this.wrongType(node, 'a mapping', field, at);
      return [];
    }
    const out: Array<{ key: string; keyAt: At; value: YNode; valueAt: At }> = [];
    for (const pair of (node as YAMLMap<unknown, YNode>).items) {
      const key = pair.key as YNode;
      const keyAt = this.at(key, at);
      const text = this.text(key, `${field} key`, keyAt);
      if (text === undefined) continue;
      out.push({ key: text, keyAt, value: pair.value, valueAt: this.at(pair.value, keyAt) });
    }
    return out;
  }
}
