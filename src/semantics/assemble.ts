/**
 * Builds the checked library from what each of its files says (a ReadSource
 * per file: its syntax tree, parameters, manifest, register or labels, and
 * diagnostics), however those were obtained: read now (workspace.ts, with
 * the parser) or read back from the cache (src/cache/library-reads.ts,
 * without it). Loads no parser and no YAML reader of its own.
 */
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { Parameter } from '../params/model.js';
import { resolveParameters, type ParameterTable } from '../params/resolve.js';
import type { Horizon } from '../params/horizon.js';
import type { RuleFile } from '../syntax/ast.js';
import type { CheckMemo } from './check-memo.js';
import { checkLibrary } from './checker.js';
import { checkCitations } from './citations.js';
import { collectDeclarations, symbolKey } from './declarations.js';
import { internalFailure } from './internal-failure.js';
import type { Library } from './library.js';
import { overlayReform, type LibraryParts, type ReformInfo } from './reform.js';
import type { ReadSource, SourceText } from './sources.js';

/** What one file says: read now, or read back. */
export type SourceReader = (s: SourceText) => ReadSource;

/** What a set of source files says, each file read on its own; their texts kept by path. */
function readParts(sources: readonly SourceText[], texts: Map<string, string>, diagnostics: Diagnostic[], read: SourceReader): LibraryParts {
  const parts: LibraryParts = { files: [], params: [] };
  for (const s of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    texts.set(s.file, s.text);
    const r = read(s);
    for (const d of r.diagnostics) diagnostics.push(d);
    if (r.manifest) parts.manifest ??= r.manifest;
    if (r.ast) parts.files.push(r.ast);
    for (const p of r.params ?? []) parts.params.push(p);
    if (r.register) parts.register ??= r.register;
    if (r.labels) parts.labels ??= r.labels;
  }
  return parts;
}

/**
 * Resolves and checks a set of rule and parameter files, each file's content
 * given by `read`. Never throws on bad input. With `reform`, those files are
 * overlaid on the others (reform.ts) and the result is checked as one
 * library; decisions are checked through `memo` when given (check-memo.ts).
 */
export function assembleLibrary(read: SourceReader, sources: readonly SourceText[], reform?: readonly SourceText[], memo?: CheckMemo): Library {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  let parts = readParts(sources, texts, diagnostics, read);
  let reformInfo: ReformInfo | undefined;
  if (reform) {
    const overlay = overlayReform(parts, readParts(reform, texts, diagnostics, read), reform.map((s) => s.file).sort());
    parts = overlay.parts;
    reformInfo = overlay.info;
    for (const d of overlay.diagnostics) diagnostics.push(d);
  }
  const { files, params: paramList, manifest, register, labels } = parts;
  const enumMembers = new Map<string, string[]>();
  for (const f of files) for (const d of f.declarations) if (d.kind === 'enum') enumMembers.set(d.name.text, d.members.map((m) => m.name.text));
  let table: ParameterTable;
  try {
    const resolve = () => resolveParameters(paramList, { enumMembers });
    const resolved = memo ? memo.parameters(paramList, enumMembers, resolve) : resolve();
    table = resolved.table;
    for (const d of resolved.diagnostics) diagnostics.push(d);
  } catch (e) {
    table = resolveParameters([]).table;
    diagnostics.push(internalFailure(paramList[0]?.file ?? '<parameters>', e, 'resolving the parameter values'));
  }
  const lib: Library = {
    files,
    params: table,
    paramList,
    enums: new Map(),
    members: new Map(),
    sets: new Map(),
    factGroups: new Map(),
    formulas: new Map(),
    decisions: new Map(),
    definitions: [],
    references: [],
    resolutions: new WeakMap(),
    types: new WeakMap(),
    diagnostics,
    sources: texts,
    ...(manifest ? { manifest } : {}),
    ...(register ? { register } : {}),
    ...(labels ? { labels } : {}),
    ...(reformInfo ? { reform: reformInfo } : {}),
    horizon: manifest ? { first: manifest.firstYear, last: manifest.lastYear, file: manifest.file } : horizonFromFiles(files, paramList),
  };
  for (const p of paramList) {
    lib.definitions.push({ key: symbolKey('param', p.name), kind: 'param', name: p.name, file: p.file, range: p.range, detail: `parameter ${p.name} (${p.unit}${p.by ? ` by ${p.by}` : ''})`, doc: p.description });
  }
  collectDeclarations(lib, files);
  checkLibrary(lib, memo);
  checkCitations(lib, memo?.resolveCitation);
  lib.diagnostics = withoutNoiseFromSyntaxErrors(lib.diagnostics, files);
  sortDiagnostics(lib.diagnostics);
  return lib;
}

