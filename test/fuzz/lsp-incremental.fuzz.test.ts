/**
 * The language server's incremental re-check (declarations reused across
 * edits, files parsed one at a time) gives exactly what a full re-check of
 * the same texts gives: the same ASTs, diagnostics, definitions, references,
 * types and resolutions, after every edit of random edit sequences on a
 * library file. Decisions whose check is replayed (check-memo.ts) included.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../lsp/server/workspace-index.js';
import { buildLibrary } from '../../src/semantics/workspace.js';
import type { Library } from '../../src/semantics/library.js';
import { ROOT } from '../helpers/library.js';
import { fuzzConfig } from './config.js';

const cfg = fuzzConfig(6);
const RULES = join(ROOT, 'rules');
const FILE = join(RULES, 'county-programs/transfer.lcff');

const snippet = fc.constantFrom(
  '\n',
  '  ',
  '\n\n/// A doc line.\n',
  'formula fuzz_f() : Number\n  cite "EC 2574"\n  = 1\n\n',
  'decision ',
  'end\n',
  '(',
  ')',
  '  rule fuzz_r\n    cite "EC 2574"\n    effective 2019-20 onward\n    then x = 1\n',
  'when ',
  '"',
  'enum fuzz_e\n  a\n  b\nend\n',
  '\u0000',
);

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'copy'; at: number; length: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
);

function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  const piece = text.slice(at, at + e.length);
  const to = e.to % (text.length + 1);
  return text.slice(0, to) + piece + text.slice(to);
}

/** What the editor shows from a library: the ASTs, diagnostics, symbols, and the type and resolution of every node. */
function view(lib: Library): string {
  const typed: unknown[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    const node = v as Record<string, unknown>;
    const t = lib.types.get(node as never);
    const r = lib.resolutions.get(node as never);
    if (t || r) typed.push([node.range, t, r]);
    for (const k of Object.keys(node)) walk(node[k]);
  };
  walk(lib.files);
  return JSON.stringify({ files: lib.files, diagnostics: lib.diagnostics, definitions: lib.definitions, references: lib.references, typed });
}

describe('incremental re-check', () => {
  it('equals a full re-check after every edit', async () => {
    const index = new WorkspaceIndex();
    await index.scan([RULES]);
    const original = index.text(FILE)!;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), async (edits, prepared) => {
        let text = original;
        let version = 1;
        index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', version, text));
        index.library();
        for (const [i, e] of edits.entries()) {
          text = apply(text, e);
          index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', ++version, text));
          if (prepared[i]) await index.prepare([FILE], () => false);
          const incremental = index.library();
          const full = buildLibrary(index.files().map((file) => ({ file, text: index.text(file) ?? '' })));
          expect(view(incremental)).toBe(view(full));
        }
      }),
      { numRuns: cfg.numRuns, seed: cfg.seed },
    );
  }, 120_000);

  it('replays the check of every decision after an edit at the end of a file', async () => {
    const index = new WorkspaceIndex();
    await index.scan([RULES]);
    const text = index.text(FILE)!;
    index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', 1, text));
    const before = index.library();
    index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', 2, `${text}\n`));
    const after = index.library();
    expect(index.checkMemo.replayed).toBe(before.decisions.size);
    expect(view(after)).toBe(view(buildLibrary(index.files().map((file) => ({ file, text: index.text(file) ?? '' })))));
  }, 60_000);
});
