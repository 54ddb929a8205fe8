/**
 * Which files a scenario may read. A scenario names data files (a student
 * CSV); it may read only files inside its own folder, or inside a folder
 * the user named on the command line (`--data-dir`). Paths are compared
 * after resolving `..` and symbolic links (realpath), so neither
 * `../../etc/passwd`, `/proc/self/environ` nor a link pointing out of the
 * folder is read. A path outside is refused before it is touched.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

/** True when `path` is `root` or inside it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The path a scenario names, resolved against its folder. */
export function resolveNamed(baseDir: string, named: string): string {
  return isAbsolute(named) ? resolve(named) : resolve(baseDir, named);
}

/** The allowed folder that holds `path` by its written form, or undefined. */
export function lexicalRoot(roots: readonly string[], path: string): string | undefined {
  return roots.map((r) => resolve(r)).find((r) => isInside(r, path));
}

export class OutsideError extends Error {}

/** Opens a file the scenario named, after checking its real path is inside an allowed folder. */
export async function openInside(path: string, roots: readonly string[]): Promise<Readable> {
  const real = await realpath(path);
  const realRoots = await Promise.all(roots.map((r) => realpath(r).catch(() => resolve(r))));
  if (!realRoots.some((r) => isInside(r, real))) throw new OutsideError('it links to a file outside the allowed folders');
  const s = await stat(real);
  if (!s.isFile()) throw new Error('it is not a regular file');
  return createReadStream(real);
}
