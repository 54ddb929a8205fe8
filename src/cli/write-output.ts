/** Writing an output file a user named (--xlsx, …): a path that cannot be written is a usage error (exit 2) that says why, never an internal error. */
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
};

export async function writeOutput(flag: string, path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code in WHY) throw new UserError(`${flag}: cannot write ${excerpt(path, 200)}: ${WHY[code]}`, 2);
    throw e;
  }
}
