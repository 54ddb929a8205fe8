/**
 * Where a value of the scenario is: its position (file:line:col), its field
 * name for messages (`students[3].ada`, or the CSV column `ada`), and
 * whether the schema already rejected it. A scenario document and a CSV row
 * are two kinds of place; the typed conversion reads both the same way.
 */
import { LineIndex, type SourceRange } from '../core/diagnostics.js';
import type { SourceRef } from './model.js';
import { describeNode, fieldName, locate, pathPointer, showValue, typedPath, type Obj, type Path, type SNode } from './tree.js';

/** A place in a source file. */
export interface At {
  file: string;
  range: SourceRange;
}

export interface Place {
  readonly file: string;
  /** where the value at `path` (relative to this place) is; the place itself for [] */
  at(path?: Path): At;
  /** where the key of the entry at `path` is (the value's place when there is no key) */
  keyAt(path: Path): At;
  field(path?: Path): string;
  /** true when the schema rejected the value at `path`: its problem is reported, it is not read further */
  failed(path: Path): boolean;
  /** what the value at `path` is, for messages ("a list", "the number 12") */
  describe(path: Path): string;
  /** the value at `path` as a message quotes it */
  show(path: Path, value: unknown): string;
  child(path: Path): Place;
  /** the record's file and line, for results and traces */
  source(): SourceRef;
}

/** One parsed scenario document: its tree, its lines, and the pointers the schema rejected. */
export class Doc {
  readonly lines: LineIndex;
  readonly failed = new Set<string>();
  constructor(
    readonly file: string,
    text: string,
    readonly root: SNode,
  ) {
    this.lines = new LineIndex(text);
  }
  atOffsets(start: number, end: number): At {
    return { file: this.file, range: this.lines.range(start, end) };
  }
  place(path: Path = []): Place {
    return new DocPlace(this, path);
  }
}

class DocPlace implements Place {
  constructor(
    private readonly doc: Doc,
    private readonly base: Path,
  ) {}
  get file(): string {
    return this.doc.file;
  }
  private full(path: Path): Path {
    return path.length ? [...this.base, ...path] : this.base;
  }
  at(path: Path = []): At {
    const { node } = locate(this.doc.root, this.full(path));
    return this.doc.atOffsets(node.range[0], node.range[1]);
  }
  keyAt(path: Path): At {
    const full = this.full(path);
    const { keyRange, reached, node } = locate(this.doc.root, full);
    if (keyRange && reached === full.length) return this.doc.atOffsets(keyRange[0], keyRange[1]);
    return this.doc.atOffsets(node.range[0], node.range[1]);
  }
  field(path: Path = []): string {
    return fieldName(typedPath(this.doc.root, this.full(path)));
  }
  failed(path: Path): boolean {
    return this.doc.failed.has(pathPointer(this.full(path)));
  }
  private nodeAt(path: Path): SNode | undefined {
    const full = this.full(path);
    const r = locate(this.doc.root, full);
    return r.reached === full.length ? r.node : undefined;
  }
  describe(path: Path): string {
    return describeNode(this.nodeAt(path));
  }
  show(path: Path, value: unknown): string {
    return showValue(this.nodeAt(path), value);
  }
  child(path: Path): Place {
    return new DocPlace(this.doc, this.full(path));
  }
  source(): SourceRef {
    return { file: this.doc.file, line: this.at().range.start.line };
  }
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A record of the data (a null-prototype object) at its place. */
export class Rec {
  constructor(
    readonly data: Obj,
    readonly place: Place,
  ) {}
  has(key: string): boolean {
    return Object.hasOwn(this.data, key);
  }
  get(key: string): unknown {
    return this.has(key) ? this.data[key] : undefined;
  }
  /** A text the schema accepted (numbers are their source text); undefined when absent or rejected. */
  str(key: string): string | undefined {
    const v = this.get(key);
    return typeof v === 'string' && !this.place.failed([key]) ? v : undefined;
  }
  bool(key: string): boolean | undefined {
    const v = this.get(key);
    return typeof v === 'boolean' && !this.place.failed([key]) ? v : undefined;
  }
  rec(key: string): Rec | undefined {
    const v = this.get(key);
    return isObj(v) && !this.place.failed([key]) ? new Rec(v, this.place.child([key])) : undefined;
  }
  /** The items of a list, each with its place. */
  items(key: string): Array<{ value: unknown; place: Place }> {
    const v = this.get(key);
    if (!Array.isArray(v) || this.place.failed([key])) return [];
    return v.map((value, i) => ({ value, place: this.place.child([key, i]) }));
  }
  /** The records of a list of mappings. */
  records(key: string): Rec[] {
    return this.items(key).flatMap((it) => (isObj(it.value) && !it.place.failed([]) ? [new Rec(it.value, it.place)] : []));
  }
  at(key: string): At {
    return this.has(key) ? this.place.at([key]) : this.place.at();
  }
  field(key: string): string {
    return this.place.field([key]);
  }
}
