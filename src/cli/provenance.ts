/**
 * The provenance of a command's outputs (src/run/provenance.ts), from what
 * the command was given: the rule folder (--rules, else the bundled one),
 * the reform folder when one is overlaid, the overrides, the evaluator; the
 * package's version and git revision; the time (the clock, or
 * SOURCE_DATE_EPOCH). Built once per command; every output states it.
 */
import type { EvaluatorKind } from '../runtime/evaluate.js';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileKey, libraryHash } from '../params/library-hash.js';
import type { UserSupplied } from '../params/overrides.js';
import { buildProvenance, type Provenance } from '../run/provenance.js';
import type { Library } from '../semantics/library.js';
import { gitRevision } from './git-revision.js';
import { packageInfo } from './package-info.js';
import { bundledRules, packageRoot } from './paths.js';
import { ranAt } from './ran-at.js';

export interface ProvenanceOptions {
  /** --rules as given. */
  rules?: string;
  /** The reform folder overlaid on the library, as given; its files must be among the library's sources. */
  reform?: string;
}

export interface RunFacts {
  supplied: readonly UserSupplied[];
  unconfirmed: number;
  evaluator?: EvaluatorKind;
}

/** The files of the library loaded from under `root`. */
function filesUnder(lib: Library, root: string, cwd: string): Array<{ path: string; content: string }> {
  return [...lib.sources].filter(([path]) => !fileKey([root], path, cwd).startsWith('-/')).map(([path, content]) => ({ path, content }));
}

export function commandProvenance(lib: Library, opts: ProvenanceOptions, run: RunFacts): Provenance {
  const cwd = process.cwd();
  const rulesRoot = opts.rules ?? bundledRules();
  const roots = opts.reform !== undefined ? [rulesRoot, opts.reform] : [rulesRoot];
  const pkg = packageInfo();
  const time = ranAt();
  const revision = gitRevision(packageRoot());
  const rel = relative(packageRoot(), resolve(cwd, rulesRoot));
  return buildProvenance({
    lib,
    roots,
    cwd,
    path: opts.rules ?? (isAbsolute(rel) ? rulesRoot : rel.split('\\').join('/')),
    bundled: opts.rules === undefined,
    reform: opts.reform !== undefined ? { path: opts.reform, hash: libraryHash([opts.reform], filesUnder(lib, opts.reform, cwd), cwd) } : null,
    supplied: run.supplied,
    unconfirmed: run.unconfirmed,
    ...(run.evaluator ? { evaluator: run.evaluator } : {}),
    packageName: pkg.name,
    version: pkg.version,
    ...(revision !== undefined ? { gitRevision: revision } : {}),
    ranAt: time.at,
    ranAtFrom: time.from,
  });
}
