/**
 * The cache key of a rule library: a SHA-256 over the cache format, lcff's
 * version, the code that computes what is cached (every module of the stages
 * that read, check and compile a library, by name, size and modification
 * time, so a rebuilt lcff never reads what an older build wrote; and the
 * versions of the libraries that parse and compute them, so a reinstalled
 * one never reads what another wrote), and each file's name as printed and
 * its text.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_FORMAT } from './store.js';

export interface KeyedSource {
  file: string;
  text: string;
}

let fingerprint: string | undefined;

/** The stages (folders of src/) whose code decides what a cache entry holds. */
const DERIVING = ['cache', 'compile', 'core', 'params', 'runtime', 'semantics', 'syntax'];

/** The libraries whose output a cache entry holds: the rule parser, the YAML reader, decimals. */
const DEPENDENCIES = ['chevrotain', 'yaml', 'decimal.js'];

/** The version of an installed package, found as Node finds it (node_modules of this folder or a parent); "?" when not found. */
export function installedVersion(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      const { version } = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
      return typeof version === 'string' ? version : '?';
    } catch {
      // not here: the parent folder
    }
    if (dirname(dir) === dir) return '?';
  }
}

/** The modules of those stages in this build (src/ or dist/src/): name, size and modification time of each; and the versions of DEPENDENCIES. */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  for (const name of DEPENDENCIES) hash.update(`${name}@${installedVersion(root, name)}\n`);
  for (const stage of DERIVING) {
    const dir = join(root, stage);
    const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => /\.(js|ts)$/.test(n)).sort();
    for (const n of names) {
      const st = statSync(join(dir, n));
      hash.update(`${stage}/${n}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

export function libraryKey(sources: readonly KeyedSource[], version: string): string {
  const hash = createHash('sha256');
  hash.update(`lcff-rules cache ${CACHE_FORMAT}\0${version}\0${codeFingerprint()}\0${sources.length}\0`);
  for (const s of [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(`${Buffer.byteLength(s.file)}:${s.file}\0${Buffer.byteLength(s.text)}:`);
    hash.update(s.text);
    hash.update('\0');
  }
  return hash.digest('hex');
}
