/**
 * Golden tests of the checker: every file in good/ checks clean against the
 * bundled library; every file in bad/ reports exactly the diagnostics in its
 * .expected file (`line:col code message`). UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { libraryWith } from '../helpers/library.js';

const DIR = new URL('./', import.meta.url).pathname;

function diagnosticsOf(lib: Awaited<ReturnType<typeof libraryWith>>, file: string): string {
  return lib.diagnostics
    .filter((d) => d.file === file)
    .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`)
    .join('\n');
}

describe('checker golden files', () => {
  for (const name of readdirSync(`${DIR}good`).filter((f) => f.endsWith('.lcff'))) {
    it(`good/${name} checks clean`, async () => {
      const file = `test/semantics/good/${name}`;
      const lib = await libraryWith([{ file, text: readFileSync(`${DIR}good/${name}`, 'utf8') }]);
      expect(diagnosticsOf(lib, file)).toBe('');
      expect(lib.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  }
  for (const name of readdirSync(`${DIR}bad`).filter((f) => f.endsWith('.lcff'))) {
    it(`bad/${name} reports its expected diagnostics`, async () => {
      const file = `test/semantics/bad/${name}`;
      const lib = await libraryWith([{ file, text: readFileSync(`${DIR}bad/${name}`, 'utf8') }]);
      const actual = diagnosticsOf(lib, file);
      const expectedFile = `${DIR}bad/${name.replace(/\.lcff$/, '.expected')}`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedFile, `${actual}\n`);
      expect(existsSync(expectedFile), `missing ${expectedFile}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).not.toBe('');
      expect(`${actual}\n`).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
