/**
 * The cached reads of a rule library (src/cache/library-reads.ts): a library
 * checked from reads given back by the cache is the library checked from the
 * files parsed now — same diagnostics, same program in every year; a hit
 * really takes the entry; a changed file is a miss; an entry that is
 * corrupt, foreign or misshapen is ignored and written again; with the cache
 * off nothing is written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCache } from '../helpers/temp-cache.js';
import { bundledSources, ROOT } from '../helpers/library.js';
import { checkSummary } from '../../src/cache/check-summary.js';
import { READS_KIND } from '../../src/cache/library-reads.js';
import { readEntry, writeEntry } from '../../src/cache/store.js';
import { CachedLibrary } from '../../src/cli/cached-library.js';
import { compileProgram, programJson } from '../../src/compile/program.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import type { Library } from '../../src/semantics/library.js';
import { buildLibrary, findSources, type SourceText } from '../../src/semantics/workspace.js';

const dir = useTempCache('lcff-reads-');

const entries = (): string[] => readdirSync(dir()).filter((n) => n.startsWith(`${READS_KIND}-`));

/** Everything a command takes from a library: what check prints, and the program of every year it covers. */
function observed(lib: Library): unknown {
  const programs: string[] = [];
  if (!lib.diagnostics.some((d) => d.severity === 'error')) for (let y = lib.horizon.first; y <= lib.horizon.last; y++) programs.push(JSON.stringify(programJson(compileProgram(lib, y))));
  return { summary: checkSummary(lib), diagnostics: lib.diagnostics.map(formatDiagnostic), files: lib.files, params: lib.paramList, programs };
}

const cachedLibrary = (sources: SourceText[], reform?: SourceText[]): Promise<Library> => new CachedLibrary(sources, reform).library();

async function sourcesOf(folder: string): Promise<SourceText[]> {
  return (await findSources([join(ROOT, folder)])).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
}

describe('the cached reads of a rule library', () => {
  it('checks and compiles a library read back exactly as one parsed now (the bundled library, a reform, a library with errors)', async () => {
    const cases: Array<[SourceText[], SourceText[] | undefined]> = [
      [await bundledSources(), undefined],
      [await bundledSources(), await sourcesOf('examples/reforms/supplemental-25')],
      [await sourcesOf('test/semantics/bad'), undefined],
    ];
    for (const [sources, reform] of cases) {
      const live = observed(buildLibrary(sources, undefined, reform));
      const before = entries().length;
      expect(observed(await cachedLibrary(sources, reform))).toEqual(live); // miss: parsed, written
      expect(entries()).toHaveLength(before + 1);
      expect(observed(await cachedLibrary(sources, reform))).toEqual(live); // hit
      expect(entries()).toHaveLength(before + 1);
    }
    const bad = (await cachedLibrary(await sourcesOf('test/semantics/bad'))).diagnostics.filter((d) => d.severity === 'error');
    expect(bad.length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('takes a hit from the entry, not from the files', async () => {
    const sources = await bundledSources();
    const key = new CachedLibrary(sources).key;
    await cachedLibrary(sources);
    const entry = readEntry(READS_KIND, key, (v): v is { reads: Array<Record<string, unknown>> } => true)!;
    const manifest = entry.reads.find((r) => r.manifest !== undefined)!.manifest as { name: string };
    manifest.name = 'read back from the cache';
    writeEntry(READS_KIND, key, entry);
    expect((await cachedLibrary(sources)).manifest?.name).toBe('read back from the cache');
  });

  it('reads a changed rule file again: a new key, its errors reported as when parsed now', async () => {
    const sources = await bundledSources();
    await cachedLibrary(sources);
    const changed = sources.map((s) => (s.file.endsWith('enums.lcff') ? { ...s, text: `${s.text}\nformula broken() : Money cite "EC 2574" = nothing_here\n` } : s));
    const lib = await cachedLibrary(changed);
    expect(lib.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual(buildLibrary(changed).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic));
    expect(lib.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('enums.lcff'))).toBe(true);
    expect(entries()).toHaveLength(2);
  });

  it('ignores an entry that is corrupt, foreign or misshapen, reads the files now and writes the entry again', async () => {
    const sources = await bundledSources();
    const other = await sourcesOf('test/semantics/bad');
    const key = new CachedLibrary(sources).key;
    const live = observed(buildLibrary(sources));
    await cachedLibrary(other);
    const [otherName] = entries();
    const otherText = readFileSync(join(dir(), otherName), 'utf8');
    await cachedLibrary(sources);
    const file = join(dir(), `${READS_KIND}-${key}.json`);
    const original = readFileSync(file, 'utf8');
    const body = JSON.parse(original.slice(original.indexOf('\n') + 1)) as { key: string; files: string[]; reads: Array<Record<string, unknown>> };
    const edited = (edit: (b: typeof body) => void): () => void => () => {
      const b = structuredClone(body);
      edit(b);
      writeEntry(READS_KIND, key, b); // a sound checksum over the edited body
    };
    const damage: Array<() => void> = [
      () => writeFileSync(file, original.slice(0, original.length - 100)), // truncated
      () => writeFileSync(file, original.replace('"firstYear":', '"firstYear": ')), // changed under its checksum
      () => writeFileSync(file, otherText), // another library's entry under this key
      edited((b) => (b.key = b.key.replace(/^./, (c) => (c === '0' ? '1' : '0')))), // written for another key
      edited((b) => b.files.reverse()), // for the files in another order
      edited((b) => b.reads.pop()), // a file's read missing
      edited((b) => delete (b.reads.find((r) => r.ast !== undefined)!.ast as { declarations: Array<Record<string, unknown>> }).declarations[0].range), // a declaration without its range
      edited((b) => ((b.reads[0] as { diagnostics: unknown }).diagnostics = [{ code: 'LCFF-E001', severity: 'fatal', message: 'x', file: 'f', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } }])), // a diagnostic of another shape
      edited((b) => ((b.reads.find((r) => r.params !== undefined) as { params: unknown[] }).params[0] = { $q: 1 })), // a form the codec never writes
    ];
    for (const d of damage) {
      d();
      expect(readFileSync(file, 'utf8')).not.toBe(original);
      expect(observed(await cachedLibrary(sources))).toEqual(live);
      expect(readFileSync(file, 'utf8')).toBe(original);
    }
  }, 60_000);

  it('writes nothing with the cache off, and checks the same library', async () => {
    process.env.LCFF_NO_CACHE = '1';
    const sources = await bundledSources();
    expect(observed(await cachedLibrary(sources))).toEqual(observed(buildLibrary(sources)));
    expect(readdirSync(dir())).toEqual([]);
  });

  it('works when the cache folder cannot be made or written: the same library, nothing kept', async () => {
    const sources = await bundledSources();
    const blocker = join(dir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    process.env.LCFF_CACHE_DIR = join(blocker, 'cache'); // mkdir fails (ENOTDIR), as for a read-only or missing parent
    expect(observed(await cachedLibrary(sources))).toEqual(observed(buildLibrary(sources)));
    expect(readdirSync(dir())).toEqual(['a-file']);
  });
});
