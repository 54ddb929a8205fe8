/**
 * The language server's memory of decision checks between edits. A
 * decision's check reads the decision itself and its environment — the
 * enums, sets, facts, formulas and parameters — never another decision; it
 * writes diagnostics, definitions, references and the types and resolutions
 * of its nodes. While the environment is the very same objects as in the
 * last build (the parse caches reuse them when their text is unchanged), a
 * decision that is the very same object is not checked again: what its
 * check wrote is written again, in the same place of the same order. Any
 * change of the environment forgets everything.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { DecisionDecl, Node } from '../syntax/ast.js';
import type { Library, Reference, Resolution, SymbolDef } from './library.js';
import type { Type } from './types.js';

interface Recorded {
  file: string;
  diagnostics: Diagnostic[];
  definitions: SymbolDef[];
  references: Reference[];
  types: Array<[Node, Type]>;
  resolutions: Array<[Node, Resolution]>;
}

export class CheckMemo {
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  private environment = '';
  private recorded = new WeakMap<DecisionDecl, Recorded>();
  /** decisions whose check was replayed by the last build (for tests and benchmarks) */
  replayed = 0;

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
    const environment = parts.join(' ');
    if (environment !== this.environment) {
      this.environment = environment;
      this.recorded = new WeakMap();
    }
    this.replayed = 0;
  }

  /** Checks a decision with `check`, or writes again what its last check wrote. */
  check(lib: Library, decl: DecisionDecl, file: string, check: () => void): void {
    const hit = this.recorded.get(decl);
    if (hit && hit.file === file) {
      for (const d of hit.diagnostics) lib.diagnostics.push(d);
      for (const d of hit.definitions) lib.definitions.push(d);
      for (const r of hit.references) lib.references.push(r);
      for (const [n, t] of hit.types) lib.types.set(n, t);
      for (const [n, r] of hit.resolutions) lib.resolutions.set(n, r);
      this.replayed++;
      return;
    }
    const start = { diagnostics: lib.diagnostics.length, definitions: lib.definitions.length, references: lib.references.length };
    const types: Recorded['types'] = [];
    const resolutions: Recorded['resolutions'] = [];
    const { types: realTypes, resolutions: realResolutions } = lib;
    lib.types = recording(realTypes, types);
    lib.resolutions = recording(realResolutions, resolutions);
    try {
      check();
    } finally {
      lib.types = realTypes;
      lib.resolutions = realResolutions;
    }
    this.recorded.set(decl, {
      file,
      diagnostics: lib.diagnostics.slice(start.diagnostics),
      definitions: lib.definitions.slice(start.definitions),
      references: lib.references.slice(start.references),
      types,
      resolutions,
    });
  }
}

/** A view of `target` that logs every entry set through it. */
function recording<K extends object, V>(target: WeakMap<K, V>, log: Array<[K, V]>): WeakMap<K, V> {
  const view = {
    get: (k: K) => target.get(k),
    has: (k: K) => target.has(k),
    delete: (k: K) => target.delete(k),
    set(k: K, v: V) {
      log.push([k, v]);
      target.set(k, v);
      return view;
    },
    [Symbol.toStringTag]: 'WeakMap',
  };
  return view as unknown as WeakMap<K, V>;
}