/**
 * A partial library without a manifest (a folder of rule files being edited,
 * a test's snippets) covers the years its files name: from the first year a
 * rule or formula takes effect (else the first parameter year) to the last
 * year any rule, formula or parameter names.
 */
function horizonFromFiles(files: RuleFile[], params: Parameter[]): Horizon {
  let firstEffective = Infinity;
  let firstNamed = Infinity;
  let last = -Infinity;
  const name = (y: number): void => {
    firstNamed = Math.min(firstNamed, y);
    last = Math.max(last, y);
  };
  for (const f of files) {
    for (const d of f.declarations) {
      const effs = d.kind === 'decision' ? d.rules.map((r) => r.effective) : d.kind === 'formula' ? [d.effective] : [];
      for (const e of effs) {
        if (!e) continue;
        firstEffective = Math.min(firstEffective, e.years.from);
        name(e.years.from);
        if (e.years.to !== undefined) name(e.years.to);
      }
    }
  }
  for (const p of params) for (const v of p.values) name(v.year);
  const first = Number.isFinite(firstEffective) ? firstEffective : Number.isFinite(firstNamed) ? firstNamed : 0;
  return { first, last: Number.isFinite(last) ? last : first };
}

const SYNTAX_CODE = /^LCFF-E00\d$/;

/**
 * A rule or formula with a syntax error was only partly parsed: its semantic
 * diagnostics would describe the parser's recovery, not the author's text,
 * so only the syntax errors are kept for it.
 */
function withoutNoiseFromSyntaxErrors(ds: Diagnostic[], files: RuleFile[]): Diagnostic[] {
  // per file: the sorted offsets of syntax errors, then the sorted ranges of the parts they hit
  const syntax = new Map<string, number[]>();
  for (const d of ds) if (SYNTAX_CODE.test(d.code)) (syntax.get(d.file) ?? syntax.set(d.file, []).get(d.file)!).push(d.range.start.offset);
  if (syntax.size === 0) return ds;
  for (const offsets of syntax.values()) offsets.sort((a, b) => a - b);
  const broken = new Map<string, Array<[number, number]>>();
  for (const f of files) {
    const offsets = syntax.get(f.file);
    if (!offsets) continue;
    const ranges: Array<[number, number]> = [];
    for (const d of f.declarations) {
      const parts = d.kind === 'decision' ? d.rules.map((r) => r.range) : [d.range];
      for (const r of parts) {
        const i = firstAtOrAfter(offsets, r.start.offset);
        if (i < offsets.length && offsets[i] <= r.end.offset) ranges.push([r.start.offset, r.end.offset]);
      }
    }
    ranges.sort((a, b) => a[0] - b[0]);
    broken.set(f.file, ranges);
  }
  const inBroken = (d: Diagnostic): boolean => {
    const ranges = broken.get(d.file);
    if (!ranges) return false;
    const o = d.range.start.offset;
    // the last range starting at or before o; ranges of one file do not overlap
    let lo = 0;
    let hi = ranges.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid][0] <= o) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k >= 0 && o <= ranges[k][1];
  };
  return ds.filter((d) => SYNTAX_CODE.test(d.code) || !inBroken(d));
}

function firstAtOrAfter(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
