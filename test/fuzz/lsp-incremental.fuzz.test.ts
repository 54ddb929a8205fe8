/**
 * The language server's incremental re-check (declarations reused across
 * edits, files parsed one at a time) gives exactly what a full re-check of
 * the same texts gives: the same ASTs, diagnostics, definitions, references,
 * types and resolutions, after every edit of random edit sequences on a
 * library file. Decisions whose check is replayed (check-memo.ts) included,
 * and declarations moved in place below an edit (declaration-memo.ts) on
 * lines re-lexed alone (relex.ts): the edits split declarations (a new
 * `decision` keyword), merge them (deleting one), open strings and comments
 * that never close, and add `let` locals whose keys hold their offsets.
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
  'decision fuzz_d for student\n',
  '    let fuzz_l = 1\n',
  '"unterminated',
  '// a comment "',
  '/// doc\n',
  '\r\n',
  'x',
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

/** The library file with its first decision (the one with `let` locals) moved last, so that edits above it move it. */
function withLetsLast(text: string): string {
  const first = text.indexOf('decision transfer ');
  const second = text.indexOf('decision sacs_entries ');
  // the doc lines of the second decision go with it
  const cut = text.lastIndexOf('\n\n', second) + 2;
  return `${text.slice(0, first)}${text.slice(cut).trimEnd()}\n\n${text.slice(first, cut)}`;
}

describe('incremental re-check', () => {
  it('equals a full re-check after every edit', async () => {
    const index = new WorkspaceIndex();
    await index.scan([RULES]);
    const texts = [index.text(FILE)!, withLetsLast(index.text(FILE)!)];
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), async (start, edits, prepared) => {
        let text = texts[start];
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
  }, cfg.long ? 0 : 120_000); // a long run (npm run fuzz) takes as long as its count needs

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

  it('replays the check of every moved decision after an edit at the top of a file, except those with let locals', async () => {
    const index = new WorkspaceIndex();
    await index.scan([RULES]);
    const text = withLetsLast(index.text(FILE)!);
    index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', 1, text));
    const before = index.library();
    const decisions = before.files.find((f) => f.file === FILE)!.declarations.filter((d) => d.kind === 'decision');
    expect(decisions.map((d) => [d.name.text, d.rules.some((r) => r.lets.length > 0)])).toEqual([
      ['sacs_entries', false],
      ['transfer_conventions', false],
      ['transfer', true],
    ]);
    // a line added inside the first decision: it is parsed and checked again, the other two move; the one with lets is checked again
    const at = text.indexOf('\n', text.indexOf('decision sacs_entries ')) + 1;
    index.setOpen(FILE, TextDocument.create(`file://${FILE}`, 'lcff', 2, `${text.slice(0, at)}  // a new line\n${text.slice(at)}`));
    const after = index.library();
    const replayed = index.checkMemo.replayed;
    expect(view(after)).toBe(view(buildLibrary(index.files().map((file) => ({ file, text: index.text(file) ?? '' })))));
    expect(replayed).toBe(before.decisions.size - 2);
  }, 60_000);

  it('resolves the parameters again when an enum they are keyed by loses a member', async () => {
    const index = new WorkspaceIndex();
    await index.scan([RULES]);
    const enums = join(RULES, 'enums.lcff');
    const text = index.text(enums)!;
    index.setOpen(enums, TextDocument.create(`file://${enums}`, 'lcff', 1, text));
    const before = index.library();
    index.setOpen(enums, TextDocument.create(`file://${enums}`, 'lcff', 2, text.replace('  g7_8 "Grades 7 and 8"\n', '')));
    const after = index.library();
    const params = (lib: Library) => lib.diagnostics.filter((d) => d.file.endsWith('.yaml')).length;
    expect(params(after)).toBeGreaterThan(params(before));
    expect(view(after)).toBe(view(buildLibrary(index.files().map((file) => ({ file, text: index.text(file) ?? '' })))));
  }, 60_000);

  it('checks a replayed decision again when the years of a library without a manifest move (another decision named its first year)', () => {
    // no library.yaml: the library covers the years its files name; a rule without `effective` is in force from the first
    const dir = join(ROOT, 'no-manifest');
    const open = (file: string, text: string, version: number): void => index.setOpen(join(dir, file), TextDocument.create(`file://${join(dir, file)}`, file.endsWith('.yaml') ? 'yaml' : 'lcff', version, text));
    const index = new WorkspaceIndex();
    const paid = (from: string) => `decision starts for coe\n  cite "EC 2574"\n  output a : Rate\n\n  rule r\n    cite "EC 2574"\n    effective ${from} onward\n    then a = rate\nend\n`;
    open('p.yaml', 'rate:\n  description: a rate\n  unit: USD/ADA\n  cite: "EC 2574"\n  values:\n    2014-15:\n      value: 5\n      status: confirmed\n', 1);
    open('facts.lcff', 'facts coe\n  ada : ADA\nend\n', 1);
    open('a.lcff', paid('2014-15'), 1);
    open('b.lcff', 'decision always for coe\n  cite "EC 2574"\n  output b : Rate\n\n  rule r\n    cite "EC 2574"\n    then b = rate\nend\n', 1);
    const noValue = (lib: Library) => lib.diagnostics.filter((d) => d.code === 'LCFF-E033' && d.file === join(dir, 'b.lcff')).length;
    expect(noValue(index.library())).toBe(0);
    open('a.lcff', paid('2013-14'), 2);
    const after = index.library();
    expect(noValue(after)).toBe(1);
    expect(view(after)).toBe(view(buildLibrary(index.files().map((file) => ({ file, text: index.text(file) ?? '' })))));
  });
});
