/**
 * Builds the checked library from source texts (pure: the language server
 * calls this with its open documents) or from paths on disk (the CLI).
 */
import { stat } from 'node:fs/promises';
import type { CheckMemo } from './check-memo.js';
import type { Library } from './library.js';
import { assembleLibrary } from './assemble.js';
import { access, readLibrarySources, SourceAccessError } from './find-sources.js';
import { readSource, type SourceCache, type SourceText } from './sources.js';

export { isParameterFile, isRuleFile, type SourceCache, type SourceText } from './sources.js';
export { findSources, readLibrarySources, SourceAccessError } from './find-sources.js';

/**
 * Parses, resolves and checks a set of rule and parameter files (assemble.ts).
 * Never throws on bad input; each file is read on its own (sources.ts),
 * through `cache` when given. With `reform`, those files are overlaid on the
 * others (reform.ts) and the result is checked as one library; decisions are
 * checked through `memo` when given (check-memo.ts).
 */
export function buildLibrary(sources: SourceText[], cache?: SourceCache, reform?: readonly SourceText[], memo?: CheckMemo): Library {
  return assembleLibrary((s) => readSource(s, cache), sources, reform, memo);
}

/** The library of the rule files under `paths`; with `reform`, the files under that folder overlaid on it (docs/reforms.md). */
export async function loadLibrary(paths: string[], cwd = process.cwd(), reform?: string): Promise<Library> {
  const sources = await readLibrarySources(paths, cwd);
  if (reform === undefined) return buildLibrary(sources);
  const st = await access(reform, () => stat(reform));
  if (!st.isDirectory()) throw new SourceAccessError(reform, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  return buildLibrary(sources, undefined, await readLibrarySources([reform], cwd));
}
