/** Test helpers: the bundled library's sources, and a library built with extra files. */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildLibrary, findSources, type SourceText } from '../../src/semantics/workspace.js';
import type { Library } from '../../src/semantics/library.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

let cached: SourceText[] | undefined;

export async function bundledSources(): Promise<SourceText[]> {
  if (!cached) {
    const files = await findSources([`${ROOT}rules`]);
    cached = files.map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
  }
  return cached;
}

let lib: Library | undefined;

export async function bundledLibrary(): Promise<Library> {
  lib ??= buildLibrary(await bundledSources());
  return lib;
}

export async function libraryWith(extra: SourceText[]): Promise<Library> {
  return buildLibrary([...(await bundledSources()), ...extra]);
}
