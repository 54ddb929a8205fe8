/**
 * The reform and comparison of a test case (`reform:`, `compare:`; see
 * cases.ts): the reform folder is read only inside the folders a case may
 * read, overlaid on the case's library once per library and folder.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { formatDiagnostic } from '../core/diagnostics.js';
import { excerpt } from '../core/safe-text.js';
import { OverrideError, parseOverride } from '../params/index.js';
import { isInside, lexicalRoot } from '../scenario/files.js';
import type { Scenario } from '../scenario/model.js';
import type { Library } from '../semantics/library.js';
import { withOverrides } from '../semantics/overrides.js';
import { buildLibrary, findSources, SourceAccessError } from '../semantics/workspace.js';
import { compareScenario } from '../compare/compare.js';
import type { CompareResult } from '../compare/result.js';
import type { CaseOptions, TestCase } from './cases.js';

/** A folder or file a case names, if it lies inside the allowed folders (as scenario_file); else why not. */
async function allowedPath(c: TestCase, opts: CaseOptions, what: string, written: string): Promise<string | { refused: string }> {
  const roots = [...(opts.roots ?? [dirname(c.file)]), ...(opts.dataDir !== undefined ? [opts.dataDir] : [])];
  const path = resolve(dirname(c.file), written);
  const refuse = `${what} ${excerpt(written, 80)} is outside the test folder (${excerpt(roots[0], 80)}); a case reads only files inside the folder given to lcff test, or a folder allowed with --data-dir <folder>`;
  if (!lexicalRoot(roots, path)) return { refused: refuse };
  const real = await realpath(path).catch(() => undefined);
  if (real === undefined) return { refused: `${what} ${excerpt(written, 80)}: no such file or folder` };
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => resolve(r))));
  if (!realRoots.some((r) => isInside(r, real))) return { refused: refuse };
  return real;
}

const reformLibraries = new WeakMap<Library, Map<string, Library>>();

/** The library with a case's reform overlaid (built once per library and reform folder); a string says why it cannot be. */
export async function withReform(lib: Library, c: TestCase, opts: CaseOptions, written: string): Promise<Library | string> {
  const path = await allowedPath(c, opts, 'reform', written);
  if (typeof path !== 'string') return path.refused;
  const cache = reformLibraries.get(lib) ?? new Map<string, Library>();
  reformLibraries.set(lib, cache);
  let reformed = cache.get(path);
  if (!reformed) {
    let files: string[];
    try {
      files = await findSources([path]);
    } catch (e) {
      return e instanceof SourceAccessError ? e.message : String(e);
    }
    const reform = await Promise.all(files.map(async (f) => ({ file: relative(process.cwd(), f) || f, text: await readFile(f, 'utf8') })));
    reformed = buildLibrary([...lib.sources].filter(([f]) => !(lib.reform?.files ?? []).includes(f)).map(([file, text]) => ({ file, text })), undefined, reform);
    cache.set(path, reformed);
  }
  const errors = reformed.diagnostics.filter((d) => d.severity === 'error');
  return errors.length > 0 ? ['the reform has errors:', ...errors.map(formatDiagnostic)].join('\n') : reformed;
}

/** A case's comparison: the case's library (side a) against it with the compare's reform and overrides (side b). */
export async function compareCase(lib: Library, c: TestCase, opts: CaseOptions, scenario: Scenario, spec: { reform?: string; set: string[] }): Promise<CompareResult | string> {
  let libB = lib;
  if (spec.reform !== undefined) {
    const reformed = await withReform(lib, c, opts, spec.reform);
    if (typeof reformed === 'string') return reformed;
    libB = reformed;
  }
  let withSets;
  try {
    withSets = withOverrides(libB, spec.set.map((t, i) => parseOverride(t, `compare.set[${i}]`)));
  } catch (e) {
    if (e instanceof OverrideError) return e.message;
    throw e;
  }
  const side = (label: string, reform?: string, set: string[] = []) => ({ label, rules: 'the case library', ...(reform !== undefined ? { reform } : {}), set });
  return compareScenario({ scenario, source: `${c.file}#${c.name}`, a: { lib, side: side('library') }, b: { lib: withSets.lib, supplied: withSets.supplied, side: side(spec.reform !== undefined ? 'reform' : 'overrides', spec.reform, spec.set) } });
}

