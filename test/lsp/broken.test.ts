/** The language server on broken files: syntax errors, unknown names, missing citations, bad YAML; refusals. */
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { markers, ROOT, TestClient } from './client.js';

let client: TestClient;
let dir: string;
const u = (name: string): string => pathToFileURL(join(dir, 'rules', name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lcff-lsp-'));
  mkdirSync(join(dir, 'rules'));
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  client = await TestClient.start(dir, { fiscalYear: '2019-20' });
});
afterAll(async () => client.stop());

const RULE = `
/// Test decision.
decision probe for student
  output flag : Bool

  /// First rule.
  rule first
    cite "EC 2574"
    effective 2013-14 onward
    when student.ada > 0 and and
    then flag = true

  /// Second rule, after the broken one.
  rule sec<|>ond
    cite "EC 2576"
    effective 2013-14 onward
    when student.basis in [<|>
    then flag = false
end
`;

describe('a syntax error typed into a rule', () => {
  it('produces diagnostics without crashing, and the rest of the file still gets hover and completion', async () => {
    const m = markers(RULE);
    const fixed = m.text.replace('and and', 'and student.census_day').replace('in [\n', 'in [voluntary]\n');
    await client.open(u('probe.lcff'), fixed);
    await client.nextDiagnostics(u('probe.lcff'), (d) => !d.some((x) => x.severity === 1));
    const broken = client.nextDiagnostics(u('probe.lcff'), (d) => d.some((x) => x.code === 'LCFF-E002'));
    await client.change(u('probe.lcff'), m.text);
    const ds = await broken;
    const e = ds.find((x) => x.code === 'LCFF-E002')!;
    expect(e.range.start.line).toBe(9);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: u('probe.lcff') }, position: m.cursors[0] });
    expect((h.contents as { value: string }).value).toContain('Second rule, after the broken one.');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: u('probe.lcff') }, position: m.cursors[1] });
    expect(items.map((i) => i.label)).toContain('wic_602');
    expect(client.proc.exitCode).toBeNull();
  });

  it('refuses to format a file with syntax errors', async () => {
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u('probe.lcff') }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([]);
  });
});

describe('diagnostics across files, code actions', () => {
  it('republishes another file when a change breaks it, with codes and did-you-mean fixes', async () => {
    const rates = join(dir, 'rules', 'rates.lcff');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(rates, 'utf8');
    const transfer = pathToFileURL(join(dir, 'rules/county-programs/transfer.lcff')).href;
    const broken = client.nextDiagnostics(transfer, (d) => d.some((x) => x.code === 'LCFF-E010'));
    await client.open(pathToFileURL(rates).href, text.replace('formula district_rate_per_ada', 'formula district_rate_per_adaa'));
    const ds = await broken;
    const d = ds.find((x) => x.code === 'LCFF-E010')!;
    expect(d.message).toContain('did you mean "district_rate_per_adaa"');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: transfer }, range: d.range, context: { diagnostics: [d] } });
    expect(actions[0].title).toBe('Change to "district_rate_per_adaa"');
    const fixed = client.nextDiagnostics(transfer, (x) => !x.some((y) => y.code === 'LCFF-E010'));
    await client.change(pathToFileURL(rates).href, text);
    await fixed;
  });

  it('reports a citation that resolves to nothing at the citation, with a fix to the nearest register id (LCFF-E063)', async () => {
    const file = join(dir, 'rules', 'county-programs', 'corrections.lcff');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    const docUri = pathToFileURL(file).href;
    const broken = client.nextDiagnostics(docUri, (d) => d.some((x) => x.code === 'LCFF-E063'));
    await client.open(docUri, text.replace('cite "FAQ Q16", "FAQ Q14"', 'cite "FAX Q16", "FAQ Q14"'));
    const d = (await broken).find((x) => x.code === 'LCFF-E063')!;
    expect(d.message).toContain('citation "FAX Q16" resolves to nothing');
    const line = text.split('\n').findIndex((l) => l.includes('cite "FAQ Q16", "FAQ Q14"'));
    const col = text.split('\n')[line].indexOf('FAQ Q16');
    expect(d.range).toEqual({ start: { line, character: col }, end: { line, character: col + 7 } });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: docUri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions[0].title).toBe('Change to "FAQ Q16"');
    const fixed = client.nextDiagnostics(docUri, (x) => !x.some((y) => y.code === 'LCFF-E063'));
    await client.change(docUri, text);
    await fixed;
  });

  it('offers a citation stub for a rule without citation', async () => {
    const m = markers(RULE.replace('and and', 'and student.census_day').replace('in [<|>', 'in [voluntary]').replace('    cite "EC 2574"\n', ''));
    const got = client.nextDiagnostics(u('probe.lcff'), (d) => d.some((x) => x.code === 'LCFF-E032'));
    await client.change(u('probe.lcff'), m.text);
    const d = (await got).find((x) => x.code === 'LCFF-E032')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: u('probe.lcff') }, range: d.range, context: { diagnostics: [d] } });
    const stub = actions.find((a) => a.title === 'Add a citation stub')!;
    expect(stub.edit!.changes![u('probe.lcff')][0].newText).toBe('\n    cite "TODO: statute, regulation or CDE page"');
  });
});

