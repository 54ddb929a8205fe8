/**
 * Builds an output's provenance (the `provenance` object of the result
 * contract, src/run/result.ts) from what the command knows: the checked
 * library and the folders it was loaded from, the reform, the overrides, the
 * program's version and revision, the evaluator and the time. Pure: the
 * command gathers the facts (src/cli/provenance.ts), every report words the
 * one object (src/report/provenance.ts).
 */
import type { EvaluatorKind } from '../runtime/evaluate.js';
import { formatFiscalYear } from '../core/fiscal-year.js';
import { libraryHash, type LibraryHash } from '../params/library-hash.js';
import type { UserSupplied } from '../params/overrides.js';
import type { Library } from '../semantics/library.js';
import type { Provenance } from './result.js';

export type { Provenance } from './result.js';

export interface ProvenanceFacts {
  /** The checked library, as loaded (its `sources` are the files hashed). */
  lib: Library;
  /** The folders (or files) the library was loaded from: the rule folder first, then any overlay. */
  roots: readonly string[];
  /** The rule folder as the user gave it, or "rules" for the bundled one. */
  path: string;
  bundled: boolean;
  /** The reform overlaid on the library: its folder and the hash of its files; null for none. */
  reform: { path: string; hash: LibraryHash } | null;
  /** The overrides applied (`--set`). */
  supplied: readonly UserSupplied[];
  /** How many unconfirmed values, formulas or rules the output relied on. */
  unconfirmed: number;
  evaluator?: EvaluatorKind;
  packageName: string;
  version: string;
  gitRevision?: string;
  ranAt: Date;
  ranAtFrom: Provenance['ran_at_from'];
  /** Paths of `lib.sources` are relative to this folder (the loader's working directory). */
  cwd?: string;
}

/** An override as the user would write it: `parameter[.member]@year=value`. */
export function overrideText(u: Pick<UserSupplied, 'parameter' | 'member' | 'year' | 'value'>): string {
  return `${u.parameter}${u.member !== undefined ? `.${u.member}` : ''}@${u.year}=${u.value}`;
}

/** The hash of every file the library loaded (its `sources`), named relative to the roots. */
export function hashOfLibrary(lib: Library, roots: readonly string[], cwd = process.cwd()): LibraryHash {
  return libraryHash(roots, [...lib.sources].map(([path, content]) => ({ path, content })), cwd);
}

/** "2026-01-02T03:04:05Z": UTC, to the second. */
export function isoSecond(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function buildProvenance(f: ProvenanceFacts): Provenance {
  const h = hashOfLibrary(f.lib, f.roots, f.cwd);
  return {
    library: {
      hash: h.hash,
      files: h.files,
      path: f.path,
      bundled: f.bundled,
      ...(f.lib.manifest ? { name: f.lib.manifest.name } : {}),
      first_year: formatFiscalYear(f.lib.horizon.first),
      last_year: formatFiscalYear(f.lib.horizon.last),
    },
    reform: f.reform ? { path: f.reform.path, hash: f.reform.hash.hash, files: f.reform.hash.files } : null,
    package: { name: f.packageName, version: f.version, git_revision: f.gitRevision ?? null },
    overrides: f.supplied.map(overrideText),
    unconfirmed: f.unconfirmed,
    ...(f.evaluator ? { evaluator: f.evaluator } : {}),
    ran_at: isoSecond(f.ranAt),
    ran_at_from: f.ranAtFrom,
  };
}
