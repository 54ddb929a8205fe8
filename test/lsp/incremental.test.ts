/**
 * After an edit the server publishes the edited file's diagnostics first,
 * then those of the other files the edit affected (issue 9, item 5).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TestClient } from './client.js';

let client: TestClient;
let dir: string;
const u = (name: string): string => pathToFileURL(join(dir, 'rules', name)).href;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lcff-lsp-inc-'));
  cpSync(join(ROOT, 'rules'), join(dir, 'rules'), { recursive: true });
  client = await TestClient.start(dir, { diagnosticsDelay: 0 });
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the server has published nothing for 500 ms (the diagnostics of the files opened so far are all out). */
async function quiet(): Promise<void> {
  for (let n = -1; n !== client.published.length; ) {
    n = client.published.length;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('incremental diagnostics', () => {
  it('an edit that breaks another file publishes the edited file first, then the other', async () => {
    const rates = readFileSync(join(dir, 'rules/rates.lcff'), 'utf8');
    const transfer = readFileSync(join(dir, 'rules/county-programs/transfer.lcff'), 'utf8');
    let ready = client.nextDiagnostics(u('county-programs/transfer.lcff'));
    await client.open(u('county-programs/transfer.lcff'), transfer);
    expect(await ready).toEqual([]);
    ready = client.nextDiagnostics(u('rates.lcff'));
    await client.open(u('rates.lcff'), rates);
    expect(await ready).toEqual([]);

    await quiet();

    // renaming the formula transfer.lcff calls: rates.lcff itself stays clean, transfer.lcff gets errors
    const from = client.published.length;
    const broken = client.nextDiagnostics(u('county-programs/transfer.lcff'), (d) => d.length > 0);
    await client.change(u('rates.lcff'), rates.replace('formula district_rate_per_ada(', 'formula district_rate_per_ada_renamed('));
    const errors = await broken;
    expect(errors.some((d) => d.severity === 1 && String(d.message).includes('district_rate_per_ada'))).toBe(true);
    const order = client.published.slice(from);
    expect(order[0]).toBe(u('rates.lcff'));
    expect(order.indexOf(u('county-programs/transfer.lcff'))).toBeGreaterThan(0);

    // and back: both clean again, the edited file first
    await quiet();
    const from2 = client.published.length;
    const fixed = client.nextDiagnostics(u('county-programs/transfer.lcff'), (d) => d.length === 0);
    await client.change(u('rates.lcff'), rates);
    await fixed;
    expect(client.published.slice(from2)[0]).toBe(u('rates.lcff'));
    expect(client.diagnostics.get(u('rates.lcff'))).toEqual([]);
  });

  it('a burst of edits ends with the diagnostics of the last text; files whose diagnostics did not change are not sent again', async () => {
    const transfer = readFileSync(join(dir, 'rules/county-programs/transfer.lcff'), 'utf8');
    await quiet();
    const from = client.published.length;
    const uses = (k: number): string => transfer.replace('district_rate_per_ada(', `no_such_formula_${k}(`);
    for (let k = 1; k <= 5; k++) await client.change(u('county-programs/transfer.lcff'), uses(k));
    await quiet();
    const last = client.diagnostics.get(u('county-programs/transfer.lcff'))!;
    expect(last.some((d) => String(d.message).includes('no_such_formula_5'))).toBe(true);
    expect(last.some((d) => /no_such_formula_[1-4]\b/.test(String(d.message)))).toBe(false);
    expect(new Set(client.published.slice(from))).toEqual(new Set([u('county-programs/transfer.lcff')]));
    // a line typed above the error, as a range change: positions below it move, the messages stay
    const at = uses(5).indexOf('\n', uses(5).indexOf('decision transfer '));
    await client.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: u('county-programs/transfer.lcff'), version: 100 },
      contentChanges: [{ range: { start: position(uses(5), at), end: position(uses(5), at) }, text: '\n  // a new line' }],
    });
    await quiet();
    const moved = client.diagnostics.get(u('county-programs/transfer.lcff'))!;
    expect(moved.map((d) => d.message)).toEqual(last.map((d) => d.message));
    const lineOf = uses(5).slice(0, at).split('\n').length - 1;
    expect(last.some((d) => d.range.start.line > lineOf)).toBe(true);
    expect(moved.map((d) => d.range.start.line)).toEqual(last.map((d) => d.range.start.line + (d.range.start.line > lineOf ? 1 : 0)));
  });
});

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}
