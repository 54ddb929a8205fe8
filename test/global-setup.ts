/**
 * Builds dist/ once before the suite: the CLI and language-server tests run
 * the real `lcff` and `lcff-lsp` programs as child processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): (() => void) | undefined {
  // the suite's `lcff` runs share one fresh cache of checked libraries, never the user's
  const cache = process.env.LCFF_CACHE_DIR === undefined ? mkdtempSync(join(tmpdir(), 'lcff-test-cache-')) : undefined;
  if (cache) process.env.LCFF_CACHE_DIR = cache;
  const teardown = cache ? (): void => rmSync(cache, { recursive: true, force: true }) : undefined;
  if (process.env.LCFF_TEST_NO_BUILD) return teardown; // dist/ built by hand
  const root = new URL('../', import.meta.url).pathname;
  // the same two compilations as `npm run build`: the project, then the type check of the VS Code client
  for (const project of ['tsconfig.json', 'lsp/vscode/tsconfig.json']) {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}${project}`], { cwd: root, stdio: 'inherit' });
  }
  return teardown;
}
