/** The rule library's files as the CLI reads them, and the usage error for a path that cannot be read; loads no parser. */
import { stat } from 'node:fs/promises';
import { readLibrarySources, SourceAccessError } from '../semantics/find-sources.js';
import type { SourceText } from '../semantics/sources.js';
import { UserError } from './errors.js';
import { bundledRules } from './paths.js';

/** Runs `fn`; a rule-library path that cannot be read (missing, no permission) is a usage error, exit 2, not an internal one. */
export async function asUserError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SourceAccessError) throw new UserError(e.message, 2);
    throw e;
  }
}

/** The files under `paths` (default: the bundled rules/), named relative to the working folder. */
export function librarySources(paths: readonly string[] = []): Promise<SourceText[]> {
  return asUserError(() => readLibrarySources(paths.length > 0 ? [...paths] : [bundledRules()]));
}

/** The files of a reform folder; a path that is not a folder is a usage error. */
export function reformSources(folder: string): Promise<SourceText[]> {
  return asUserError(async () => {
    const st = await stat(folder).catch((e: unknown) => { throw new SourceAccessError(folder, e); });
    if (!st.isDirectory()) throw new SourceAccessError(folder, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
    return readLibrarySources([folder]);
  });
}

/** A command that needs a library without errors gets one: the error lines (as `lcff check` prints them), exit 1. */
export function libraryHasErrors(lines: readonly string[]): UserError {
  return new UserError(`the rule library has errors (run lcff check):\n${lines.join('\n')}`, 1);
}