describe('rename refusals', () => {
  it('refuses keywords and built-ins with a message', async () => {
    const m = markers('formula f(x: Number) : Number\n  cite "X"\n  = ma<|>x(x, 1) + fis<|>cal_year\n\nformula g(x: Number) : Number\n  cite "X"\n  = x\n');
    await client.open(u('names.lcff'), m.text);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: u('names.lcff') }, position: m.cursors[0] })).rejects.toThrow(/"max" is built into the rule language/);
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: u('names.lcff') }, position: { line: 1, character: 3 } })).rejects.toThrow(/"cite" is a keyword/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: u('names.lcff') }, position: { line: 0, character: 8 }, newName: 'rule' })).rejects.toThrow(/keyword/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: u('names.lcff') }, position: { line: 0, character: 8 }, newName: 'g' })).rejects.toThrow(/already declared/);
  });
});

describe('formatting', () => {
  it('lays out a messy file canonically, keeps every comment, and a second pass changes nothing', async () => {
    const messy = '// header\nformula   f( x :Number ,y: Number)   :Number   cite "X" // why\n effective 2019-20   onward\n = max( x,-y )+round(x*2)to dollar\nenum e "E" a "A"   b\n// note on c\nc end\n';
    await client.open(u('messy.lcff'), messy);
    const fmt = async (): Promise<string | undefined> => {
      const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: u('messy.lcff') }, options: { tabSize: 2, insertSpaces: true } });
      return edits[0]?.newText;
    };
    const once = await fmt();
    expect(once).toBe('// header\nformula f(x: Number, y: Number) : Number\n  cite "X" // why\n  effective 2019-20 onward\n  = max(x, -y) + round(x * 2) to dollar\n\nenum e "E"\n  a "A"\n  b\n  // note on c\n  c\nend\n');
    await client.change(u('messy.lcff'), once!);
    expect(await fmt()).toBeUndefined();
  });
});

describe('parameter YAML', () => {
  it('reports YAML diagnostics with the loader codes and still hovers the rest', async () => {
    const file = pathToFileURL(join(dir, 'rules/params/upp.yaml')).href;
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(join(dir, 'rules/params/upp.yaml'), 'utf8');
    const got = client.nextDiagnostics(file, (d: Diagnostic[]) => d.some((x) => x.severity === 1));
    await client.open(file, text.replace(/unit: \w+/, 'unit: dollars'));
    const ds = await got;
    expect(ds[0].code).toMatch(/^LCFF-P\d+|^LCFF-E\d+/);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: pathToFileURL(join(dir, 'rules/params/base-grants.yaml')).href }, position: { line: 5, character: 3 } });
    expect((h!.contents as { value: string }).value).toContain('base_grant_per_ada');
  });
});
