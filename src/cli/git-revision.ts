/**
 * The git revision of a checkout, read from its `.git` without running git:
 * HEAD, a loose ref or packed-refs, also in a linked worktree (`.git` a file
 * naming the git dir, `commondir` naming the shared one). Undefined whenever
 * anything is missing or unexpected — an npm tarball has no `.git`, and a
 * run never fails for want of a revision. Only `dir/.git` is looked at, never
 * a parent folder: an installed package inside someone else's repository must
 * not report that repository's revision.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** A ref name as HEAD may name it: no `..`, no leading `/`, plain characters. */
const REF_NAME = /^refs\/[A-Za-z0-9._\-/]+$/;
/** Files of a git dir read here are small; a larger one is not what it should be. */
const MAX_BYTES = 64 * 1024 * 1024;

function read(path: string): string | undefined {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The git dir of `dir`: `dir/.git` itself, or the folder a `.git` file points to (`gitdir: …`). */
function gitDir(dir: string): string | undefined {
  const dotGit = join(dir, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
  } catch {
    return undefined;
  }
  const m = /^gitdir: (.+)$/m.exec(read(dotGit) ?? '');
  return m ? resolve(dir, m[1].trim()) : undefined;
}

function packedRef(commonDir: string, ref: string): string | undefined {
  for (const line of (read(join(commonDir, 'packed-refs')) ?? '').split('\n')) {
    const [id, name] = line.trim().split(' ');
    if (name === ref && OBJECT_ID.test(id ?? '')) return id;
  }
  return undefined;
}

/** The commit checked out in `dir` (40 or 64 hex digits), or undefined. */
export function gitRevision(dir: string): string | undefined {
  const git = gitDir(dir);
  if (!git) return undefined;
  const head = read(join(git, 'HEAD'))?.trim();
  if (!head) return undefined;
  if (OBJECT_ID.test(head)) return head;
  const ref = /^ref: (.+)$/.exec(head)?.[1]?.trim();
  if (!ref || !REF_NAME.test(ref) || ref.split('/').includes('..')) return undefined;
  const common = read(join(git, 'commondir'))?.trim();
  const commonDir = common ? resolve(git, common) : git;
  for (const base of [git, commonDir]) {
    const id = read(join(base, ref))?.trim();
    if (id && OBJECT_ID.test(id)) return id;
  }
  return packedRef(commonDir, ref);
}
