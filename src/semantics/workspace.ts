/**
 * Builds the checked library from source texts (pure: the language server
 * calls this with its open documents) or from paths on disk (the CLI).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { loadParameterFile, resolveParameters, type Parameter } from '../params/index.js';
import { isManifestFile, loadManifest, type Horizon, type LibraryManifest } from '../params/manifest.js';
import { isSourcesFile, loadSources, type SourceRegister } from '../params/sources.js';
import { isLabelsFile, loadLabels, type LabelTable } from '../params/labels.js';
import { parseRuleFile } from '../syntax/parse.js';
import type { RuleFile } from '../syntax/ast.js';
import { checkLibrary } from './checker.js';
import { checkCitations } from './citations.js';
import { collectDeclarations, symbolKey } from './declarations.js';
import type { Library } from './library.js';

export interface SourceText {
  file: string;
  text: string;
}

export function isRuleFile(path: string): boolean {
  return path.endsWith('.lcff');
}

export function isParameterFile(path: string): boolean {
  return (path.endsWith('.yaml') || path.endsWith('.yml')) && !isManifestFile(path) && !isSourcesFile(path) && !isLabelsFile(path);
}

/** Parses, resolves and checks a set of rule and parameter files. Never throws on bad input. */
export function buildLibrary(sources: SourceText[]): Library {
  const diagnostics: Diagnostic[] = [];
  const files: RuleFile[] = [];
  const paramList: Parameter[] = [];
  const texts = new Map<string, string>();
  let manifest: LibraryManifest | undefined;
  let register: SourceRegister | undefined;
  let labels: LabelTable | undefined;
  for (const s of [...sources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    texts.set(s.file, s.text);
    if (isManifestFile(s.file)) {
      const m = loadManifest(s.file, s.text);
      diagnostics.push(...m.diagnostics);
      manifest ??= m.manifest;
    } else if (isSourcesFile(s.file)) {
      const r = loadSources(s.file, s.text);
      diagnostics.push(...r.diagnostics);
      register ??= r.register;
    } else if (isLabelsFile(s.file)) {
      const l = loadLabels(s.file, s.text);
      diagnostics.push(...l.diagnostics);
      labels ??= l.labels;
    } else if (isRuleFile(s.file)) {
      const { ast, diagnostics: ds } = parseRuleFile(s.file, s.text);
      files.push(ast);
      diagnostics.push(...ds);
    } else if (isParameterFile(s.file)) {
      const { params, diagnostics: ds } = loadParameterFile(s.file, s.text);
      paramList.push(...params);
      diagnostics.push(...ds);
    }
  }
  const enumMembers = new Map<string, string[]>();
  for (const f of files) for (const d of f.declarations) if (d.kind === 'enum') enumMembers.set(d.name.text, d.members.map((m) => m.name.text));
  const { table, diagnostics: pds } = resolveParameters(paramList, { enumMembers });
  diagnostics.push(...pds);
  const lib: Library = {
    files,
    params: table,
    paramList,
    enums: new Map(),
    members: new Map(),
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
    horizon: manifest ? { first: manifest.firstYear, last: manifest.lastYear, file: manifest.file } : horizonFromFiles(files, paramList),
  };
  for (const p of paramList) {
    lib.definitions.push({ key: symbolKey('param', p.name), kind: 'param', name: p.name, file: p.file, range: p.range, detail: `parameter ${p.name} (${p.unit}${p.by ? ` by ${p.by}` : ''})`, doc: p.description });
  }
  collectDeclarations(lib, files);
  checkLibrary(lib);
  checkCitations(lib);
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
  const broken: Array<{ file: string; start: number; end: number }> = [];
  const syntax = ds.filter((d) => SYNTAX_CODE.test(d.code));
  const hit = (file: string, start: number, end: number): boolean => syntax.some((d) => d.file === file && d.range.start.offset >= start && d.range.start.offset <= end);
  for (const f of files) {
    for (const d of f.declarations) {
      const parts = d.kind === 'decision' ? d.rules.map((r) => r.range) : [d.range];
      for (const r of parts) if (hit(f.file, r.start.offset, r.end.offset)) broken.push({ file: f.file, start: r.start.offset, end: r.end.offset });
    }
  }
  return ds.filter((d) => SYNTAX_CODE.test(d.code) || !broken.some((b) => b.file === d.file && d.range.start.offset >= b.start && d.range.start.offset <= b.end));
}

/** Every .lcff and parameter YAML file under the given files or folders. */
export async function findSources(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const st = await stat(p);
    if (st.isDirectory()) {
      for (const entry of (await readdir(p)).sort()) if (!entry.startsWith('.') && entry !== 'node_modules') await walk(join(p, entry));
    } else if (isRuleFile(p) || isParameterFile(p) || isManifestFile(p) || isSourcesFile(p) || isLabelsFile(p)) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

export async function loadLibrary(paths: string[], cwd = process.cwd()): Promise<Library> {
  const files = await findSources(paths);
  const sources = await Promise.all(files.map(async (f) => ({ file: relative(cwd, f) || f, text: await readFile(f, 'utf8') })));
  return buildLibrary(sources);
}
