/**
 * The lcff-rules checkout's revision, read from .git without running git
 * (src/cli/git-revision.ts): a branch's loose ref, a packed ref, a detached
 * HEAD, a linked worktree; nothing (never an error) without a .git or with
 * one that is not what it should be, and never a parent folder's repository.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRevision } from '../../src/cli/git-revision.js';

const A = 'a'.repeat(40);
const B = '0123456789abcdef0123456789abcdef01234567';

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-git-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('gitRevision', () => {
  it('reads a branch from its loose ref, else from packed-refs', () => {
    expect(gitRevision(repo({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${A}\n` }))).toBe(A);
    expect(gitRevision(repo({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/packed-refs': `# pack-refs with: peeled fully-peeled sorted\n${B} refs/heads/main\n${A} refs/tags/v1\n` }))).toBe(B);
  });

  it('reads a detached HEAD', () => {
    expect(gitRevision(repo({ '.git/HEAD': `${B}\n` }))).toBe(B);
  });

  it('follows a linked worktree: .git is a file naming the git dir, whose commondir holds the refs', () => {
    const main = repo({ '.git/packed-refs': `${A} refs/heads/feature\n`, '.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n', '.git/worktrees/wt/commondir': '../..\n' });
    const wt = repo({ '.git': `gitdir: ${join(main, '.git/worktrees/wt')}\n` });
    expect(gitRevision(wt)).toBe(A);
  });

  it('is undefined without a .git, never looking at a parent folder', () => {
    const parent = repo({ '.git/HEAD': `${A}\n` });
    mkdirSync(join(parent, 'node_modules/lcff-rules'), { recursive: true });
    expect(gitRevision(join(parent, 'node_modules/lcff-rules'))).toBeUndefined();
    expect(gitRevision(join(parent, 'no-such-folder'))).toBeUndefined();
  });

  it('is undefined for a .git that is not what it should be: a missing ref, garbage in HEAD, a ref leaving the git dir', () => {
    expect(gitRevision(repo({ '.git/HEAD': 'ref: refs/heads/gone\n' }))).toBeUndefined();
    expect(gitRevision(repo({ '.git/HEAD': 'not a revision\n' }))).toBeUndefined();
    expect(gitRevision(repo({ '.git/HEAD': 'ref: refs/../../secret\n', secret: `${A}\n` }))).toBeUndefined();
    expect(gitRevision(repo({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': 'zz\n' }))).toBeUndefined();
    expect(gitRevision(repo({ '.git': 'no gitdir line\n' }))).toBeUndefined();
  });
});
