/**
 * The server's view of the workspace: every `.lcff` and parameter YAML file
 * under the rule roots (disk text, overridden by the editor's open
 * documents), and the checked `Library` built from all of them with the
 * compiler's own `buildLibrary`. The library is rebuilt lazily after a change,
 * so a burst of edits costs one build.
 *
 * Rule roots: `<root>/rules` when the workspace has one (so scenario YAML in
 * `examples/` is not read as parameters), else the workspace root; the
 * `rulesPath` initialization option overrides both. With the `reformPath`
 * option, the files under that folder are a reform overlaid on the library
 * (docs/reforms.md): checked in its context, diagnostics on the reform's files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceRange } from '../../src/core/diagnostics.js';
import type { Library, SymbolDef } from '../../src/semantics/library.js';
import { buildLibrary, findSources, isParameterFile, isRuleFile, type SourceCache } from '../../src/semantics/workspace.js';
import { readSource } from '../../src/semantics/sources.js';
import { CheckMemo } from '../../src/semantics/check-memo.js';
import { isManifestFile } from '../../src/params/manifest.js';
import { isSourcesFile } from '../../src/params/sources.js';
import { isLabelsFile } from '../../src/params/labels.js';
import { containsOffset } from './positions.js';

/** A name in a file: a definition or a reference of the symbol `key`. */
export interface Occurrence {
  key: string;
  file: string;
  range: SourceRange;
  isDefinition: boolean;
}

export class WorkspaceIndex {
  private readonly disk = new Map<string, string>();
  private readonly open = new Map<string, TextDocument>();
  private readonly docCache = new Map<string, TextDocument>();
  /** Each file's parse, kept until its text changes: an edit re-reads one file. */
  private readonly sourceCache: SourceCache = new Map();
  /** Each decision's check, kept while it and the declarations it can read are unchanged. */
  readonly checkMemo = new CheckMemo();
  private roots: string[] = [];
  /** The reform folder overlaid on the library, when the editor names one. */
  private reformRoot: string | undefined;
  private lib: Library | undefined;
  private occ: Map<string, Occurrence[]> | undefined;
  private defsByKey: Map<string, SymbolDef[]> | undefined;
  /** Incremented on every change; features compare it to cache per build. */
  version = 0;

  static rulesRoots(workspaceRoots: string[], rulesPath?: string): string[] {
    return workspaceRoots.map((root) => {
      if (rulesPath) return resolve(root, rulesPath);
      const rules = join(root, 'rules');
      return existsSync(rules) && statSync(rules).isDirectory() ? rules : root;
    });
  }

  async scan(roots: string[], reformRoot?: string): Promise<void> {
    this.roots = roots.map((r) => resolve(r));
    this.reformRoot = reformRoot !== undefined ? resolve(reformRoot) : undefined;
    for (const root of [...this.roots, ...(this.reformRoot !== undefined ? [this.reformRoot] : [])]) {
      if (!existsSync(root)) continue;
      for (const f of await findSources([root])) {
        try {
          this.disk.set(resolve(f), readFileSync(f, 'utf8'));
        } catch {
          // unreadable file: skip it
        }
      }
    }
    this.changed();
  }

  /** Open documents take part when they are rule files, or parameter YAML (or the manifest) under a rule root. */
  accepts(file: string): boolean {
    if (isRuleFile(file)) return true;
    return (isParameterFile(file) || isManifestFile(file) || isSourcesFile(file) || isLabelsFile(file)) && (this.roots.length === 0 || this.roots.some((r) => file === r || file.startsWith(r + sep)) || this.inReform(file));
  }

  private inReform(file: string): boolean {
    return this.reformRoot !== undefined && file.startsWith(this.reformRoot + sep);
  }

  setOpen(file: string, doc: TextDocument): void {
    if (!this.accepts(file)) return;
    this.open.set(file, doc);
    this.changed();
  }

  close(file: string): void {
    if (!this.open.delete(file)) return;
    if (!existsSync(file)) this.disk.delete(file);
    else this.disk.set(file, readFileSync(file, 'utf8'));
    this.changed();
  }

  /** A file changed on disk (watched-files notification). */
  reloadFromDisk(file: string): void {
    if (!this.accepts(file)) return;
    if (existsSync(file)) this.disk.set(file, readFileSync(file, 'utf8'));
    else this.disk.delete(file);
    if (!this.open.has(file)) this.changed();
  }

