/**
 * The YAML side of the parameter loader: source ranges of nodes, scalar
 * source text (so `1.30` stays "1.30"), aliases, duplicate-checked keyed
 * pairs and positioned diagnostics. The parameter model is built on it in
 * load.ts.
 */
import { isAlias, isMap, isScalar, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex, suggest, type Diagnostic, type SourceRange } from '../core/diagnostics.js';
import { ParamCodes as C } from './diagnostic-codes.js';

export interface KeyedPair {
  key: string;
  keyRange: SourceRange;
  value: Node | null;
  pair: Pair;
}

/** Reading a YAML parameter document with positions: ranges, scalar source text, aliases, keyed pairs, positioned diagnostics. */
export class YamlSource {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly lines: LineIndex;
  protected doc: Document.Parsed | undefined;

  constructor(
    readonly file: string,
    protected readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  report(code: string, range: SourceRange, message: string, extra?: Partial<Diagnostic>): void {
    this.diagnostics.push({ code, severity: code.includes('-W') ? 'warning' : 'error', message, file: this.file, range, ...extra });
  }

  /** The range of a YAML parse error; the parser may point one past the end of the text. */
  errorRange(pos: [number, number]): SourceRange {
    const clamp = (o: number): number => Math.max(0, Math.min(this.text.length, o));
    return this.lines.range(clamp(pos[0]), clamp(Math.max(pos[0], pos[1])));
  }

  /** Parses the text as one YAML mapping (a manifest, the register, the labels): YAML errors and a root that is not a mapping are reported with `code`; undefined then. */
  protected rootMapping(code: string, notAMapping: string): YAMLMap | undefined {
    const doc = parseDocument(this.text, { uniqueKeys: false, prettyErrors: false });
    this.doc = doc;
    for (const e of doc.errors) this.report(code, this.errorRange(e.pos), `YAML: ${e.message.split('\n')[0]}`);
    if (doc.errors.length) return undefined;
    const root = doc.contents as Node | null;
    if (!isMap(root)) {
      this.report(code, this.rangeOf(root, this.lines.range(0, 0)), notAMapping);
      return undefined;
    }
    return root;
  }

  rangeOf(node: Node | null | undefined, fallback: SourceRange): SourceRange {
    const r = node?.range;
    return r ? this.lines.range(r[0], r[1]) : fallback;
  }

  /** Source text of a scalar (plain scalars as written, so `1.30` stays "1.30"); undefined for non-scalars. */
  scalarText(node: Node | null | undefined): string | undefined {
    if (!isScalar(node)) return undefined;
    if (node.value === null) return node.range && node.range[0] < node.range[1] ? this.text.slice(node.range[0], node.range[1]) : '';
    if (node.type === Scalar.PLAIN && node.range) return this.text.slice(node.range[0], node.range[1]);
    return String(node.value);
  }

  /** Follows a YAML alias (`*name`) to its anchored node; diagnostics inside it point at the anchor. */
  deref(node: Node | null): Node | null {
    if (node && isAlias(node) && this.doc) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return node;
  }

  /** The pairs of a mapping with their key text; reports duplicate and non-scalar keys. */
  pairs(map: YAMLMap, what: string): KeyedPair[] {
    const out: KeyedPair[] = [];
    const seen = new Map<string, SourceRange>();
    const whole = this.rangeOf(map as unknown as Node, this.lines.range(0, 0));
    for (const pair of map.items as Pair[]) {
      const keyNode = pair.key as Node | null;
      const keyRange = this.rangeOf(keyNode, whole);
      const key = this.scalarText(keyNode);
      if (key === undefined || key === '') {
        this.report(C.badShape, keyRange, `a ${what} key must be a plain name`);
        continue;
      }
      const first = seen.get(key);
      if (first) {
        this.report(C.duplicateKey, keyRange, `duplicate ${what} key '${key}'`, {
          related: [{ file: this.file, range: first, message: `'${key}' first defined here` }],
        });
        continue;
      }
      seen.set(key, keyRange);
      out.push({ key, keyRange, value: this.deref((pair.value as Node | null) ?? null), pair });
    }
    return out;
  }

  unknownKey(key: string, range: SourceRange, allowed: readonly string[], where: string): void {
    const s = suggest(key, allowed);
    const hint = s.length ? ` (did you mean ${s.map((x) => `'${x}'`).join(' or ')}?)` : ` (expected one of: ${allowed.join(', ')})`;
    this.report(C.unknownKey, range, `unknown key '${key}' in ${where}${hint}`, { data: { suggestions: s } });
  }

  /** A text field (description, cite, note). */
  textField(p: KeyedPair): string | undefined {
    const t = isScalar(p.value) ? this.scalarText(p.value) : undefined;
    if (t === undefined || t.trim() === '') {
      this.report(C.badShape, this.rangeOf(p.value, p.keyRange), `'${p.key}' must be a non-empty text`);
      return undefined;
    }
    return t.trim();
  }

  option<T extends string>(p: KeyedPair, allowed: readonly T[]): T | undefined {
    const t = this.scalarText(p.value);
    if (t !== undefined && (allowed as readonly string[]).includes(t)) return t as T;
    const s = t ? suggest(t, allowed) : [];
    const hint = s.length ? ` (did you mean ${s.map((x) => `'${x}'`).join(' or ')}?)` : '';
    this.report(C.badOption, this.rangeOf(p.value, p.keyRange), `'${p.key}' must be one of ${allowed.join(', ')}; found ${JSON.stringify(t ?? '')}${hint}`, { data: { suggestions: s } });
    return undefined;
  }
}
