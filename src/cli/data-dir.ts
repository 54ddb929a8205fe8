/** `--data-dir <folder>`: a folder the user allows scenarios (and test cases) to read data files from, besides their own folder. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { excerpt } from '../core/safe-text.js';
import { UserError } from './errors.js';

export async function dataDirOption(dir: string): Promise<string> {
  const s = await stat(dir).catch(() => undefined);
  if (!s?.isDirectory()) throw new UserError(`--data-dir: ${excerpt(dir, 120)} is not a folder`);
  return resolve(dir);
}
