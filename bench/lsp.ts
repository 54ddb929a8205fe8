/**
 * Language-server latency, measured from a real client over stdio (the server
 * as a child process): change → diagnostics, completion and hover, on the rule
 * library and on a generated 10,000-line rule file. Diagnostics are measured
 * with the debounce set to 0, so the numbers are the server's own work.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { measure, printTable, type Measurement } from './measure.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ~10,000 lines: decisions of 8-line rules calling formulas and parameters. */
function generated(): string {
  const out: string[] = [];
  for (let f = 0; f < 200; f++) out.push(`/// Formula ${f}.`, `formula gen_rate_${f}(span: grade_span) : Rate`, '  cite "EC 42238.02(d)"', `  = adjusted_base(span) * supplemental_pct + ${f}`, '');
  for (let d = 0; out.length < 10000; d++) {
    out.push(`decision gen_${d} for student`, '  output amount : Rate', '');
    for (let r = 0; r < 20; r++) {
      out.push(`  /// Rule ${r}.`, `  rule r_${r}`, '    cite "EC 2574(c)(4)(A)"', `    effective ${2013 + (r % 10)}-${String((14 + (r % 10)) % 100).padStart(2, '0')} onward`.replace(/onward$/, r < 19 ? `..${2013 + (r % 10)}-${String((14 + (r % 10)) % 100).padStart(2, '0')}` : 'onward'), `    when student.basis in [wic_300, wic_601] and student.ada > ${r}`, `    then amount = gen_rate_${(d * 20 + r) % 200}(k3)`, '');
    }
    out.push('end', '');
  }
  return out.join('\n');
}

/** A language server over stdio on a copy of rules/, watching the diagnostics of one file (`rules/<file>`). */
async function startServer(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lcff-bench-'));
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  const proc = spawn(process.execPath, [join(ROOT, 'dist/lsp/server/main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const uri = pathToFileURL(join(dir, 'rules', file)).href;
  let waiting: (() => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === uri) waiting?.();
  });
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { diagnosticsDelay: 0 } });
  await conn.sendNotification('initialized', {});
  return {
    dir,
    conn,
    uri,
    /** resolves at the next diagnostics of the watched file */
    diagnosed: (): Promise<void> => new Promise((r) => (waiting = r)),
    async stop(): Promise<void> {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      conn.dispose();
      proc.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function session(label: string, file: string, text: string, needle: string, rows: Measurement[], runs: number): Promise<void> {
  const { conn, uri, diagnosed, stop } = await startServer(file);
  let version = 1;
  let ready = diagnosed();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'lcff', version, text } });
  await ready;
  const at = text.indexOf(needle);
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - (text.lastIndexOf('\n', at - 1) + 1) + 3;
  rows.push(
    await measure(`${label}: change → diagnostics`, runs, async () => {
      ready = diagnosed();
      version++;
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 ? text : text + '\n' }] });
      await ready;
    }),
  );
  // typing in the middle of the file as an editor sends it (a range change): a space added at the end of the middle line, then removed
  const typed = text.indexOf('\n', Math.floor(text.length / 2));
  const typedAt = { line: text.slice(0, typed).split('\n').length - 1, character: typed - (text.lastIndexOf('\n', typed - 1) + 1) };
  version++;
  ready = diagnosed();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  await ready;
  let grown = false;
  rows.push(
    await measure(`${label}: typing mid-file → diagnostics`, runs, async () => {
      ready = diagnosed();
      version++;
      const range = grown ? { start: typedAt, end: { line: typedAt.line, character: typedAt.character + 1 } } : { start: typedAt, end: typedAt };
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: grown ? '' : ' ' }] });
      grown = !grown;
      await ready;
    }),
  );
  const position = { line, character };
  rows.push(await measure(`${label}: completion`, runs, () => conn.sendRequest('textDocument/completion', { textDocument: { uri }, position })));
  rows.push(await measure(`${label}: hover`, runs, () => conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })));
  await stop();
}

/**
 * Hover and diagnostics on transfer.lcff while a 5 MB parameter file (over the
 * size limit: refused) and a 450 KB broken rule file (under it: read, cached)
 * are open: neither may slow down the other files (issue 7: the server used
 * to block about 39 s per request with a 5 MB document open).
 */
async function hugeDocuments(rows: Measurement[], runs: number): Promise<void> {
  const { dir, conn, uri, diagnosed, stop } = await startServer('county-programs/transfer.lcff');
  const text = readFileSync(join(dir, 'rules/county-programs/transfer.lcff'), 'utf8');
  const open = (u: string, t: string, languageId: string): Promise<void> => conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId, version: 1, text: t } });
  let ready = diagnosed();
  await open(uri, text, 'lcff');
  await ready;
  const params = Array.from({ length: 62000 }, (_, i) => `p${i}:\n  description: x\n  unit: USD\n  cite: x\n  status: confirmed\n  values:\n    2019-20: ${i}\n`).join('');
  const broken = Array.from({ length: 12000 }, (_, i) => `formula f${i}(x: Number) : Number cite "x" = (x + ${i}`).join('\n').slice(0, 450000);
  await open(pathToFileURL(join(dir, 'rules/params/huge.yaml')).href, params, 'yaml');
  await open(pathToFileURL(join(dir, 'rules/broken.lcff')).href, broken, 'lcff');
  const at = text.indexOf('district_rate_per_ada(') + 3;
  const position = { line: text.slice(0, at).split('\n').length - 1, character: at - (text.lastIndexOf('\n', at - 1) + 1) };
  const label = `transfer.lcff with ${(params.length / 1e6).toFixed(1)} MB parameters and ${Math.round(broken.length / 1000)} KB broken rules open`;
  rows.push(await measure(`${label}: hover`, runs, () => conn.sendRequest('textDocument/hover', { textDocument: { uri }, position })));
  let version = 1;
  rows.push(
    await measure(`${label}: change → diagnostics`, runs, async () => {
      ready = diagnosed();
      version++;
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: version % 2 ? text : text + '\n' }] });
      await ready;
    }),
  );
  await stop();
}

/** The figures of the language-server benchmark as data (p50/p95 per row), for a combined table. */
export async function lspFigures(): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  const lib = readFileSync(join(ROOT, 'rules/county-programs/transfer.lcff'), 'utf8');
  await session('rule library (transfer.lcff)', 'county-programs/transfer.lcff', lib, 'district_rate_per_ada(', rows, 40);
  const big = generated();
  await session(`generated ${big.split('\n').length} lines`, 'generated.lcff', big, 'supplemental_pct', rows, 40);
  await hugeDocuments(rows, 15);
  return rows;
}

export async function benchLsp(): Promise<void> {
  printTable('language server (stdio, real client; diagnostics debounce 0)', await lspFigures());
}
