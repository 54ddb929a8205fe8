/**
 * `lcff compare --against <folder or git revision>`: the rule library side a
 * runs. A folder is a rule library (or a checkout holding one in rules/); any
 * other text is a git revision of the repository that holds the rule
 * library, whose rules/ is read with `git ls-tree` and `git show` into a
 * temporary folder (no network, nothing of the working tree touched).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { excerpt } from '../core/safe-text.js';

const run = promisify(execFile);

/** The library side a cannot be had: a usage error (exit 2). */
export class AgainstError extends Error {}

export interface AgainstLibrary {
  /** The folder to load the library from. */
  rules: string;
  /** How the side is named in the output: the folder, or `git:<revision> (<commit>)`. */
  label: string;
  /** Removes the temporary folder of a git revision. */
  dispose: () => Promise<void>;
}

const isDir = async (p: string): Promise<boolean> => (await stat(p).catch(() => undefined))?.isDirectory() === true;

/** A revision name git would accept: no option-looking text, no control characters. */
const REVISION = /^[A-Za-z0-9_./~^@{}-]{1,200}$/;

async function git(cwd: string, args: string[], maxBuffer = 16 * 1024 * 1024): Promise<string> {
  const { stdout } = await run('git', args, { cwd, maxBuffer, encoding: 'utf8' });
  return stdout;
}

export async function againstLibrary(against: string, currentRules: string): Promise<AgainstLibrary> {
  if (await isDir(against)) {
    const rules = (await isDir(join(against, 'rules'))) ? join(against, 'rules') : against;
    return { rules, label: rules, dispose: async () => {} };
  }
  if (!REVISION.test(against) || against.startsWith('-')) throw new AgainstError(`--against: ${excerpt(against)} is neither a folder nor a git revision`);
  const rulesDir = resolve(currentRules);
  let top: string;
  try {
    top = (await git(rulesDir, ['rev-parse', '--show-toplevel'])).trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AgainstError(`--against ${excerpt(against)}: git is not installed (or not on the PATH), so a git revision cannot be read; give a folder holding the rule library instead`);
    throw new AgainstError(`--against ${excerpt(against)}: the rule library ${excerpt(rulesDir)} is not inside a git repository; give a folder holding the rule library instead`);
  }
  let commit: string;
  try {
    commit = (await git(top, ['rev-parse', '--verify', '--quiet', `${against}^{commit}`])).trim();
  } catch {
    throw new AgainstError(`--against: ${excerpt(against)} is neither a folder nor a revision of the git repository ${excerpt(top)}`);
  }
  const prefix = relative(top, rulesDir).split(sep).join('/');
  const listed = (await git(top, ['ls-tree', '-r', '--name-only', '-z', commit, '--', prefix])).split('\0').filter((f) => f.length > 0);
  if (listed.length === 0) throw new AgainstError(`--against ${excerpt(against)}: revision ${commit.slice(0, 12)} has no ${prefix}/ folder`);
  const dir = await mkdtemp(join(tmpdir(), 'lcff-against-'));
  try {
    for (const file of listed) {
      const target = join(dir, relative(prefix, file));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await git(top, ['show', `${commit}:${file}`]));
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw new AgainstError(`--against ${excerpt(against)}: reading ${prefix}/ of ${commit.slice(0, 12)} failed (${excerpt(e instanceof Error ? e.message : String(e))})`);
  }
  return { rules: dir, label: `git:${against} (${commit.slice(0, 12)})`, dispose: () => rm(dir, { recursive: true, force: true }) };
}
