/**
 * Reading docs/errors.md and the codes the project emits, for the catalogue
 * test (test/docs/errors-catalogue.test.ts).
 *
 * Emitted codes are found as whole string literals: in src/**\/*.ts and
 * lsp/server/**\/*.ts through the TypeScript parser (the *Codes tables,
 * `new RunError('LCFF-F010', …)`, findings pushed by src/run), and in
 * rules/**\/*.lcff through the rule language's lexer (`code = "LCFF-V020"`).
 * A code mentioned in a comment or inside a longer message is not an emission.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { RunError } from '../../src/run/context.js';
import { runScenario } from '../../src/run/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { lex } from '../../src/syntax/lexer.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import { bundledLibrary, bundledSources, ROOT } from './library.js';

export const CODE = /^LCFF-[EWSVF]\d{3}$/;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? files(p, ext) : e.endsWith(ext) ? [p] : [];
    });
}

/** Whole string literals of a TypeScript file that are diagnostic codes. */
function codesInTs(path: string): string[] {
  const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && CODE.test(n.text)) out.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** Quoted texts of a rule file that are diagnostic codes. */
function codesInLcff(path: string): string[] {
  return lex(readFileSync(path, 'utf8'), path)
    .tokens.filter((t) => t.tokenType.name === 'StringLit')
    .map((t) => t.image.slice(1, -1))
    .filter((s) => CODE.test(s));
}

let emitted: Map<string, string[]> | undefined;

/** Each emitted code and the files that emit it (computed once). */
export function emittedCodes(): Map<string, string[]> {
  emitted ??= findEmittedCodes();
  return emitted;
}

function findEmittedCodes(): Map<string, string[]> {
  const where = new Map<string, string[]>();
  const add = (code: string, file: string): void => {
    const rel = file.slice(ROOT.length);
    where.set(code, [...new Set([...(where.get(code) ?? []), rel])]);
  };
  for (const f of [...files(join(ROOT, 'src'), '.ts'), ...files(join(ROOT, 'lsp/server'), '.ts')]) for (const c of codesInTs(f)) add(c, f);
  for (const f of files(join(ROOT, 'rules'), '.lcff')) for (const c of codesInLcff(f)) add(c, f);
  return where;
}

export interface Entry {
  code: string;
  body: string;
  inputs: Array<{ file: string; text: string }>;
  prints: string[];
}

export const DOC = join(ROOT, 'docs/errors.md');

/** The `### LCFF-X000` sections of docs/errors.md, with their example inputs (a fenced block after "`file`:") and printed lines (the fenced block after "prints"). */
export function catalogue(): Entry[] {
  const text = readFileSync(DOC, 'utf8');
  const parts = text.split(/^### /m).slice(1);
  return parts.map((part) => {
    const code = part.split(/\s/, 1)[0];
    const inputs: Entry['inputs'] = [];
    for (const m of part.matchAll(/`([^`\s]+)`:\n\n```[a-z]*\n([\s\S]*?)```/g)) inputs.push({ file: m[1], text: m[2] });
    const printed = /prints:?\n\n```text\n([\s\S]*?)```/.exec(part);
    return { code, body: part, inputs, prints: printed ? printed[1].split('\n').filter((l) => l.length > 0) : [] };
  });
}

/** Runs one example and returns the lines it prints, the way the CLI prints them. */
export async function printedBy(e: Entry): Promise<string[]> {
  const ruleInputs = e.inputs.filter((i) => i.file.startsWith('rules/'));
  // inputs under reform/ are a reform folder overlaid on the library (docs/reforms.md)
  const reformInputs = e.inputs.filter((i) => i.file.startsWith('reform/'));
  const lib =
    reformInputs.length > 0
      ? buildLibrary((await bundledSources()).filter((s) => !ruleInputs.some((i) => i.file === s.file)).concat(ruleInputs), undefined, reformInputs)
      : ruleInputs.length === 0
        ? await bundledLibrary()
        : buildLibrary((await bundledSources()).filter((s) => !ruleInputs.some((i) => i.file === s.file)).concat(ruleInputs));
  const stage = e.code[5];
  if (stage === 'E' || stage === 'W') return lib.diagnostics.map(formatDiagnostic);
  const dir = mkdtempSync(join(tmpdir(), 'lcff-errors-'));
  for (const i of e.inputs.filter((x) => !x.file.startsWith('rules/') && !x.file.startsWith('reform/'))) {
    mkdirSync(dirname(join(dir, i.file)), { recursive: true });
    writeFileSync(join(dir, i.file), i.text);
  }
  const scenarioFile = e.inputs.find((i) => !i.file.startsWith('rules/') && /\.(ya?ml|json)$/.test(i.file))!.file;
  const strip = (line: string): string => line.split(`${dir}/`).join('');
  const { scenario, diagnostics } = await loadScenario(join(dir, scenarioFile));
  const lines = diagnostics.map((d) => strip(formatDiagnostic(d)));
  if (!scenario || diagnostics.some((d) => d.severity === 'error')) return lines;
  try {
    const { result } = await runScenario(lib, scenario);
    return [...lines, ...result.findings.map((f) => JSON.stringify(f))];
  } catch (err) {
    if (err instanceof RunError) return [...lines, `${scenarioFile}: ${err.code} ${strip(err.message).split('\n')[0]}`];
    throw err;
  }
}

/** What must agree between a documented line and a printed one: the position and code of a diagnostic, the code and subject of a finding, the code of a fatal error. */
export function key(line: string): string {
  if (line.startsWith('{')) {
    const f = JSON.parse(line) as { code: string; subject: string };
    return `${f.code} ${f.subject}`;
  }
  const diag = /^(\S+:\d+:\d+ LCFF-\w+)/.exec(line);
  if (diag) return diag[1];
  const fatal = /^(\S+: LCFF-F\d+)/.exec(line);
  return fatal ? fatal[1] : line;
}

