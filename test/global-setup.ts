/**
 * Builds dist/ once before the suite: the CLI and language-server tests run
 * the real `lcff` and `lcff-lsp` programs as child processes.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.LCFF_TEST_NO_BUILD) return; // dist/ built by hand
  const root = new URL('../', import.meta.url).pathname;
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`], { cwd: root, stdio: 'inherit' });
}
