/**
 * The files of a rule library under the given files or folders, found
 * without loading any parser (the CLI's cache reads them before deciding
 * whether to parse at all).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { visible } from '../core/safe-text.js';
import type { SourceText } from './sources.js';
import { isLabelsFile, isManifestFile, isParameterFile, isRuleFile, isSourcesFile } from '../params/file-names.js';

/** A file or folder of the rule library that cannot be read (missing, no permission): bad input, not a failure of lcff. */
export class SourceAccessError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'it is not a folder' : (code ?? 'it cannot be read');
    super(`cannot read ${visible(path)}: ${why}`);
  }
}

export async function access<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new SourceAccessError(path, e);
  }
}

/** Every .lcff and parameter YAML file under the given files or folders; throws SourceAccessError for one that cannot be read. */
export async function findSources(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const st = await access(p, () => stat(p));
    if (st.isDirectory()) {
      for (const entry of (await access(p, () => readdir(p))).sort()) if (!entry.startsWith('.') && entry !== 'node_modules') await walk(join(p, entry));
    } else if (isRuleFile(p) || isParameterFile(p) || isManifestFile(p) || isSourcesFile(p) || isLabelsFile(p)) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

/** The text of every library file under the given paths, each named relative to `cwd` (as diagnostics print it). */
export async function readLibrarySources(paths: string[], cwd = process.cwd()): Promise<SourceText[]> {
  const files = await findSources(paths);
  return Promise.all(files.map(async (f) => ({ file: relative(cwd, f) || f, text: await access(f, () => readFile(f, 'utf8')) })));
}
