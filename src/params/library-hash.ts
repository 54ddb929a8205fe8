/**
 * The rule library's identity: a SHA-256 over the sorted relative paths and
 * the bytes of every file the library loaded (rule files, parameter YAML,
 * library.yaml, sources.yaml, labels.yaml). Two libraries with the same
 * files, read from anywhere, in any order, with any modification times, have
 * the same hash; one changed byte, one file added, removed or renamed gives
 * another.
 *
 * A pure function of the roots the library was loaded from (the rule folder,
 * then any overlay folder such as a reform) and the files read under them:
 * each file is named by the index of its root and its path inside that root,
 * so an overlay file never collides with the library file it replaces.
 */
import { createHash } from 'node:crypto';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

/** A file the library loaded: its path (absolute, or relative to `cwd`) and its content (text is hashed as UTF-8). */
export interface LoadedFile {
  path: string;
  content: string | Uint8Array;
}

export interface LibraryHash {
  /** `sha256:` and 64 lower-case hex digits. */
  hash: string;
  /** How many files it covers. */
  files: number;
}

/** The version of the hashing scheme, hashed first: a change of the scheme never yields a hash of the old one. */
const SCHEME = 'lcff-library-hash/1';

/**
 * The key a file is hashed under: `<root index>/<path inside the root>`,
 * with `/` separators; the most specific root that holds the file wins; a
 * root that is the file itself names it by its base name; a file under no
 * root keeps its absolute path (`-/…`).
 */
export function fileKey(roots: readonly string[], path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  let best: { index: number; rel: string; depth: number } | undefined;
  roots.forEach((root, index) => {
    const r = resolve(cwd, root);
    const rel = relative(r, abs);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return;
    if (best === undefined || rel.length < best.depth) best = { index, rel: rel === '' ? basename(abs) : rel, depth: rel.length };
  });
  if (best === undefined) return `-/${abs.split(sep).join('/')}`;
  return `${best.index}/${best.rel.split(sep).join('/')}`;
}

/** The hash of the files loaded from `roots` (see the module comment). */
export function libraryHash(roots: readonly string[], files: Iterable<LoadedFile>, cwd = process.cwd()): LibraryHash {
  const entries = new Map<string, Uint8Array>();
  for (const f of files) {
    const key = fileKey(roots, f.path, cwd);
    // keys are one-to-one with absolute paths: a repeated key is the same file listed twice
    if (!entries.has(key)) entries.set(key, typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content);
  }
  const h = createHash('sha256');
  h.update(`${SCHEME}\0`);
  // code-unit order, never the locale's: the same on every machine
  for (const key of [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const bytes = entries.get(key)!;
    // name and length before the bytes: no two file sets hash the same stream
    h.update(`${key}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return { hash: `sha256:${h.digest('hex')}`, files: entries.size };
}

/** The short form shown in terminal lines: the first 12 hex digits. */
export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}
