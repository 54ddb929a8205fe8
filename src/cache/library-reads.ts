/**
 * What each file of a rule library says (src/semantics/sources.ts: its
 * syntax tree, parameters, manifest, register or labels, and diagnostics),
 * kept in the cache (store.ts) under the library's key (key.ts: the files'
 * names and texts, a reform's, lcff's version and build), so that a command
 * whose files have not changed neither loads the parser nor reads YAML
 * before checking and compiling the library (checking and compiling stay
 * live: they take a few milliseconds).
 *
 * The entry is exact (value-codec.ts keeps decimals, maps, sets, `undefined`
 * and shared objects) and used only when sound: checksum (store.ts), the key
 * and file names it was written for, a decodable form and the shape of each
 * file's read (read-shape.ts). Otherwise — or with the cache off — every
 * file is read now, as if there were no cache.
 */
import type { ReadSource, SourceText } from '../semantics/sources.js';
import type { SourceReader } from '../semantics/assemble.js';
import { arrayOf, isString, shape } from './shape.js';
import { isReadOf } from './read-shape.js';
import { cacheDir, readEntry, writeEntry } from './store.js';
import { decodeValue, encodeValue } from './value-codec.js';

export const READS_KIND = 'reads';

interface ReadsEntry {
  /** the key the entry was written under: an entry renamed to another key is refused */
  key: string;
  /** the library's files, then the reform's (marked `reform:`), in the order read */
  files: string[];
  /** value-codec's form of one ReadSource per file, in the same order */
  reads: unknown;
}

const isReadsEntry = shape<ReadsEntry>({ key: isString, files: arrayOf(isString), reads: (v: unknown): v is unknown => Array.isArray(v) });

function fileNames(sources: readonly SourceText[], reform: readonly SourceText[] | undefined): string[] {
  return [...sources.map((s) => s.file), ...(reform ?? []).map((s) => `reform:${s.file}`)];
}

/** The reads of the entry for `key`, when it is sound and for exactly these files. */
function readBack(key: string, all: readonly SourceText[], names: readonly string[]): ReadSource[] | undefined {
  const entry = readEntry(READS_KIND, key, isReadsEntry);
  if (!entry || entry.key !== key || entry.files.length !== names.length || entry.files.some((f, i) => f !== names[i])) return undefined;
  const decoded = decodeValue(entry.reads);
  if (!decoded || !Array.isArray(decoded.value) || decoded.value.length !== all.length) return undefined;
  const reads = decoded.value as unknown[];
  return reads.every((r, i) => isReadOf(all[i].file)(r)) ? (reads as ReadSource[]) : undefined;
}

/**
 * A reader of the library's files (and a reform's), for assembleLibrary:
 * from the cache entry of `key` when it is sound, else each file read now
 * (loading the parser and the YAML reader) and the entry written.
 */
export async function libraryReads(key: string, sources: readonly SourceText[], reform?: readonly SourceText[]): Promise<SourceReader> {
  const all = [...sources, ...(reform ?? [])];
  const names = fileNames(sources, reform);
  const on = cacheDir() !== undefined;
  let reads = on ? readBack(key, all, names) : undefined;
  if (!reads) {
    const { readSource } = await import('../semantics/sources.js');
    reads = all.map((s) => readSource(s));
    if (on) {
      let form: unknown;
      try {
        form = encodeValue(reads); // before the library is assembled from them: what was read, nothing after
      } catch {
        form = undefined; // something the codec cannot keep exactly: not cached
      }
      if (form !== undefined) writeEntry(READS_KIND, key, { key, files: names, reads: form } satisfies ReadsEntry);
    }
  }
  const bySource = new Map<SourceText, ReadSource>(all.map((s, i) => [s, reads[i]]));
  return (s) => {
    const r = bySource.get(s);
    if (!r) throw new Error(`no read of ${s.file}`);
    return r;
  };
}
