/**
 * One bad document never stops the others (defects 6 and 9 of issue 7): a
 * document nested 10,000 deep, a 5 MB document and a document of Object
 * prototype words each get their own diagnostics, while hover and
 * diagnostics keep working in every other file and every request on the bad
 * document itself answers.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from './client.js';

let client: TestClient;
let dir: string;
const u = (name: string): string => pathToFileURL(join(dir, 'rules', name)).href;
const transfer = (): string => u('county-programs/transfer.lcff');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lcff-lsp-iso-'));
  mkdirSync(join(dir, 'rules'));
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  client = await TestClient.start(dir, { fiscalYear: '2019-20' });
});
afterAll(async () => client.stop());

/** Hover on `district_rate_per_ada` in transfer.lcff: the proof that the rest of the workspace still works. */
async function hoverElsewhere(): Promise<string> {
  const text = readFileSync(join(dir, 'rules/county-programs/transfer.lcff'), 'utf8');
  const at = text.indexOf('district_rate_per_ada(') + 3;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1);
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: transfer() }, position: { line, character } });
  return (h?.contents as { value: string } | undefined)?.value ?? '';
}

/** Every request of the server on a document answers (no JSON-RPC error). */
async function everyRequestAnswers(uri: string): Promise<void> {
  const position = { line: 1, character: 3 };
  const doc = { textDocument: { uri } };
  await client.request('textDocument/hover', { ...doc, position });
  await client.request('textDocument/completion', { ...doc, position });
  await client.request('textDocument/definition', { ...doc, position });
  await client.request('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
  await client.request('textDocument/documentHighlight', { ...doc, position });
  await client.request('textDocument/documentSymbol', doc);
  await client.request('textDocument/foldingRange', doc);
  await client.request('textDocument/semanticTokens/full', doc);
  await client.request('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } });
  await client.request('textDocument/codeAction', { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } });
  await client.request('textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } });
}

describe('a document nested 10,000 deep', () => {
  it('gets a positioned LCFF-E009; hover and diagnostics keep working in the other files', async () => {
    const deep = client.nextDiagnostics(u('deep.lcff'), (d) => d.length > 0);
    await client.open(u('deep.lcff'), `formula deep() : Number\n  cite "EC 2574"\n  = ${'('.repeat(10000)}1${')'.repeat(10000)}\n`);
    const ds = await deep;
    expect(ds.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['LCFF-E009', 2, 68]]);
    expect(await hoverElsewhere()).toContain('district_rate_per_ada');
    const other = client.nextDiagnostics(u('other.lcff'), (d) => d.some((x) => x.code === 'LCFF-E010'));
    await client.open(u('other.lcff'), 'formula other() : Number\n  cite "EC 2574"\n  = unknown_thing\n');
    expect((await other).map((d) => d.code)).toEqual(['LCFF-E010']);
    await everyRequestAnswers(u('deep.lcff'));
    expect(client.proc.exitCode).toBeNull();
  });
});

describe('a 5 MB document', () => {
  it('is refused with one diagnostic; the other files answer', async () => {
    const huge = client.nextDiagnostics(u('huge.lcff'), (d) => d.length > 0);
    await client.open(u('huge.lcff'), `formula huge() : Number\n  cite "EC 2574"\n  = ${Array.from({ length: 500000 }, (_, i) => `${i}`).join(' + ')}\n`);
    const ds = await huge;
    expect(ds.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['LCFF-E009', 0, 0]]);
    expect(ds[0].message).toMatch(/lcff reads rule and parameter files of up to 500,000/);
    expect(await hoverElsewhere()).toContain('district_rate_per_ada');
    await everyRequestAnswers(u('huge.lcff'));
  });

  it('a 5 MB parameter file likewise', async () => {
    const huge = client.nextDiagnostics(u('params/huge.yaml'), (d) => d.length > 0);
    await client.open(u('params/huge.yaml'), Array.from({ length: 80000 }, (_, i) => `p${i}:\n  description: x\n  unit: USD\n  cite: x\n  status: confirmed\n  values:\n    2019-20: ${i}\n`).join(''));
    expect((await huge).map((d) => d.code)).toEqual(['LCFF-E009']);
    expect(await hoverElsewhere()).toContain('district_rate_per_ada');
  });
});
