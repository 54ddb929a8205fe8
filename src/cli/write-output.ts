/** Writing an output file a user named (--xlsx, …): a path that cannot be written is a usage error (exit 2) that says why, never an internal error. */
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from './errors.js';
import { excerpt } from '../core/safe-text.js';

const WHY: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'a file of that name is in the way',
};

/**
 * Before a run: an output path that surely cannot be written (empty, a
 * folder, in a folder that does not exist) is refused at once rather than
 * after the run.
 */
export function checkOutputPath(flag: string, path: string): void {
  if (path.trim() === '') throw new UserError(`${flag}: needs a file name`, 2);
  const shown = excerpt(path, 200);
  const target = stat(path);
  if (target === 'ENOTDIR') throw new UserError(`${flag}: cannot write ${shown}: ${WHY.ENOTDIR}`, 2);
  if (typeof target === 'object' && target.isDirectory()) throw new UserError(`${flag}: cannot write ${shown}: ${WHY.EISDIR}`, 2);
  const folder = stat(dirname(resolve(path)));
  if (folder === 'ENOENT') throw new UserError(`${flag}: cannot write ${shown}: ${WHY.ENOENT}`, 2);
  if (folder === 'ENOTDIR' || (typeof folder === 'object' && !folder.isDirectory())) throw new UserError(`${flag}: cannot write ${shown}: ${WHY.ENOTDIR}`, 2);
}

/** Before a run: an output folder (--csv <dir>) that is a file, or under a file, is refused at once; a missing folder is created later. */
export function checkOutputFolder(flag: string, path: string): void {
  if (path.trim() === '') throw new UserError(`${flag}: needs a folder name`, 2);
  const target = stat(path);
  if (target === 'ENOTDIR') throw new UserError(`${flag}: cannot write into ${excerpt(path, 200)}: ${WHY.ENOTDIR}`, 2);
  if (typeof target === 'object' && !target.isDirectory()) throw new UserError(`${flag}: cannot write into ${excerpt(path, 200)}: it is a file, not a folder`, 2);
}

/** What is at a path: its stats, or the error code that says why there is nothing (other errors: left to the write). */
function stat(path: string): Stats | 'ENOENT' | 'ENOTDIR' | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? code : undefined;
  }
}

export async function writeOutput(flag: string, path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code in WHY) throw new UserError(`${flag}: cannot write ${excerpt(path, 200)}: ${WHY[code]}`, 2);
    throw e;
  }
}
