/**
 * `npm run package:vscode` on this checkout: the .vsix holds the manifest,
 * grammar, license and both bundles and nothing of the sources; the server
 * taken out of it runs on its own (no node_modules, no repository around it)
 * and checks a workspace's rule files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/library.js';
import { TestClient } from './client.js';

const work = mkdtempSync(join(tmpdir(), 'lcff-vsix-'));
const vsix = join(work, 'lcff.vsix');
let zip: JSZip;

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'lsp/vscode/scripts/package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/error/i);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`wrote ${vsix}`);
  zip = await JSZip.loadAsync(readFileSync(vsix));
}, 60000);

describe('the .vsix', () => {
  it('holds the manifest, both bundles, the grammar, the language configuration, the readme and the license', () => {
    const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir).sort();
    expect(files).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/language-configuration.json',
      'extension/package.json',
      'extension/readme.md',
      'extension/syntaxes/lcff.tmLanguage.json',
    ]);
  });

  it('has the project license and a manifest that starts the bundled client', async () => {
    expect(await zip.file('extension/LICENSE.txt')!.async('string')).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
    const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.contributes.grammars[0].path).toBe('./syntaxes/lcff.tmLanguage.json');
    const client = await zip.file('extension/dist/extension.js')!.async('string');
    expect(client).toMatch(/LanguageClient/);
    expect(client).toMatch(/require\("vscode"\)/); // VS Code's own module stays outside the bundle
    expect(client).not.toMatch(/require\("vscode-languageclient/); // the client library is inside it
  });
});

describe('the server bundled in the .vsix, alone in a folder', () => {
  let client: TestClient;
  let workspace: string;

  beforeAll(async () => {
    const serverDir = join(work, 'installed');
    mkdirSync(serverDir);
    const server = join(serverDir, 'server.js');
    writeFileSync(server, await zip.file('extension/dist/server.js')!.async('nodebuffer'));
    workspace = join(work, 'county-rules');
    cpSync(join(ROOT, 'rules'), join(workspace, 'rules'), { recursive: true });
    client = await TestClient.start(workspace, { fiscalYear: '2019-20' }, server);
  }, 30000);

  afterAll(async () => {
    await client?.stop();
  });

  it('reports an unknown name in a rule file of the workspace, with its code', async () => {
    const file = pathToFileURL(join(workspace, 'rules', 'extra.lcff')).href;
    const pending = client.nextDiagnostics(file, (d) => d.length > 0);
    await client.open(file, 'formula twice(x: Money) : Money\n  cite "test"\n  = x * tw0\n');
    const diags = await pending;
    expect(diags.map((d) => d.code)).toContain('LCFF-E010');
    expect(client.stderr).toBe('');
  });

  it('answers hover with a parameter of the workspace library', async () => {
    const file = pathToFileURL(join(workspace, 'rules', 'rates.lcff')).href;
    const text = readFileSync(join(workspace, 'rules', 'rates.lcff'), 'utf8');
    await client.open(file, text);
    const offset = text.indexOf('supplemental_pct');
    expect(offset).toBeGreaterThan(0);
    const before = text.slice(0, offset);
    const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) + 2 };
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: file }, position });
    expect(hover?.contents.value).toMatch(/20%/);
  });
});