  changed(): void {
    this.lib = undefined;
    this.occ = undefined;
    this.defsByKey = undefined;
    this.version++;
  }

  files(): string[] {
    return [...new Set([...this.disk.keys(), ...this.open.keys()])].sort();
  }

  text(file: string): string | undefined {
    return this.open.get(file)?.getText() ?? this.disk.get(file);
  }

  /** The editor's document, or a snapshot of the disk text (for offset ↔ position). */
  document(file: string): TextDocument | undefined {
    const open = this.open.get(file);
    if (open) return open;
    const text = this.disk.get(file);
    if (text === undefined) return undefined;
    const cached = this.docCache.get(file);
    if (cached && cached.getText() === text) return cached;
    const doc = TextDocument.create(file, isRuleFile(file) ? 'lcff' : 'yaml', 0, text);
    this.docCache.set(file, doc);
    return doc;
  }

  /**
   * Reads (parses) every file whose text changed, `first` before the others,
   * yielding to the event loop after each so that requests are answered in
   * between; stops early, returning false, as soon as `stale()` says a newer
   * change has made this work useless. `library()` then only checks.
   */
  async prepare(first: readonly string[], stale: () => boolean): Promise<boolean> {
    const files = this.files();
    const present = new Set(files);
    const order = [...new Set([...first.filter((f) => present.has(f)), ...files])];
    for (const file of order) {
      if (stale()) return false;
      const text = this.text(file) ?? '';
      const hit = this.sourceCache.get(file);
      if (hit && hit.text === text) continue;
      readSource({ file, text }, this.sourceCache);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return !stale();
  }

  library(): Library {
    if (!this.lib) {
      const files = this.files();
      const present = new Set(files);
      for (const f of this.sourceCache.keys()) if (!present.has(f)) this.sourceCache.delete(f);
      const source = (file: string) => ({ file, text: this.text(file) ?? '' });
      // the check memo replays unchanged decisions of the library alone; a reform's overlay is checked whole
      this.lib =
        this.reformRoot === undefined
          ? buildLibrary(files.map(source), this.sourceCache, undefined, this.checkMemo)
          : buildLibrary(files.filter((f) => !this.inReform(f)).map(source), this.sourceCache, files.filter((f) => this.inReform(f)).map(source));
    }
    return this.lib;
  }

  /** Every definition and reference in a file, in source order. */
  occurrences(file: string): Occurrence[] {
    if (!this.occ) {
      const lib = this.library();
      const byFile = new Map<string, Occurrence[]>();
      const add = (o: Occurrence): void => {
        const list = byFile.get(o.file) ?? [];
        list.push(o);
        byFile.set(o.file, list);
      };
      for (const d of lib.definitions) add({ key: d.key, file: d.file, range: d.range, isDefinition: true });
      for (const r of lib.references) add({ key: r.key, file: r.file, range: r.range, isDefinition: false });
      for (const list of byFile.values()) list.sort((a, b) => a.range.start.offset - b.range.start.offset);
      this.occ = byFile;
    }
    return this.occ.get(file) ?? [];
  }

  /** The name under the cursor (the innermost occurrence containing the offset). */
  occurrenceAt(file: string, offset: number): Occurrence | undefined {
    let best: Occurrence | undefined;
    for (const o of this.occurrences(file)) {
      if (o.range.start.offset > offset) break;
      if (containsOffset(o.range, offset) && (!best || o.range.end.offset - o.range.start.offset < best.range.end.offset - best.range.start.offset)) best = o;
    }
    return best;
  }

  definitions(key: string): SymbolDef[] {
    if (!this.defsByKey) {
      const m = new Map<string, SymbolDef[]>();
      for (const d of this.library().definitions) m.set(d.key, [...(m.get(d.key) ?? []), d]);
      this.defsByKey = m;
    }
    return this.defsByKey.get(key) ?? [];
  }

  /** Every occurrence (definitions and references) of a symbol in the workspace. */
  allOccurrences(key: string): Occurrence[] {
    const lib = this.library();
    const out: Occurrence[] = [];
    for (const d of lib.definitions) if (d.key === key) out.push({ key, file: d.file, range: d.range, isDefinition: true });
    for (const r of lib.references) if (r.key === key) out.push({ key, file: r.file, range: r.range, isDefinition: false });
    const seen = new Set<string>();
    return out.filter((o) => {
      const id = `${o.file}:${o.range.start.offset}:${o.range.end.offset}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
}
