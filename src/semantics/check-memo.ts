/**
 * The language server's memory of decision checks between edits. A
 * decision's check reads the decision itself and its environment — the
 * enums, sets, facts, formulas and parameters, and the library's years
 * (which, without a manifest, every file names) — never another decision; it
 * writes diagnostics, definitions, references and the types and resolutions
 * of its nodes. While the environment is the very same objects as in the
 * last build (the parse caches reuse them when their text is unchanged), a
 * decision that is the very same object is not checked again: the
 * diagnostics, definitions and references its check wrote are written again,
 * in the same place of the same order, and the types and resolutions of its
 * nodes are found in the memo's maps (the library's maps fall back to them).
 * Any change of the environment forgets everything.
 *
 * A declaration moved by an edit above it is the same object with its
 * positions moved in place (syntax/declaration-memo.ts), so the ranges its
 * check wrote have moved with it. What a check wrote from a position in
 * text — the key of a `let` local names its offset — has not: a moved
 * decision whose check wrote a local name is checked again.
 *
 * It also keeps the parameter table while the parameters (by object) and
 * the enums' members are unchanged, and the resolution of each citation
 * text while the sources register is unchanged (citations.ts).
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { DecisionDecl, Node } from '../syntax/ast.js';
import type { Library, Reference, Resolution, SymbolDef } from './library.js';
import type { Type } from './types.js';
import { symbolKey } from './declarations.js';
import { resolveCitation, type CitationResult } from '../params/citations.js';
import type { Parameter, ParameterTable } from '../params/index.js';

type ResolvedParameters = { table: ParameterTable; diagnostics: Diagnostic[] };

const LOCAL = symbolKey('local');

interface Recorded {
  file: string;
  /** where the decision started when checked */
  offset: number;
  /** whether its check wrote a text made from a position (a local's key) */
  positional: boolean;
  diagnostics: Diagnostic[];
  definitions: SymbolDef[];
  references: Reference[];
}

export class CheckMemo {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private environment = '';
  private recorded = new WeakMap<DecisionDecl, Recorded>();
  /** the types and resolutions every recorded check set, valid while the environment is unchanged (nodes of a changed decision are new objects) */
  private types = new WeakMap<Node, Type>();
  private resolutions = new WeakMap<Node, Resolution>();
  /** decisions whose check was replayed by the last build (for tests and benchmarks) */
  replayed = 0;
  /** citation texts resolved against `register` (a resolution reads only the text and the register) */
  private citations = new Map<string, CitationResult>();
  private register: Library['register'];

  private parametersKey = '';
  private parametersResolved: ResolvedParameters | undefined;

  /** The parameter table and its diagnostics, resolved again only when a parameter (by object) or an enum's members changed. */
  parameters(params: readonly Parameter[], enumMembers: ReadonlyMap<string, readonly string[]>, resolve: () => ResolvedParameters): ResolvedParameters {
    const key = `${params.map((p) => this.id(p)).join(' ')}|${[...enumMembers].map(([name, members]) => `${name}:${members.join(',')}`).join(';')}`;
    if (key !== this.parametersKey || !this.parametersResolved) {
      this.parametersResolved = undefined;
      this.parametersResolved = resolve();
      this.parametersKey = key;
    }
    return this.parametersResolved;
  }

  /** The resolution of a citation text, remembered while the register is the same object. */
  readonly resolveCitation = (text: string, register: Library['register']): CitationResult => {
    if (register !== this.register) {
      this.register = register;
      this.citations = new Map();
    }
    let r = this.citations.get(text);
    if (!r) this.citations.set(text, (r = resolveCitation(text, register)));
    return r;
  };

  private id(o: object | undefined): number {
    if (!o) return 0;
    let n = this.ids.get(o);
    if (n === undefined) this.ids.set(o, (n = this.nextId++));
    return n;
  }

  /** Starts a build: a different environment than the last build's forgets every recorded check. */
  begin(lib: Library): void {
    const parts: string[] = [];
    for (const f of lib.files) {
      parts.push(f.file);
      for (const d of f.declarations) if (d.kind !== 'decision') parts.push(String(this.id(d)));
    }
    parts.push('|', ...lib.paramList.map((p) => String(this.id(p))), '|', String(this.id(lib.manifest)), String(this.id(lib.register)), String(this.id(lib.labels)));
    // without a manifest the library's years come from every file, decisions included: a rule without `effective` is in force from the first
    parts.push('|', String(lib.horizon.first), String(lib.horizon.last));
    const environment = parts.join(' ');
    if (environment !== this.environment) {
      this.environment = environment;
      this.recorded = new WeakMap();
      this.types = new WeakMap();
      this.resolutions = new WeakMap();
    }
    this.replayed = 0;
    // what this build sets is looked up first; a replayed decision's nodes are found in the memo's maps
    lib.types = layered(lib.types, this.types);
    lib.resolutions = layered(lib.resolutions, this.resolutions);
  }

  /** Checks a decision with `check`, or writes again what its last check wrote. */
  check(lib: Library, decl: DecisionDecl, file: string, check: () => void): void {
    const hit = this.recorded.get(decl);
    if (hit && hit.file === file && (!hit.positional || hit.offset === decl.range.start.offset)) {
      for (const d of hit.diagnostics) lib.diagnostics.push(d);
      for (const d of hit.definitions) lib.definitions.push(d);
      for (const r of hit.references) lib.references.push(r);
      this.replayed++;
      return;
    }
    const start = { diagnostics: lib.diagnostics.length, definitions: lib.definitions.length, references: lib.references.length };
    const { types: realTypes, resolutions: realResolutions } = lib;
    lib.types = recording(realTypes, this.types);
    lib.resolutions = recording(realResolutions, this.resolutions);
    try {
      check();
    } finally {
      lib.types = realTypes;
      lib.resolutions = realResolutions;
    }
    const definitions = lib.definitions.slice(start.definitions);
    const references = lib.references.slice(start.references);
    this.recorded.set(decl, {
      file,
      offset: decl.range.start.offset,
      positional: definitions.some((d) => d.key.startsWith(LOCAL)) || references.some((r) => r.key.startsWith(LOCAL)),
      diagnostics: lib.diagnostics.slice(start.diagnostics),
      definitions,
      references,
    });
  }
}

/** A view of `target` that also keeps every entry set through it in `memory`. */
function recording<K extends object, V>(target: WeakMap<K, V>, memory: WeakMap<K, V>): WeakMap<K, V> {
  const view = {
    get: (k: K) => target.get(k),
    has: (k: K) => target.has(k),
    delete: (k: K) => target.delete(k),
    set(k: K, v: V) {
      memory.set(k, v);
      target.set(k, v);
      return view;
    },
    [Symbol.toStringTag]: 'WeakMap',
  };
  return view as unknown as WeakMap<K, V>;
}

/** `own` (this build's entries), falling back to `memory` (the entries of replayed checks). */
function layered<K extends object, V>(own: WeakMap<K, V>, memory: WeakMap<K, V>): WeakMap<K, V> {
  const view = {
    get: (k: K) => (own.has(k) ? own.get(k) : memory.get(k)),
    has: (k: K) => own.has(k) || memory.has(k),
    delete: (k: K) => own.delete(k),
    set(k: K, v: V) {
      own.set(k, v);
      return view;
    },
    [Symbol.toStringTag]: 'WeakMap',
  };
  return view as unknown as WeakMap<K, V>;
}
