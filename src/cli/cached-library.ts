/**
 * A rule library for the CLI's commands: its files are read and hashed, and
 * what `lcff check` and `lcff compile` print is taken from the cache
 * (src/cache/store.ts) when an entry for exactly these files and this build
 * exists; only otherwise are the checker and compiler loaded and run. The
 * library itself (every command that runs scenarios) is checked from what its
 * files say, itself cached (src/cache/library-reads.ts): the parser and the
 * YAML reader are loaded only for files not read before.
 */
import type { CheckSummary } from '../cache/check-summary.js';
import type { CompileView } from '../cache/compile-view.js';
import { libraryKey } from '../cache/key.js';
import { readEntry, writeEntry } from '../cache/store.js';
import type { Library } from '../semantics/library.js';
import type { SourceText } from '../semantics/sources.js';
import { libraryHasErrors, librarySources, reformSources } from './library-sources.js';
import { packageVersion } from './package-info.js';

export class CachedLibrary {
  readonly key: string;
  private lib: Library | undefined;

  /** `reform`: the files of a reform folder overlaid on the library (docs/reforms.md); they are part of the cache key. */
  constructor(
    readonly sources: SourceText[],
    readonly reform?: SourceText[],
  ) {
    this.key = libraryKey(reform === undefined ? sources : [...sources, ...reform.map((r) => ({ file: `reform:${r.file}`, text: r.text }))], packageVersion());
  }

  /**
   * The checked library, checked now the first time it is asked for; what
   * its files say is read back from the cache when it holds them
   * (library-reads.ts), else parsed now.
   */
  async library(): Promise<Library> {
    if (!this.lib) {
      const [{ libraryReads }, { assembleLibrary }] = await Promise.all([import('../cache/library-reads.js'), import('../semantics/assemble.js')]);
      this.lib = assembleLibrary(await libraryReads(this.key, this.sources, this.reform), this.sources, this.reform);
    }
    return this.lib;
  }

  async summary(): Promise<CheckSummary> {
    const { checkSummary, isCheckSummary } = await import('../cache/check-summary.js');
    const cached = readEntry('check', this.key, isCheckSummary);
    if (cached) return cached;
    const summary = checkSummary(await this.library());
    writeEntry('check', this.key, summary);
    return summary;
  }

  /** The summary, when the library has no errors; else a UserError (exit 1) listing them. */
  async checkedSummary(): Promise<CheckSummary> {
    const summary = await this.summary();
    const errors = summary.diagnostics.filter((d) => d.severity === 'error').map((d) => d.text);
    if (errors.length > 0) throw libraryHasErrors(errors);
    return summary;
  }

  /** The program of a year (the library has no errors and holds law for the year: the caller checked). */
  async compiled(year: number): Promise<CompileView> {
    const kind = `compile-${year}`;
    const { compileView, isCompileView } = await import('../cache/compile-view.js');
    const cached = readEntry(kind, this.key, isCompileView);
    if (cached && cached.year === year) return cached;
    const { compileProgram, programJson } = await import('../compile/program.js');
    const program = compileProgram(await this.library(), year);
    const view = compileView(program, programJson(program));
    writeEntry(kind, this.key, view);
    return view;
  }
}

/** The library under `paths` (default: the bundled rules/), with the `reform` folder overlaid when given. */
export async function openLibrary(paths: readonly string[] = [], reform?: string): Promise<CachedLibrary> {
  return new CachedLibrary(await librarySources(paths), reform === undefined ? undefined : await reformSources(reform));
}
