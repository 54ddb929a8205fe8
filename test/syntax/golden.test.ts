/**
 * Golden tests: good/*.lcff parse without diagnostics to the AST in
 * good/*.ast.json (ranges stripped); bad/*.lcff report exactly the
 * diagnostics of bad/*.expected (`line:col code message`, one a line).
 * UPDATE_GOLDEN=1 npx vitest run test/syntax rewrites the golden files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseRuleFile } from '../../src/syntax/parse.js';

const here = dirname(fileURLToPath(import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

/** The AST as JSON without source ranges (ranges have their own tests). */
export function stripRanges(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'range' ? undefined : v), 2) + '\n';
}

function lcffFiles(dir: string): string[] {
  return readdirSync(join(here, dir))
    .filter((f) => f.endsWith('.lcff'))
    .sort();
}

function golden(path: string, actual: string): void {
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('good files', () => {
  for (const f of lcffFiles('good')) {
    test(f, () => {
      const path = join(here, 'good', f);
      const { ast, diagnostics } = parseRuleFile(`good/${f}`, readFileSync(path, 'utf8'));
      expect(diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`)).toEqual([]);
      golden(path.replace(/\.lcff$/, '.ast.json'), stripRanges(ast));
    });
  }
});

describe('bad files', () => {
  for (const f of lcffFiles('bad')) {
    test(f, () => {
      const path = join(here, 'bad', f);
      const { diagnostics } = parseRuleFile(`bad/${f}`, readFileSync(path, 'utf8'));
      for (const d of diagnostics) {
        expect(d.severity).toBe('error');
        expect(d.file).toBe(`bad/${f}`);
      }
      const lines = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`).join('\n') + '\n';
      golden(path.replace(/\.lcff$/, '.expected'), lines);
    });
  }
});
